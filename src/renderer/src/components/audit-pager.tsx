/** "1–100 of 1,000" and the way through the pages (newest first), with the page size. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lastPageOffset, PAGE_SIZES } from '../stores/audit-query.ts';
import { useAuditStore } from '../stores/audit-store.ts';

/**
 * A paging button that stays focusable at the end of the log (`aria-disabled`, not `disabled`): a
 * keyboard user paging to the last page keeps the focus instead of being dropped to the top.
 */
function PagerButton({ id, off, go, children }: { id: string; off: boolean; go(): Promise<void>; children: ReactNode }) {
  return (
    <button type="button" data-testid={`audit-${id}`} aria-disabled={off || undefined} onClick={() => { if (!off) void go(); }}>{children}</button>
  );
}

export function AuditPager() {
  const { t, i18n } = useTranslation();
  const { offset, limit, matching, total, entries, goTo, setLimit } = useAuditStore();
  const n = (value: number) => value.toLocaleString(i18n.language);
  const last = lastPageOffset(matching, limit);
  const range = entries.length === 0
    ? t('audit.pager.none', { total: n(matching) })
    : t('audit.pager.range', { first: n(offset + 1), last: n(offset + entries.length), total: n(matching) });
  return (
    <nav className="pager" aria-label={t('audit.pager.label')}>
      <span data-testid="audit-range" aria-live="polite">{range}</span>
      {matching !== total ? <span className="hint" data-testid="audit-total"> {t('audit.pager.ofAll', { total: n(total) })}</span> : null}
      <span className="pager-buttons">
        <PagerButton id="first" off={offset === 0} go={() => goTo(0)}>{t('audit.pager.newest')}</PagerButton>
        <PagerButton id="prev" off={offset === 0} go={() => goTo(offset - limit)}>{t('audit.pager.newer')}</PagerButton>
        <PagerButton id="next" off={offset >= last} go={() => goTo(offset + limit)}>{t('audit.pager.older')}</PagerButton>
        <PagerButton id="last" off={offset >= last} go={() => goTo(last)}>{t('audit.pager.oldest')}</PagerButton>
      </span>
      <label className="pager-size">
        {t('audit.pager.size')}{' '}
        <select data-testid="audit-page-size" value={limit} onChange={(e) => void setLimit(Number(e.target.value))}>
          {PAGE_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
        </select>
      </label>
    </nav>
  );
}
