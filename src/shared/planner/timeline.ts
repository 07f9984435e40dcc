/**
 * Turns an install order into the plan people follow: waits after site installs that another site
 * install follows (or, instead, uninstalling and redeploying all clients), and time estimates.
 */
import { SITE, type Candidate, type State } from './model.ts';
import type { ClientStrategy, MinutesRange, PlanStep, TimelineItem } from './types.ts';

/** Guide: an install takes 15 minutes to an hour. */
export const INSTALL_MINUTES: MinutesRange = { min: 15, max: 60 };
/**
 * Guide: "much longer" with much stored data, without a figure. Ferry assumes 30 more minutes per
 * 100 GiB for the upper estimate and says so in the UI.
 */
export const EXTRA_MAX_MINUTES_PER_GIB = 0.3;
/** Guide: wait at least 24 hours after each "BeyondTrust" (site) package. */
export const DEFAULT_WAIT_HOURS = 24;

/** Estimated minutes of one install. */
export function installMinutes(storedDataGiB = 0): MinutesRange {
  return { min: INSTALL_MINUTES.min, max: Math.round(INSTALL_MINUTES.max + Math.max(0, storedDataGiB) * EXTRA_MAX_MINUTES_PER_GIB) };
}

/** Assumed time to uninstall or reinstall all client software (the guide gives none). */
export const CLIENT_REDEPLOY_MINUTES = 60;

/** Steps, timeline and totals for an install order starting in `start`. */
export function buildTimeline(path: readonly Candidate[], start: State, components: readonly string[], options: { waitHours: number; clientStrategy: ClientStrategy; storedDataGiB: number }) {
  const lastSite = path.reduce((last, c, i) => (c.comp === SITE ? i : last), -1);
  const siteCount = path.filter((c) => c.comp === SITE).length;
  // Redeploying clients only replaces waits; with a single site install there is nothing to replace.
  const strategy: ClientStrategy = options.clientStrategy === 'redeploy' && siteCount >= 2 ? 'redeploy' : 'wait';
  const state = start.slice();
  const minutes = installMinutes(options.storedDataGiB);
  const steps: PlanStep[] = path.map((c, i) => {
    const before = state[c.comp] ?? null;
    state[c.comp] = c.version;
    const waitAfterHours = strategy === 'wait' && c.comp === SITE && i < lastSite ? options.waitHours : 0;
    return {
      name: c.pkg.name, kind: c.pkg.kind, version: c.pkg.version, component: components[c.comp]!,
      from: before === null ? null : before.join('.'), waitAfterHours, minutes,
    };
  });
  const timeline: TimelineItem[] = [];
  if (strategy === 'redeploy') timeline.push({ type: 'uninstall-clients' });
  steps.forEach((s, i) => {
    timeline.push({ type: 'install', step: i });
    if (s.waitAfterHours > 0) timeline.push({ type: 'wait', hours: s.waitAfterHours, afterStep: i });
  });
  if (strategy === 'redeploy') timeline.push({ type: 'reinstall-clients' });
  const installTotal = { min: steps.length * minutes.min, max: steps.length * minutes.max };
  const waitHours = steps.reduce((h, s) => h + s.waitAfterHours, 0);
  // The clients' uninstall and reinstall are part of the work: the total equals what the timeline draws.
  const clientHours = strategy === 'redeploy' ? (2 * CLIENT_REDEPLOY_MINUTES) / 60 : 0;
  return {
    steps, timeline, clientStrategy: strategy, end: state,
    estimate: {
      installMinutes: installTotal, waitHours,
      totalHours: { min: waitHours + clientHours + installTotal.min / 60, max: waitHours + clientHours + installTotal.max / 60 },
    },
  };
}
