/**
 * A check's result: how many clients checked in since the upgrade, the others counted by reason,
 * the columns as recognised (to correct; a file's only), the table of those not upgraded, what the
 * technician can do about them (the guide's facts), the estimate at the appliance's limits, and the
 * list saved (a file's only: the save reads the file again).
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { JumpClientCheck, Language } from '../../../shared/contract.ts';
import type { ColumnMapping } from '../../../shared/jumpclients/columns.ts';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { isOutdated, useJumpClientStore, type FetchedCheck } from '../stores/jumpclient-store.ts';
import { JumpClientEstimate } from './jumpclient-estimate.tsx';
import { JumpClientMapping } from './jumpclient-mapping.tsx';
import { JumpClientSave } from './jumpclient-save.tsx';
import { JumpClientTable } from './jumpclient-table.tsx';

const REASONS = ['pending', 'not-since', 'no-date'] as const;
const SUGGESTIONS = ['passive', 'jump', 'redeploy'] as const;

interface Props {
  result: JumpClientCheck | FetchedCheck;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCheck(mapping: Partial<ColumnMapping>): void;
}

export function JumpClientResult({ result, headingRef, onCheck }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const outdated = useJumpClientStore(isOutdated);
  const since = useJumpClientStore((s) => s.checked?.since ?? null);
  const busy = useJumpClientStore((s) => s.busy);
  const fromAppliance = useJumpClientStore((s) => (s.checked?.source === 'appliance' ? s.checked.applianceId : null));
  const applianceName = useApplianceStore((s) => s.appliances.find((a) => a.id === fromAppliance)?.name ?? null);
  const number = new Intl.NumberFormat(lang);
  const sinceText = since === null ? '' : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(since));
  const behind = result.notUpgraded.length;
  return (
    <div className={outdated ? 'clients-result outdated' : 'clients-result'} data-testid="clients-result">
      <h2 ref={headingRef} tabIndex={-1}>{t('clients.result.title')}</h2>
      {outdated ? <p className="warn-text" data-testid="clients-outdated">{t('clients.result.outdated')}</p> : null}
      {fromAppliance !== null ? <p className="hint" data-testid="clients-from-appliance">{t('clients.source.readFrom', { name: applianceName ?? '—' })}</p> : null}
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
      {'headers' in result ? (
        <>
          <h3>{t('clients.mapping.title')}</h3>
          <p className="hint">{t('clients.mapping.intro')}</p>
          <JumpClientMapping key={JSON.stringify([result.headers, result.mapping, result.how])} headers={result.headers} shown={result.mapping} how={result.how} busy={busy} onCheck={onCheck} />
        </>
      ) : null}
      {behind > 0 ? (
        <>
          <h3>{t('clients.table.title', { formatted: number.format(behind) })}</h3>
          <JumpClientTable result={result} fromAppliance={fromAppliance !== null} />
          <h3>{t('clients.suggestions.title')}</h3>
          <ul className="clients-suggestions" data-testid="clients-suggestions">
            {SUGGESTIONS.map((s) => <li key={s}>{t(`clients.suggestions.${s}`)}</li>)}
          </ul>
          <JumpClientEstimate key={behind} clients={behind} />
          {outdated ? null : fromAppliance !== null ? (
            <p className="hint" data-testid="clients-no-save">{t('clients.source.noSave')}</p>
          ) : <JumpClientSave />}
        </>
      ) : null}
    </div>
  );
}
