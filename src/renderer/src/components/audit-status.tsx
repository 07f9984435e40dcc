/** Whether the audit chain holds, and when that was last checked; a broken chain is shown with its code. */
import { useTranslation } from 'react-i18next';
import type { AuditVerification, Language } from '../../../shared/contract.ts';
import { errorText } from '../../../shared/errors.ts';
import { keyStatusText } from '../audit-text.ts';
import { formatTime } from '../format.ts';
import { useAuditStore } from '../stores/audit-store.ts';

function KeyStatus({ verification, language }: { verification: AuditVerification; language: Language }) {
  const { t } = useTranslation();
  const text = keyStatusText(verification, language, t);
  return text === null ? null : <span className="hint" data-testid="audit-key" data-confirmed={verification.keyConfirmed}> {text}</span>;
}

export function AuditStatus() {
  const { t, i18n } = useTranslation();
  const verification = useAuditStore((s) => s.verification);
  const verifying = useAuditStore((s) => s.verifying);
  const verify = useAuditStore((s) => s.verify);
  const language = i18n.language === 'de' ? 'de' : 'en';
  return (
    <div className="audit-status">
      {verification ? (
        <div role="status" data-testid="audit-status" className={verification.ok ? 'status-ok' : 'status-bad'}>
          {verification.ok
            ? t('audit.chainOk', { count: verification.count, formatted: verification.count.toLocaleString(language) })
            : <>
                {t('audit.chainBroken', { seq: verification.brokenAt })}{' '}
                <span className="code">{t('errors.code')}: AUDIT_CHAIN_BROKEN</span>
                <p className="status-next">{errorText('AUDIT_CHAIN_BROKEN', language).next}</p>
                {/* The reason is written by the service in English: on a German page the code and step stand for it. */}
                {language === 'en' && verification.reason ? <p className="detail">{verification.reason}</p> : null}
              </>}
          {verification.ok ? <span className="hint" data-testid="audit-anchored"> {verification.anchored ? t('audit.anchored') : t('audit.notAnchored')}</span> : null}
          <KeyStatus verification={verification} language={language} />
          <span className="hint" data-testid="audit-checked-at"> {t('audit.checkedAt', { time: formatTime(verification.checkedAt, language) })}</span>
        </div>
      ) : null}
      {/* Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>. */}
      <button type="button" data-testid="audit-verify" onClick={() => { if (!verifying) void verify(); }} aria-disabled={verifying || undefined}>
        {verifying ? t('audit.verifying') : t('audit.verify')}
      </button>
    </div>
  );
}
