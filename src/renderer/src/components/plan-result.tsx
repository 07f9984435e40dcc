/** A plan shown as a picture: a to-scale strip, then the timeline with dates; or the blockers. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/assert-never.ts';
import { proportions, schedule, type MaintenanceWindow, type PlanResult, type ReachablePlan, type ScheduledItem, type TimelineItem } from '../../../shared/planner/index.ts';
import { usePlanStore } from '../stores/plan-store.ts';
import { rangeInWords } from '../format.ts';

function useComponentName() {
  const { t } = useTranslation();
  return (component: string) => (component === 'site' || component === 'base' ? t(`plan.component.${component}`) : component);
}

function itemText(plan: ReachablePlan, item: TimelineItem, t: ReturnType<typeof useTranslation>['t'], language: string): string {
  switch (item.type) {
    case 'install': return t('plan.install', { name: plan.steps[item.step]!.name });
    // Hours in the page's language: 12,5 on a German page.
    case 'wait': return t('plan.wait', { hours: new Intl.NumberFormat(language).format(item.hours) });
    case 'uninstall-clients': return t('plan.uninstallClients');
    case 'reinstall-clients': return t('plan.reinstallClients');
  }
}

/** The timeline's dates, or why there are none (no window holds an install). */
function datesOf(plan: ReachablePlan, startAt: Date | null, windows: readonly MaintenanceWindow[]): { times: ScheduledItem[] | null; tooShort: boolean } {
  if (!startAt) return { times: null, tooShort: false };
  try {
    return { times: schedule(plan, startAt, windows), tooShort: false };
  } catch {
    return { times: null, tooShort: true };
  }
}

