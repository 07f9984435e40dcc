/**
 * An open run: its procedure and appliances, the maintenance windows, for Atlas the cluster as a
 * picture, the steps by section (each with where it stands), and the record for the change ticket
 * (report as HTML or PDF) and the calendar. After a step is done the focus goes to the next step
 * that can be done, so the technician's eye follows the procedure.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Run, StatusReadingInfo } from '../../../shared/contract.ts';
import { clusterPicture } from '../../../shared/runbooks/cluster.ts';
import { RUNBOOKS } from '../../../shared/runbooks/index.ts';
import { RUN_WINDOWS, windowOfSection } from '../../../shared/runbooks/run-windows.ts';
import { formatTime } from '../format.ts';
import { RUNBOOK_SOURCES, useRunbookStore } from '../stores/runbook-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { useLinkedAppliances } from './runbook-link-reading.tsx';
import { RunbookStep } from './runbook-step.tsx';

/** What the appliance link last read of a node: version, health, failover sync and when. */
function NodeReading({ reading }: { reading: StatusReadingInfo }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={`node-link ${reading.success ? '' : 'unhealthy'}`} data-testid={`rb-node-link-${reading.name}`}>
      {t('runbook.cluster.link', { version: reading.version ?? '?', at: formatTime(reading.readAt, i18n.language) })}
      {reading.success ? '' : ` · ${t('runbook.link.unhealthy', { message: reading.errorMessage ?? '' })}`}
      {reading.lastDataSync ? ` · ${t('runbook.cluster.sync', { at: formatTime(reading.lastDataSync.at, i18n.language) })}` : ''}
    </span>
  );
}

function ClusterPicture({ run }: { run: Run }) {
  const { t } = useTranslation();
  const nodes = clusterPicture(run);
  const linked = useLinkedAppliances();
  if (nodes.length === 0) return null;
  const regions = [...new Set(nodes.filter((n) => n.role === 'traffic').map((n) => n.region ?? '—'))];
  const card = (n: (typeof nodes)[number]) => (
    <li key={n.name} className={`node ${n.role} ${n.accepting === false ? 'not-accepting' : ''}`} data-testid={`rb-node-${n.name}`} data-accepting={n.accepting === null ? undefined : String(n.accepting)}>
      <span className="node-name">{n.name}</span>
      <span className="node-role">{t(`runbook.cluster.role.${n.role}`)}{n.offlineFirst ? ` · ${t('runbook.cluster.offlineFirst')}` : ''}</span>
      <span className="node-version">{n.site ? `${n.site}${n.base ? ` / ${n.base}` : ''}` : '?'} <small>({t(`runbook.cluster.source.${n.source ?? 'none'}`)})</small></span>
      {n.accepting !== null ? <span className="node-state">{t(n.accepting ? 'runbook.cluster.accepting' : 'runbook.cluster.notAccepting')}</span> : null}
      {linked?.get(n.name)?.latest ? <NodeReading reading={linked.get(n.name)!.latest!} /> : null}
    </li>
  );
  return (
    <figure className="cluster" data-testid="rb-cluster" aria-label={t('runbook.cluster.title')}>
      <figcaption>{t('runbook.cluster.title')}</figcaption>
      <ul className="nodes masters">{nodes.filter((n) => n.role !== 'traffic').map(card)}</ul>
      {regions.map((r) => (
        <div key={r} className="region">
          <span className="region-name">{t('runbook.cluster.region', { region: r })}</span>
          <ul className="nodes">{nodes.filter((n) => n.role === 'traffic' && (n.region ?? '—') === r).map(card)}</ul>
        </div>
      ))}
    </figure>
  );
}

