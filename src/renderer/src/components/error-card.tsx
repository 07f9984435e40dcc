/** One error as a person reads it: title, code to quote, next step, known details; a restart for program errors. */
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error.ts';
import { restartWindow } from '../errors/crash-report.ts';
import { useAppStore } from '../stores/app-store.ts';
import { useErrorStore, type ShownError } from '../stores/error-store.ts';

export function ErrorCard({ error }: { error: ShownError }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const dismiss = useErrorStore((s) => s.dismiss);
  const d = describeError(error.data, language, t);
  return (
    <div className={`error-notice error-${d.severity}`} role="alert" data-testid="error-notice" data-code={d.code} data-severity={d.severity}>
      <div className="error-body">
        {d.severity === 'bug' ? <span className="error-kind">{t('errors.programError')}</span> : null}
        <strong>{d.title}</strong> <span className="code">{t('errors.code')}: {d.code}</span>
        <p>{d.next}</p>
        {d.details.length > 0 ? (
          <ul className="error-details" data-testid="error-details">{d.details.map((line) => <li key={line}>{line}</li>)}</ul>
        ) : null}
        {d.message ? <p className="detail" data-testid="error-message">{d.message}</p> : null}
        {error.report ? (
          <p className="detail" data-testid="error-report">
            {error.report.pending ? t('errors.reportPending') : error.report.file ? t('errors.reportWritten', { file: error.report.file }) : t('errors.reportFailed')}
          </p>
        ) : null}
      </div>
      <div className="error-actions">
        {error.report ? <button type="button" data-testid="error-restart" onClick={restartWindow}>{t('errors.restart')}</button> : null}
        <button type="button" data-testid="error-dismiss" onClick={() => dismiss(error.id)}>{t('errors.dismiss')}</button>
      </div>
    </div>
  );
}
