/** Shown where a page crashed: what happened, the report, and a restart; the sidebar still works. */
import { useTranslation } from 'react-i18next';
import { restartWindow } from '../errors/crash-report.ts';

/** The fallback of a crashed page (the program error itself is in the error queue above it). */
export function PageCrashed() {
  const { t } = useTranslation();
  return (
    <section className="crashed" data-testid="page-crashed" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>{t('errors.crashTitle')}</h1>
      <p>{t('errors.crashText')}</p>
      <button type="button" className="primary" onClick={restartWindow}>{t('errors.restart')}</button>
    </section>
  );
}

/** The fallback when the whole window crashed: no translations needed, both languages at once. */
export function AppCrashed() {
  return (
    <div className="boot" role="alert" data-testid="app-crashed">
      <p lang="de">Ferry ist auf einen Programmfehler gestoßen. Ein Fehlerbericht wird geschrieben.</p>
      <p lang="en">Ferry hit a program error. An error report is being written.</p>
      <button type="button" onClick={restartWindow}><span lang="de">Neu starten</span> · <span lang="en">Restart</span></button>
    </div>
  );
}