export function RunbookRun({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const { saveReport, saveCalendar, saved, open } = useRunbookStore();
  const definition = RUNBOOKS[run.procedure];
  const settled = run.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  // After a change the next step that can be done takes the focus (or the first waiting one).
  const onChanged = useCallback((changed: string) => {
    requestAnimationFrame(() => {
      const latest = useRunbookStore.getState().runs.find((r) => r.id === run.id);
      const steps = latest?.steps ?? [];
      // The next step after the one just done that can be done, else the first anywhere, else a wait.
      const from = steps.findIndex((s) => s.id === changed);
      const next = steps.slice(from + 1).find((s) => s.status === 'ready') ?? steps.find((s) => s.status === 'ready') ?? steps.find((s) => s.status === 'waiting');
      const target = next ? document.getElementById(`rb-title-${next.id}`) : document.getElementById('rb-run-title');
      target?.focus();
    });
  }, [run.id]);
  const parts = (['A', 'B', 'master', 'masterBackup'] as const).filter((p) => run.appliances[p]);
  const sections = definition.sections.filter((sec) => run.steps.some((s) => s.section === sec.id));
  let number = 0;
  return (
    <article className="run" data-testid="rb-run" data-run-id={run.id}>
      <div className="run-head">
        <h2 id="rb-run-title" tabIndex={-1}>{definition.title[lang]}</h2>
        <button type="button" className="secondary" data-testid="rb-back" onClick={() => {
          open(null);
          // Back in the list: the focus on the run just left.
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="rb-open-${run.id}"]`)?.focus());
        }}>{t('runbook.run.back')}</button>
      </div>
      <p className="run-progress" data-testid="rb-progress">
        {t(run.status === 'done' ? 'runbook.run.finished' : 'runbook.run.progress', { done: settled, total: run.steps.length })}
      </p>
      <progress max={run.steps.length} value={settled} aria-label={t('runbook.run.progressLabel')} />
      <dl className="facts">
        {parts.map((p) => (
          <div key={p} className="fact"><dt>{t(definition.topology === 'migration' ? `runbook.part.migration${p}` : `runbook.part.${p}`)}</dt><dd data-testid={`rb-appliance-${p}`}>{run.appliances[p]}</dd></div>
        ))}
        {run.variant ? <div className="fact"><dt>{t('runbook.start.variant')}</dt><dd>{t(`runbook.variant.${run.variant}`)}</dd></div> : null}
        <div className="fact"><dt>{t('runbook.run.started')}</dt><dd>{`${formatTime(run.createdAt, i18n.language)}${run.by ? ` · ${run.by}` : ''}`}</dd></div>
        {run.waitHours !== null ? <div className="fact"><dt>{t('runbook.run.wait')}</dt><dd data-testid="rb-run-wait">{t('runbook.run.waitValue', { hours: new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }).format(run.waitHours) })}</dd></div> : null}
        {run.windows.map((w, i) => (
          <div key={i} className="fact">
            <dt>{RUN_WINDOWS[run.procedure][i]?.title[lang]}</dt>
            <dd data-testid={`rb-run-window-${i}`}>{`${formatTime(w.start, i18n.language)} – ${formatTime(w.end, i18n.language)}`}</dd>
          </div>
        ))}
      </dl>
      <div className="buttons run-actions">
        <button type="button" data-testid="rb-report-html" onClick={() => void saveReport('html', lang)}>{t('runbook.run.reportHtml')}</button>
        <button type="button" data-testid="rb-report-pdf" onClick={() => void saveReport('pdf', lang)}>{t('runbook.run.reportPdf')}</button>
        {run.windows.length > 0 ? <button type="button" className="secondary" data-testid="rb-calendar" onClick={() => void saveCalendar(lang)}>{t('runbook.run.calendar')}</button> : null}
      </div>
      {saved ? (
        <p className="hint" data-testid="rb-saved" role="status">
          {t(`runbook.run.saved.${saved.kind}`, { file: saved.file })}{saved.sha256 ? <> <code className="hash">{saved.sha256}</code></> : null}
        </p>
      ) : null}
      <InlineErrors source={RUNBOOK_SOURCES.save} />
      {definition.topology === 'atlas' ? <ClusterPicture run={run} /> : null}
      {sections.map((sec) => {
        const w = windowOfSection(run.procedure, sec.id);
        return (
          <section key={sec.id} className="run-section" aria-labelledby={`rb-sec-${sec.id}`}>
            <h3 id={`rb-sec-${sec.id}`}>
              {sec.title[lang]}
              {w !== null && RUN_WINDOWS[run.procedure].length > 1 ? <span className="window-tag">{t('runbook.run.inWindow', { n: w + 1 })}</span> : null}
            </h3>
            <ol className="rb-steps">
              {run.steps.filter((s) => s.section === sec.id).map((s) => {
                number += 1;
                return <RunbookStep key={s.id} run={run} step={s} index={number - 1} onChanged={onChanged} />;
              })}
            </ol>
          </section>
        );
      })}
    </article>
  );
}