function Reachable({ plan, startAt, windows }: { plan: ReachablePlan; startAt: Date | null; windows: readonly MaintenanceWindow[] }) {
  const { t, i18n } = useTranslation();
  const componentName = useComponentName();
  const when = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const { times, tooShort } = datesOf(plan, startAt, windows);
  const saveCalendar = usePlanStore((s) => s.saveCalendar);
  const saved = usePlanStore((s) => s.savedCalendar);
  const shares = proportions(plan);
  const round = (h: number) => (Math.round(h * 10) / 10).toLocaleString(i18n.language);
  if (plan.steps.length === 0) return <p data-testid="plan-nothing" id="plan-result" tabIndex={-1}>{t('plan.nothingToDo')}</p>;
  return (
    <div data-testid="plan-reachable">
      <h2 id="plan-result" tabIndex={-1}>{t('plan.reachableTitle', { from: plan.from.site, to: plan.target.site })}</h2>
      <p data-testid="plan-summary">
        {t('plan.summary', { count: plan.steps.length, min: round(plan.estimate.totalHours.min), max: round(plan.estimate.totalHours.max), wait: round(plan.estimate.waitHours) })}
      </p>
      <p className="hint">{t('plan.estimateNote')}</p>
      {tooShort ? <p className="transfer-warning" role="alert" data-testid="plan-window-too-short">{t('plan.windowTooShort')}</p> : null}
      {times ? (
        <p>
          <button type="button" data-testid="plan-save-calendar" onClick={() => void saveCalendar()}>{t('plan.saveCalendar')}</button>
          {saved ? <>{' '}<span role="status" data-testid="plan-calendar-saved">{t('plan.calendarSaved', { file: saved })}</span></> : null}
        </p>
      ) : null}
      <div className="strip" aria-hidden="true">
        {plan.timeline.map((item, i) => (
          <div key={i} className={`strip-${item.type}`} style={{ flexGrow: shares[i] }} title={itemText(plan, item, t, i18n.language)} />
        ))}
      </div>
      <h3>{t('plan.timeline')}</h3>
      <ol className="timeline" data-testid="plan-timeline">
        {plan.timeline.map((item, i) => {
          const step = item.type === 'install' ? plan.steps[item.step]! : null;
          return (
            <li key={i} className={`tl-${item.type}`} data-testid={`timeline-${item.type}`}>
              <div className="tl-title">{itemText(plan, item, t, i18n.language)}</div>
              {step ? (
                <div className="tl-detail">
                  {t('plan.change', { component: componentName(step.component), from: step.from ?? '—', to: step.version })}
                  {' · '}{t('plan.minutes', { min: step.minutes.min, max: step.minutes.max })}
                </div>
              ) : null}
              {times ? (
                <div className="tl-time" data-testid="timeline-time">
                  {t('plan.from', { time: when.format(times[i]!.start) })} · {t('plan.until', { time: when.format(times[i]!.end) })}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

type PlanBlocker = Extract<PlanResult, { reachable: false }>['blockers'][number];

/** A downgrade or a contradicting target base is fixed by another target, not by fetching. */
function changeTarget(blockers: readonly PlanBlocker[]): boolean {
  return blockers.some((b) => b.kind === 'downgrade' || b.kind === 'target-conflict');
}

/** One blocker in the UI language, by its kind (the service's `reason` is English). */
function BlockerText({ blocker: b, target }: { blocker: PlanBlocker; target: string }) {
  const { t } = useTranslation();
  const componentName = useComponentName();
  const component = componentName(b.requires.component);
  const words = (range: string) => rangeInWords(range, t);
  const who = b.packages && b.packages.length > 1
    ? t('plan.blockerGroup', { count: b.packages.length, packages: b.packages.join(', ') })
    : b.package === 'target' ? t('plan.theTarget') : b.package;
  switch (b.kind) {
    case 'downgrade': return <>{t('plan.kind.downgrade', { component, installed: b.available[0] ?? '', target: b.requires.range.replace(/^=/, '') })}</>;
    case 'target-conflict': return <>{t('plan.kind.targetConflict', { package: b.package, component, range: words(b.requires.range) })}</>;
    case 'gap': return <>{t('plan.kind.gap', { who, component, range: words(b.requires.range), target })}</>;
    case 'missing': return <>{t('plan.kind.missing', { who, component, range: words(b.requires.range) })}</>;
    default: return assertNever(b.kind);
  }
}

/** Copies the next-trip list for the mail or ticket to the connected side; says so. */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <p>
      <button type="button" data-testid="plan-next-trip-copy" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>{t('plan.copyNextTrip')}</button>
      {copied ? <>{' '}<span role="status">{t('plan.copied')}</span></> : null}
    </p>
  );
}

function Unreachable({ plan }: { plan: Extract<PlanResult, { reachable: false }> }) {
  const { t } = useTranslation();
  const componentName = useComponentName();
  return (
    <div data-testid="plan-unreachable">
      <h2 className="status-bad" id="plan-result" tabIndex={-1}>{t('plan.unreachableTitle', { to: plan.target.site })}</h2>
      <h3>{t('plan.blockers')}</h3>
      <ul className="blockers" data-testid="plan-blockers">
        {plan.blockers.map((b, i) => (
          <li key={i} data-kind={b.kind}>
            <BlockerText blocker={b} target={plan.target.site} />
            {b.kind === 'missing' || b.kind === 'gap' ? (
              <>{' '}<span className="hint">{b.available.length ? t('plan.available', { versions: b.available.join(', ') }) : t('plan.availableNone')}</span></>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('plan.nextTrip')}</h3>
      {plan.nextTrip.length ? (
        <>
          <ul data-testid="plan-next-trip">
            {plan.nextTrip.map((n, i) => <li key={i}>{t('plan.nextTripItem', { component: componentName(n.component), range: rangeInWords(n.range, t) })}</li>)}
          </ul>
          <CopyButton text={plan.nextTrip.map((n) => t('plan.nextTripItem', { component: componentName(n.component), range: rangeInWords(n.range, t) })).join('\n')} />
        </>
      ) : <p data-testid="plan-next-trip-none">{t(changeTarget(plan.blockers) ? 'plan.nextTripChangeTarget' : 'plan.nextTripNone')}</p>}
    </div>
  );
}

/** The result; its heading takes the focus whenever `focusToken` grows (a plan was just computed). */
export function PlanResultView({ result, startAt, windows, focusToken }: { result: PlanResult; startAt: Date | null; windows: readonly MaintenanceWindow[]; focusToken: number }) {
  // The heading (`#plan-result`) of whichever result is shown: a plan, nothing to do, or the blockers.
  // It scrolls to the top of the window: the result is what the person asked for, the form stays above it.
  useEffect(() => {
    const heading = focusToken > 0 ? document.getElementById('plan-result') : null;
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }, [focusToken]);
  return result.reachable ? <Reachable plan={result} startAt={startAt} windows={windows} /> : <Unreachable plan={result} />;
}
