/** The audit log for a reviewer: chain status, filters, one page of entries in words, and paging. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract.ts';
import { actionLabel, actorLabel, detailParts, isSha256Hex, subjectLabel } from '../audit-text.ts';
import { AuditFilterBar } from '../components/audit-filter.tsx';
import { AuditPager } from '../components/audit-pager.tsx';
import { AuditStatus } from '../components/audit-status.tsx';
import { FingerprintText } from '../components/fingerprint-text.tsx';
import { isInverted } from '../stores/audit-query.ts';
import { PageTitle } from '../components/page-title.tsx';
import { formatTime } from '../format.ts';
import { useAuditStore } from '../stores/audit-store.ts';

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-testid="audit-row" data-seq={entry.seq} data-action={entry.action}>
      <td className="num">{entry.seq}</td>
      <td className="time">{formatTime(entry.at, i18n.language)}</td>
      <td>{actorLabel(entry.actor, t, i18n)}</td>
      <td data-testid="audit-action">{actionLabel(entry.action, t, i18n)}</td>
      <td className="subject">{isSha256Hex(entry.subject) ? <FingerprintText hex={entry.subject} /> : subjectLabel(entry.subject, t, i18n)}</td>
      <td className="details" data-testid="audit-details">
        {detailParts(entry, t, i18n).map((part, i) => (
          <span key={i} className="detail-part">{'hex' in part ? <>{part.label}: <FingerprintText hex={part.hex} /></> : part.text}</span>
        ))}
      </td>
    </tr>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const entries = useAuditStore((s) => s.entries);
  const total = useAuditStore((s) => s.total);
  const inverted = useAuditStore((s) => isInverted(s.filter));
  const load = useAuditStore((s) => s.load);
  const verify = useAuditStore((s) => s.verify);
  useEffect(() => { void load(); void verify(); }, [load, verify]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <AuditStatus />
      <AuditFilterBar />
      <AuditPager />
      {entries.length === 0 ? <p className={inverted ? 'empty status-bad' : 'empty'} id="audit-empty" role="status" data-testid="audit-empty" data-inverted={inverted || undefined}>
          {total === 0 ? t('audit.empty') : inverted ? t('audit.filter.inverted') : t('audit.noMatch')}
        </p> : (
        <table className="audit" data-testid="audit-table">
          <thead>
            <tr>
              {(['seq', 'at', 'actor', 'action', 'subject', 'details'] as const).map((c) => <th key={c} scope="col">{t(`audit.columns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>{entries.map((e) => <AuditRow key={e.seq} entry={e} />)}</tbody>
        </table>
      )}
    </section>
  );
}
