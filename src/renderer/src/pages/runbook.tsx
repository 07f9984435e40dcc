/** Runbooks: the runs under way and finished, one opened to step through, and the form to start one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import { RUNBOOKS } from '../../../shared/runbooks/index.ts';
import { PageTitle } from '../components/page-title.tsx';
import { RunbookRun } from '../components/runbook-run.tsx';
import { RunbookStart } from '../components/runbook-start.tsx';
import { formatTime } from '../format.ts';
import { useRunbookStore } from '../stores/runbook-store.ts';

export function RunbookPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const { runs, loaded, openId, load, open } = useRunbookStore();
  const [starting, setStarting] = useState(false);
  useEffect(() => { void load(); }, [load]);
  const current = runs.find((r) => r.id === openId) ?? null;
  // A run just started opens at once; its title takes the focus.
  useEffect(() => {
    if (current) {
      setStarting(false);
      requestAnimationFrame(() => document.getElementById('rb-run-title')?.focus());
    }
  }, [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('nav.runbook')}</PageTitle>
      {current ? <RunbookRun run={current} /> : (
        <>
          <p>{t('runbook.intro')}</p>
          <h2>{t('runbook.runs')}</h2>
          {!loaded ? <p className="hint">{t('app.loading')}</p> : runs.length === 0 ? (
            <p className="hint" data-testid="rb-no-runs">{t('runbook.noRuns')}</p>
          ) : (
            <ul className="run-list" data-testid="rb-runs">
              {runs.map((r) => {
                const settled = r.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
                const next = r.steps.find((s) => s.status === 'ready' || s.status === 'waiting');
                const who = [r.appliances.A, r.appliances.B, r.appliances.master, r.appliances.masterBackup].filter(Boolean).join(', ');
                return (
                  <li key={r.id} data-testid="rb-run-item">
                    <button type="button" className="link" data-testid={`rb-open-${r.id}`} onClick={() => open(r.id)}>{RUNBOOKS[r.procedure].title[lang]}</button>
                    <span className="hint">{[who, formatTime(r.createdAt, i18n.language), t(r.status === 'done' ? 'runbook.run.finished' : 'runbook.run.progress', { done: settled, total: r.steps.length })].filter(Boolean).join(' · ')}</span>
                    {next ? <span className="hint">{t('runbook.next', { step: next.title[lang] })}</span> : null}
                  </li>
                );
              })}
            </ul>
          )}
          {starting || (loaded && runs.length === 0) ? <RunbookStart {...(runs.length > 0 ? { onCancel: () => setStarting(false) } : {})} /> : (
            <button type="button" data-testid="rb-new" onClick={() => setStarting(true)}>{t('runbook.new')}</button>
          )}
        </>
      )}
    </section>
  );
}
