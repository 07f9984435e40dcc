/**
 * Puts a plan's timeline on the calendar from a chosen start: each install takes its upper
 * estimate (so nobody is caught short), each wait its hours. Pure; the UI formats the dates.
 */
import type { ReachablePlan, TimelineItem } from './types.ts';

/** A timeline item with its start and end. */
export interface ScheduledItem {
  item: TimelineItem;
  start: Date;
  end: Date;
}

/** Assumed time to uninstall or reinstall all client software (the guide gives none). */
export const CLIENT_REDEPLOY_MINUTES = 60;

/** Start and end of every timeline item when the first begins at `start`. */
export function schedule(plan: ReachablePlan, start: Date): ScheduledItem[] {
  let t = start.getTime();
  return plan.timeline.map((item) => {
    const minutes = item.type === 'install' ? plan.steps[item.step]!.minutes.max
      : item.type === 'wait' ? item.hours * 60
      : CLIENT_REDEPLOY_MINUTES;
    const begin = new Date(t);
    t += minutes * 60_000;
    return { item, start: begin, end: new Date(t) };
  });
}

/** The share of the whole plan each item takes, for drawing it to scale (installs at least `minShare`). */
export function proportions(plan: ReachablePlan, minShare = 0.02): number[] {
  const durations = plan.timeline.map((item) => (item.type === 'install' ? plan.steps[item.step]!.minutes.max
    : item.type === 'wait' ? item.hours * 60 : CLIENT_REDEPLOY_MINUTES));
  const total = durations.reduce((a, b) => a + b, 0) || 1;
  const raw = durations.map((d) => Math.max(minShare, d / total));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}
