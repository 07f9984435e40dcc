/**
 * "When did the upgrade finish?": a local date and time, or the time a runbook run's last install
 * step was done (the run named by its procedure and appliances).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Run } from '../../../shared/contract.ts';
import { RUNBOOKS } from '../../../shared/runbooks/index.ts';
import { formatTime } from '../format.ts';
import { installFinished, localInput, useJumpClientStore } from '../stores/jumpclient-store.ts';
import { useRunbookStore } from '../stores/runbook-store.ts';

/** The run's appliances by name (traffic nodes counted, there may be hundreds). */
function applianceNames(run: Run, traffic: (count: number) => string): string {
  const a = run.appliances;
  const names = [a.A, a.B, a.master, a.masterBackup].filter((n): n is string => n !== undefined);
  if (a.traffic && a.traffic.length > 0) names.push(traffic(a.traffic.length));
  return names.join(', ');
}

export function JumpClientSince() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const { since, fromRun, setSince } = useJumpClientStore();
  const runs = useRunbookStore((s) => s.runs);
  const loadRuns = useRunbookStore((s) => s.load);
  useEffect(() => { void loadRuns(); }, [loadRuns]);
  const traffic = (count: number) => t('clients.since.traffic', { count });
  const finished = runs.map((run) => ({ run, at: installFinished(run) })).filter((r): r is { run: Run; at: string } => r.at !== null);
  const pick = (id: string) => {
    const chosen = finished.find((r) => r.run.id === id);
    if (chosen) setSince(localInput(chosen.at), id);
    else setSince(since, null);
  };
  return (
    <fieldset className="clients-since">
      <legend>{t('clients.since.label')}</legend>
      <div className="clients-since-row">
        <div className="field">
          <label htmlFor="clients-since">{t('clients.since.time')}</label>
          <input id="clients-since" type="datetime-local" data-testid="clients-since" value={since} onChange={(e) => setSince(e.target.value)} aria-describedby="clients-since-hint" />
          <span className="hint" id="clients-since-hint">{t('clients.since.hint')}</span>
        </div>
        {runs.length > 0 ? (
          <div className="field">
            <label htmlFor="clients-from-run">{t('clients.since.fromRun')}</label>
            <select id="clients-from-run" data-testid="clients-from-run" value={fromRun ?? ''} onChange={(e) => pick(e.target.value)} disabled={finished.length === 0}>
              <option value="">{t('clients.since.typed')}</option>
              {finished.map(({ run, at }) => (
                <option key={run.id} value={run.id}>
                  {t('clients.since.run', { title: RUNBOOKS[run.procedure].title[lang], appliances: applianceNames(run, traffic) || '—', at: formatTime(at, lang) })}
                </option>
              ))}
            </select>
            {finished.length === 0 ? <span className="hint" data-testid="clients-no-install">{t('clients.since.noInstall')}</span> : null}
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
