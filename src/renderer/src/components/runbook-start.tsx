/**
 * Starting a run: the procedure, the appliances in their parts (from the inventory, by role), for a
 * failover pair updated asynchronously the way B becomes primary, for Atlas the half of the traffic
 * nodes that goes offline first (half of each region, rounded down — editable), the plan's packages,
 * the length of the waits and the maintenance windows (proposed from the plan, editable).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import { schedule } from '../../../shared/planner/index.ts';
import { offlineFirst } from '../../../shared/runbooks/atlas.ts';
import { RUNBOOKS } from '../../../shared/runbooks/index.ts';
import { checkWindows, DEFAULT_GAP_HOURS, proposeWindows, RUN_WINDOWS } from '../../../shared/runbooks/run-windows.ts';
import { PROCEDURE_IDS, type ProcedureId } from '../../../shared/runbooks/types.ts';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { decimal, formWindows, usePlanStore } from '../stores/plan-store.ts';
import { RUNBOOK_SOURCES, useRunbookStore } from '../stores/runbook-store.ts';
import { InlineErrors } from './error-notice.tsx';

type Part = 'A' | 'B' | 'master' | 'masterBackup';
type Variant = 'shared-ip' | 'dns-swing' | 'nat-swing';

/** The parts a procedure's topology asks for. */
function partsOf(procedure: ProcedureId): Part[] {
  switch (RUNBOOKS[procedure].topology) {
    case 'single': return ['A'];
    case 'failover':
    case 'migration': return ['A', 'B'];
    case 'atlas': return procedure === 'atlas-failover' ? ['master', 'masterBackup'] : ['master'];
    case 'clients': return [];
  }
}

/** The longest wait the guide asks for in a procedure (hours), or null when it has none. */
function guideWait(procedure: ProcedureId): number | null {
  const waits = RUNBOOKS[procedure].sections.flatMap((s) => s.steps).filter((s) => s.kind === 'wait' && s.waitHours !== undefined).map((s) => s.waitHours!);
  return waits.length === 0 ? null : Math.max(...waits);
}

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local field. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The plan's first install and its length, or tomorrow 18:00 for two hours. */
function proposal(): { start: Date; hours: number } {
  const { result, planned } = usePlanStore.getState();
  if (result?.reachable && planned) {
    const hours = Math.max(1, Math.ceil(result.estimate.installMinutes.max / 60));
    if (planned.startAt !== '') {
      try {
        const first = schedule(result, new Date(planned.startAt), formWindows(planned)).find((x) => x.item.type === 'install');
        if (first) return { start: first.start, hours };
      } catch {
        // No slot in the windows: the proposal below, the person edits it.
      }
    }
    return { start: tomorrowEvening(), hours };
  }
  return { start: tomorrowEvening(), hours: 2 };
}

function tomorrowEvening(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(18, 0, 0, 0);
  return d;
}

