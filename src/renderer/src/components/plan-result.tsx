/** A plan shown as a picture: a to-scale strip, then the timeline with dates; or the blockers. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/assert-never.ts';
import { proportions, schedule, type PlanResult, type ReachablePlan, type TimelineItem } from '../../../shared/planner/index.ts';

function useComponentName() {
  const { t } = useTranslation();
  return (component: string) => (component === 'site' || component === 'base' ? t(`plan.component.${component}`) : component);
}

function itemText(plan: ReachablePlan, item: TimelineItem, t: ReturnType<typeof useTranslation>['t']): string {
  switch (item.type) {
    case 'install': return t('plan.install', { name: plan.steps[item.step]!.name });
    case 'wait': return t('plan.wait', { hours: item.hours });
    case 'uninstall-clients': return t('plan.uninstallClients');
    case 'reinstall-clients': return t('plan.reinstallClients');
  }
}

function Reachable({ plan, startAt }: { plan: ReachablePlan; startAt: Date | null }) {
  const { t, i18n } = useTranslation();
  const componentName = useComponentName();
  const when = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const times = startAt ? schedule(plan, startAt) : null;
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
      <div className="strip" aria-hidden="true">
        {plan.timeline.map((item, i) => (
          <div key={i} className={`strip-${item.type}`} style={{ flexGrow: shares[i] }} title={itemText(plan, item, t)} />
        ))}
      </div>
      <h3>{t('plan.timeline')}</h3>
      <ol className="timeline" data-testid="plan-timeline">
        {plan.timeline.map((item, i) => {
          const step = item.type === 'install' ? plan.steps[item.step]! : null;
          return (
            <li key={i} className={`tl-${item.type}`} data-testid={`timeline-${item.type}`}>
              <div className="tl-title">{itemText(plan, item, t)}</div>
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
  const who = b.packages && b.packages.length > 1
    ? t('plan.blockerGroup', { count: b.packages.length, packages: b.packages.join(', ') })
    : b.package === 'target' ? t('plan.theTarget') : b.package;
  switch (b.kind) {
    case 'downgrade': return <>{t('plan.kind.downgrade', { component, installed: b.available[0] ?? '', target: b.requires.range.replace(/^=/, '') })}</>;
    case 'target-conflict': return <>{t('plan.kind.targetConflict', { package: b.package, component, range: b.requires.range })}</>;
    case 'gap': return <>{t('plan.kind.gap', { who, component, range: b.requires.range, target })}</>;
    case 'missing': return <>{t('plan.kind.missing', { who, component, range: b.requires.range })}</>;
    default: return assertNever(b.kind);
  }
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
        <ul data-testid="plan-next-trip">
          {plan.nextTrip.map((n, i) => <li key={i}>{t('plan.nextTripItem', { component: componentName(n.component), range: n.range })}</li>)}
        </ul>
      ) : <p data-testid="plan-next-trip-none">{t(changeTarget(plan.blockers) ? 'plan.nextTripChangeTarget' : 'plan.nextTripNone')}</p>}
    </div>
  );
}

/** The result; its heading takes the focus whenever `focusToken` grows (a plan was just computed). */
export function PlanResultView({ result, startAt, focusToken }: { result: PlanResult; startAt: Date | null; focusToken: number }) {
  // The heading (`#plan-result`) of whichever result is shown: a plan, nothing to do, or the blockers.
  // It scrolls to the top of the window: the result is what the person asked for, the form stays above it.
  useEffect(() => {
    const heading = focusToken > 0 ? document.getElementById('plan-result') : null;
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }, [focusToken]);
  return result.reachable ? <Reachable plan={result} startAt={startAt} /> : <Unreachable plan={result} />;
}
