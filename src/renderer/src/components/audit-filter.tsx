/** Filters for the audit log: one action, and a span of days (both ends included). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel } from '../audit-text.ts';
import { isInverted, NO_FILTER } from '../stores/audit-query.ts';
import { useAuditStore } from '../stores/audit-store.ts';

export function AuditFilterBar() {
  const { t, i18n } = useTranslation();
  const filter = useAuditStore((s) => s.filter);
  const actions = useAuditStore((s) => s.actions);
  const setFilter = useAuditStore((s) => s.setFilter);
  const active = filter.action !== '' || filter.fromDay !== '' || filter.toDay !== '';
  const choices = actions.includes(filter.action) || filter.action === '' ? actions : [...actions, filter.action];
  const actionSelect = useRef<HTMLSelectElement>(null);
  const inverted = isInverted(filter);
  // "Clear filter" disappears with the filter: the focus goes to the first filter control, not to <body>.
  const clear = () => { actionSelect.current?.focus(); void setFilter(NO_FILTER); };
  return (
    <form className="audit-filter" role="search" aria-label={t('audit.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.filter.action')}</label>
        <select id="audit-action" ref={actionSelect} data-testid="audit-filter-action" value={filter.action} onChange={(e) => void setFilter({ action: e.target.value })}>
          <option value="">{t('audit.filter.allActions')}</option>
          {choices.map((a) => <option key={a} value={a}>{actionLabel(a, t, i18n)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('audit.filter.from')}</label>
        <input id="audit-from" type="date" data-testid="audit-filter-from" value={filter.fromDay} max={filter.toDay || undefined}
          onChange={(e) => void setFilter({ fromDay: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.filter.to')}</label>
        <input id="audit-to" type="date" data-testid="audit-filter-to" value={filter.toDay} min={filter.fromDay || undefined}
          aria-invalid={inverted || undefined} aria-describedby={inverted ? 'audit-empty' : undefined}
          onChange={(e) => void setFilter({ toDay: e.target.value })} />
      </div>
      {active ? <button type="button" data-testid="audit-filter-clear" onClick={clear}>{t('audit.filter.clear')}</button> : null}
    </form>
  );
}