export function RunbookStart({ onCancel }: { onCancel?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const appliances = useApplianceStore((s) => s.appliances);
  const loadAppliances = useApplianceStore((s) => s.load);
  useEffect(() => { void loadAppliances(); }, [loadAppliances]);
  const plan = usePlanStore((s) => s.result);
  const { start, busy } = useRunbookStore();
  const [procedure, setProcedure] = useState<ProcedureId>('failover-async');
  const [parts, setParts] = useState<Partial<Record<Part, string>>>({});
  const [variant, setVariant] = useState<Variant>('shared-ip');
  const [usePlan, setUsePlan] = useState(true);
  const [waitText, setWaitText] = useState('');
  const [offline, setOffline] = useState<string[] | null>(null);
  const initial = useMemo(proposal, []);
  const [windows, setWindows] = useState<{ start: string; hours: string }[]>([]);
  const submitRef = useRef<HTMLButtonElement>(null);

  // Defaults follow the procedure: the appliances by role, the guide's wait, the windows proposed.
  useEffect(() => {
    const byRole = (role: string) => appliances.find((a) => a.role === role)?.name;
    setParts({
      A: byRole('primary') ?? byRole('standalone') ?? appliances[0]?.name, B: byRole('backup'),
      master: byRole('master'), masterBackup: appliances.filter((a) => a.role === 'master')[1]?.name ?? byRole('backup'),
    });
    const wait = guideWait(procedure);
    setWaitText(wait === null ? '' : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(wait));
    setWindows(proposeWindows(procedure, initial.start, initial.hours).map((w) => ({ start: localInput(new Date(w.start)), hours: String(initial.hours) })));
    setOffline(null);
    // Only when the procedure changes or the inventory arrives: a reload of the same list keeps the choices.
  }, [procedure, appliances.length, initial]); // eslint-disable-line react-hooks/exhaustive-deps

  const definition = RUNBOOKS[procedure];
  const traffic = appliances.filter((a) => a.role === 'traffic').map((a) => ({ name: a.name, region: a.region ?? '—' }));
  const atlas = definition.topology === 'atlas';
  const offlineNames = offline ?? offlineFirst(traffic);
  const guide = guideWait(procedure);
  const wait = waitText.trim() === '' ? null : decimal(waitText);
  const waitInvalid = waitText.trim() !== '' && !(wait !== null && Number.isFinite(wait) && wait >= 0);
  const packages = usePlan && plan?.reachable ? plan.steps.map((s) => ({ name: s.name, version: s.version, kind: s.kind })) : [];
  const runWindows = windows.map((w) => {
    const s = new Date(w.start);
    const h = decimal(w.hours);
    return Number.isNaN(s.getTime()) || !Number.isFinite(h) ? null : { start: s.toISOString(), end: new Date(s.getTime() + h * 3_600_000).toISOString() };
  });
  const windowsProblem = runWindows.some((w) => w === null) ? 'instant' : checkWindows(procedure, runWindows as { start: string; end: string }[]);
  const missing = partsOf(procedure).filter((p) => !parts[p]);
  const gaps = runWindows.slice(1).map((w, i) => (w && runWindows[i] ? (Date.parse(w.start) - Date.parse(runWindows[i]!.end)) / 3_600_000 : null));

  const submit = async () => {
    if (missing.length > 0 || waitInvalid || windowsProblem !== null) return;
    const chosen = Object.fromEntries(partsOf(procedure).map((p) => [p, parts[p]!]));
    const ok = await start({
      procedure,
      appliances: { ...chosen, ...(atlas ? { traffic, offline: offlineNames } : {}) },
      packages,
      ...(procedure === 'failover-async' ? { variant } : {}),
      ...(wait !== null && guide !== null && wait !== guide ? { waitHours: wait } : {}),
      windows: runWindows as { start: string; end: string }[],
    });
    // Refused: the focus stays on the button, next to the error shown above it.
    if (!ok) requestAnimationFrame(() => submitRef.current?.focus());
  };

  return (
    <form className="runbook-start" data-testid="runbook-start" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('runbook.start.title')}</h2>
      <div className="field">
        <label htmlFor="rb-procedure">{t('runbook.start.procedure')}</label>
        <select id="rb-procedure" data-testid="rb-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value as ProcedureId)}>
          {PROCEDURE_IDS.map((id) => <option key={id} value={id}>{RUNBOOKS[id].title[lang]}</option>)}
        </select>
        <span className="hint" data-testid="rb-summary">{definition.summary[lang]}</span>
      </div>
      {partsOf(procedure).length > 0 && appliances.length === 0 ? <p className="hint" data-testid="rb-no-appliances">{t('runbook.start.noAppliances')}</p> : null}
      {partsOf(procedure).map((part) => (
        <div className="field" key={part}>
          <label htmlFor={`rb-part-${part}`}>{t(definition.topology === 'migration' ? `runbook.part.migration${part}` : `runbook.part.${part}`)}</label>
          <select id={`rb-part-${part}`} data-testid={`rb-part-${part}`} value={parts[part] ?? ''} onChange={(e) => setParts((p) => ({ ...p, [part]: e.target.value }))}
            aria-invalid={parts[part] ? undefined : true}>
            <option value="">{t('runbook.start.choose')}</option>
            {appliances.map((a) => <option key={a.id} value={a.name}>{`${a.name} (${t(`audit.values.role.${a.role}`)}, ${a.siteVersion})`}</option>)}
          </select>
        </div>
      ))}
      {procedure === 'failover-async' ? (
        <fieldset className="field">
          <legend>{t('runbook.start.variant')}</legend>
          {(['shared-ip', 'dns-swing', 'nat-swing'] as const).map((v) => (
            <label key={v} className="inline"><input type="radio" name="rb-variant" value={v} data-testid={`rb-variant-${v}`} checked={variant === v} onChange={() => setVariant(v)} /> {t(`runbook.variant.${v}`)}</label>
          ))}
        </fieldset>
      ) : null}
      {atlas ? (
        <fieldset className="field" data-testid="rb-offline">
          <legend>{t('runbook.start.offlineFirst')}</legend>
          {traffic.length === 0 ? <p className="hint">{t('runbook.start.noTraffic')}</p> : traffic.map((n) => (
            <label key={n.name} className="inline">
              <input type="checkbox" data-testid={`rb-offline-${n.name}`} checked={offlineNames.includes(n.name)}
                onChange={(e) => setOffline(e.target.checked ? [...offlineNames, n.name] : offlineNames.filter((x) => x !== n.name))} /> {`${n.name} (${n.region})`}
            </label>
          ))}
          <span className="hint">{t('runbook.start.offlineHint')}</span>
        </fieldset>
      ) : null}
      <div className="field">
        <label className="inline"><input type="checkbox" data-testid="rb-use-plan" checked={usePlan} disabled={!plan?.reachable} onChange={(e) => setUsePlan(e.target.checked)} /> {t('runbook.start.usePlan')}</label>
        <span className="hint" data-testid="rb-plan-summary">
          {plan?.reachable ? (usePlan ? t('runbook.start.planPackages', { list: plan.steps.map((s) => s.name).join(' → ') }) : t('runbook.start.planUnused')) : t('runbook.start.noPlan')}
        </span>
      </div>
      {guide !== null ? (
        <div className="field">
          <label htmlFor="rb-wait">{t('runbook.start.wait')}</label>
          <input id="rb-wait" className="short" data-testid="rb-wait" inputMode="decimal" value={waitText} onChange={(e) => setWaitText(e.target.value)} aria-invalid={waitInvalid || undefined} />
          {waitInvalid ? <span className="field-error" role="alert">{t('runbook.start.waitInvalid')}</span>
            : wait !== null && wait < guide ? <span className="hint warn-text" data-testid="rb-wait-shorter">{t('runbook.start.waitShorter', { guide })}</span> : null}
        </div>
      ) : null}
      {RUN_WINDOWS[procedure].map((w, i) => (
        <fieldset className="field window-field" key={i}>
          <legend>{w.title[lang]}</legend>
          <div className="window-grid">
          <label htmlFor={`rb-window-${i}`}>{t('runbook.start.windowStart')}</label>
          <input id={`rb-window-${i}`} type="datetime-local" data-testid={`rb-window-${i}`} value={windows[i]?.start ?? ''}
            onChange={(e) => setWindows((ws) => ws.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />
          <label htmlFor={`rb-window-hours-${i}`}>{t('runbook.start.windowHours')}</label>
          <input id={`rb-window-hours-${i}`} inputMode="decimal" className="short" data-testid={`rb-window-hours-${i}`} value={windows[i]?.hours ?? ''}
            onChange={(e) => setWindows((ws) => ws.map((x, j) => (j === i ? { ...x, hours: e.target.value } : x)))} />
          </div>
          {i > 0 && gaps[i - 1] !== null && gaps[i - 1]! >= 0 ? (
            <span className="hint" data-testid={`rb-gap-${i}`}>{t('runbook.start.gap', { hours: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(gaps[i - 1]!), proposed: DEFAULT_GAP_HOURS })}</span>
          ) : null}
        </fieldset>
      ))}
      {windowsProblem !== null ? <p className="field-error" role="alert" data-testid="rb-windows-error">{t(`runbook.start.windowsInvalid.${windowsProblem}`)}</p> : null}
      {missing.length > 0 ? <p className="hint" data-testid="rb-missing">{t('runbook.start.missing', { parts: missing.map((p) => t(`runbook.part.${p}`)).join(', ') })}</p> : null}
      <InlineErrors source={RUNBOOK_SOURCES.start} />
      <div className="buttons">
        <button type="submit" ref={submitRef} data-testid="rb-start" disabled={busy || missing.length > 0 || waitInvalid || windowsProblem !== null}>{t('runbook.start.submit')}</button>
        {onCancel ? <button type="button" className="secondary" onClick={onCancel}>{t('runbook.start.cancel')}</button> : null}
      </div>
    </form>
  );
}
