/** The audit log: real entries, newest first, and whether the hash chain holds. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditStore } from '../stores/audit-store.ts';
import { formatTime } from '../format.ts';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { entries, verification, load, loading } = useAuditStore();
  useEffect(() => { void load(); }, [load]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {verification ? (
        <p className={verification.ok ? 'status-ok' : 'status-bad'} data-testid="audit-status" role="status">
          {verification.ok
            ? t('audit.chainOk', { count: verification.count })
            : t('audit.chainBroken', { seq: verification.brokenAt, reason: verification.reason })}
        </p>
      ) : null}
      <button type="button" onClick={() => void load()} disabled={loading}>{t('audit.verify')}</button>
      {entries.length === 0 ? <p>{t('audit.empty')}</p> : (
        <table className="audit" data-testid="audit-table">
          <thead>
            <tr>
              {(['seq', 'at', 'actor', 'action', 'subject'] as const).map((c) => <th key={c} scope="col">{t(`audit.columns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{formatTime(e.at, i18n.language)}</td>
                <td>{e.actor}</td>
                <td><code>{e.action}</code></td>
                <td className="subject">{e.subject}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
