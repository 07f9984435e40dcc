/**
 * A check's result: how many clients checked in since the upgrade, the others counted by reason,
 * the columns as recognised (to correct), the table of those not upgraded, what the technician can
 * do about them (the guide's facts), the estimate at the appliance's limits, and the list saved.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { JumpClientCheck, Language } from '../../../shared/contract.ts';
import type { ColumnMapping } from '../../../shared/jumpclients/columns.ts';
import { isOutdated, useJumpClientStore } from '../stores/jumpclient-store.ts';
import { JumpClientEstimate } from './jumpclient-estimate.tsx';
import { JumpClientMapping } from './jumpclient-mapping.tsx';
import { JumpClientSave } from './jumpclient-save.tsx';
import { JumpClientTable } from './jumpclient-table.tsx';

const REASONS = ['pending', 'not-since', 'no-date'] as const;
const SUGGESTIONS = ['passive', 'jump', 'redeploy'] as const;

interface Props {
  result: JumpClientCheck;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCheck(mapping: Partial<ColumnMapping>): void;
}

export function JumpClientResult({ result, headingRef, onCheck }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const outdated = useJumpClientStore(isOutdated);
  const since = useJumpClientStore((s) => s.checked?.since ?? null);
  const busy = useJumpClientStore((s) => s.busy);
  const number = new Intl.NumberFormat(lang);
  const sinceText = since === null ? '' : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(since));
  const behind = result.notUpgraded.length;
  return (
    <div className={outdated ? 'clients-result outdated' : 'clients-result'} data-testid="clients-result">
      <h2 ref={headingRef} tabIndex={-1}>{t('clients.result.title')}</h2>
      {outdated ? <p className="warn-text" data-testid="clients-outdated">{t('clients.result.outdated')}</p> : null}
      <p className="clients-summary" data-testid="clients-summary">
        {t('clients.result.summary', { count: result.upgraded, formatted: number.format(result.upgraded), total: number.format(result.total), since: sinceText })}
      </p>
      {behind === 0 ? <p className="cert-ok" data-testid="clients-all-upgraded">{t('clients.result.allUpgraded')}</p> : (
        <ul className="clients-counts" data-testid="clients-counts" aria-label={t('clients.result.countsLabel')}>
          {REASONS.map((r) => (
            <li key={r} data-testid={`clients-count-${r}`}>
              <span className={`reason reason-${r}`}>{t(`clients.reason.${r}`)}</span> <strong>{number.format(result.counts[r])}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('clients.mapping.title')}</h3>
      <p className="hint">{t('clients.mapping.intro')}</p>
      <JumpClientMapping key={JSON.stringify([result.headers, result.mapping, result.how])} headers={result.headers} shown={result.mapping} how={result.how} busy={busy} onCheck={onCheck} />
      {behind > 0 ? (
        <>
          <h3>{t('clients.table.title', { formatted: number.format(behind) })}</h3>
          <JumpClientTable result={result} />
          <h3>{t('clients.suggestions.title')}</h3>
          <ul className="clients-suggestions" data-testid="clients-suggestions">
            {SUGGESTIONS.map((s) => <li key={s}>{t(`clients.suggestions.${s}`)}</li>)}
          </ul>
          <JumpClientEstimate key={behind} clients={behind} />
          {outdated ? null : <JumpClientSave />}
        </>
      ) : null}
    </div>
  );
}
