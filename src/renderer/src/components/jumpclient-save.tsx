/** The stragglers saved as CSV for the helpdesk (all of them, not only the rows shown), and where. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import { JUMPCLIENT_SOURCES, useJumpClientStore } from '../stores/jumpclient-store.ts';
import { InlineErrors } from './error-notice.tsx';

export function JumpClientSave() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const { save, saved, busy } = useJumpClientStore();
  const done = useRef<HTMLParagraphElement>(null);
  const run = async () => {
    if (await save(lang)) requestAnimationFrame(() => done.current?.focus());
  };
  return (
    <section className="clients-save" aria-labelledby="clients-save-title">
      <h3 id="clients-save-title">{t('clients.save.title')}</h3>
      <p className="hint">{t('clients.save.hint')}</p>
      <InlineErrors source={JUMPCLIENT_SOURCES.save} />
      <div className="buttons">
        <button type="button" data-testid="clients-save" disabled={busy} onClick={() => void run()}>{t('clients.save.button')}</button>
      </div>
      {saved ? (
        <p className="transfer-result" data-testid="clients-saved" tabIndex={-1} ref={done} role="status">
          {t('clients.save.saved', { count: saved.count, formatted: new Intl.NumberFormat(lang).format(saved.count), file: saved.file })}
        </p>
      ) : null}
    </section>
  );
}
