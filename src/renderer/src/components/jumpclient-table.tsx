/**
 * The clients that have not upgraded, filtered by name and reason. A list can hold 50,000 clients:
 * at most MAX_ROWS rows are rendered at once, with how many the cap hides (the saved CSV has all).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JumpClientCheck } from '../../../shared/contract.ts';
import type { FetchedCheck } from '../stores/jumpclient-store.ts';

type Straggler = JumpClientCheck['notUpgraded'][number];
type Reason = Straggler['reason'];

const REASONS: readonly Reason[] = ['pending', 'not-since', 'no-date'];
/** Rows rendered at once: enough to scan, few enough to stay quick. */
const MAX_ROWS = 500;

interface Props {
  result: FetchedCheck;
  /**
   * Read from the appliance: `row` is the client's place in its list, not a line of a file, and there
   * is no status text of the console's (only "needs an update", which the reason already says).
   */
  fromAppliance?: boolean;
}

export function JumpClientTable({ result, fromAppliance = false }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [reason, setReason] = useState<Reason | ''>('');
  const query = useDeferredValue(text.trim().toLocaleLowerCase());
  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const date = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }), [i18n.language]);
  const matching = useMemo(
    () => result.notUpgraded.filter((s) => (reason === '' || s.reason === reason) && (query === '' || s.name.toLocaleLowerCase().includes(query))),
    [result, reason, query],
  );
  const shown = matching.slice(0, MAX_ROWS);
  const hidden = matching.length - shown.length;
  // The service gives an ISO instant for a date it read, else the cell as it was (or nothing).
  const isInstant = (value: string | null) => value !== null && /^\d{4}-\d{2}-\d{2}T/.test(value);
  const filtered = text.trim() !== '' || reason !== '';
  return (
    <>
      <div className="clients-filter" role="search">
        <div className="field">
          <label htmlFor="clients-filter-name">{t('clients.table.filterName')}</label>
          <input id="clients-filter-name" type="search" data-testid="clients-filter-name" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="clients-filter-reason">{t('clients.table.filterReason')}</label>
          <select id="clients-filter-reason" data-testid="clients-filter-reason" value={reason} onChange={(e) => setReason(e.target.value as Reason | '')}>
            <option value="">{t('clients.table.allReasons', { formatted: number.format(result.notUpgraded.length) })}</option>
            {REASONS.map((r) => <option key={r} value={r}>{t('clients.table.reasonOption', { reason: t(`clients.reason.${r}`), formatted: number.format(result.counts[r]) })}</option>)}
          </select>
        </div>
      </div>
      <p className="hint" data-testid="clients-matching" aria-live="polite">
        {filtered ? t('clients.table.matching', { count: matching.length, formatted: number.format(matching.length) }) : null}
        {hidden > 0 ? ` ${t('clients.table.capped', { count: hidden, formatted: number.format(hidden), cap: number.format(MAX_ROWS) })}` : null}
      </p>
      {matching.length === 0 ? <p data-testid="clients-no-match">{t('clients.table.noMatch')}</p> : (
        <div className="table-scroll">
          <table className="clients-table clients-stragglers" data-testid="clients-table">
            <thead>
              <tr>
                <th scope="col">{t('clients.table.name')}</th>
                {fromAppliance ? null : <th scope="col">{t('clients.table.status')}</th>}
                <th scope="col">{t('clients.table.lastSeen')}</th>
                <th scope="col">{t('clients.table.reason')}</th>
                <th scope="col" className="num">{fromAppliance ? t('clients.source.row') : t('clients.table.row')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.row} data-testid="clients-row" data-reason={s.reason}>
                  <th scope="row" className="client-name">{s.name === '' ? '—' : s.name}</th>
                  {fromAppliance ? null : <td className="cell-text">{s.status === '' ? '—' : s.status}</td>}
                  <td className={isInstant(s.lastSeen) ? 'time' : 'cell-text'}>{isInstant(s.lastSeen) ? date.format(new Date(s.lastSeen!)) : s.lastSeen ?? '—'}</td>
                  <td className="reason-cell"><span className={`reason reason-${s.reason}`}>{t(`clients.reason.${s.reason}`)}</span></td>
                  <td className="num">{s.row}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
