/**
 * Puts a plan's timeline on the calendar from a chosen start: each install takes its upper
 * estimate (so nobody is caught short), each wait its hours. Pure; the UI formats the dates.
 */
import { FerryError } from '../errors.ts';
import type { ReachablePlan, TimelineItem } from './types.ts';
import { CLIENT_REDEPLOY_MINUTES } from './timeline.ts';
import { nextSlot, type MaintenanceWindow } from './windows.ts';

/** A timeline item with its start and end. */
export interface ScheduledItem {
  item: TimelineItem;
  start: Date;
  end: Date;
}

export { CLIENT_REDEPLOY_MINUTES } from './timeline.ts';

/**
 * Start and end of every timeline item when the first begins at `start`. With maintenance windows,
 * installs (and the clients' uninstall and reinstall) start only where a window holds their upper
 * estimate whole; waits run through nights and weekends. WINDOW_TOO_SHORT when no window can hold one.
 */
export function schedule(plan: ReachablePlan, start: Date, windows: readonly MaintenanceWindow[] = []): ScheduledItem[] {
  let t = start.getTime();
  return plan.timeline.map((item) => {
    const minutes = durationOf(plan, item);
    let begin = new Date(t);
    if (item.type !== 'wait' && windows.length > 0) {
      const slot = nextSlot(windows, begin, minutes);
      if (slot === null) {
        const what = item.type === 'install' ? plan.steps[item.step]!.name : 'the clients';
        throw new FerryError('WINDOW_TOO_SHORT', `No maintenance window holds ${minutes} minutes for ${what}`, { minutes, windows: windows.map((w) => w.spec) });
      }
      begin = slot;
    }
    t = begin.getTime() + minutes * 60_000;
    return { item, start: begin, end: new Date(t) };
  });
}

function durationOf(plan: ReachablePlan, item: TimelineItem): number {
  return item.type === 'install' ? plan.steps[item.step]!.minutes.max : item.type === 'wait' ? item.hours * 60 : CLIENT_REDEPLOY_MINUTES;
}

/** The share of the whole plan each item takes, for drawing it to scale (installs at least `minShare`). */
export function proportions(plan: ReachablePlan, minShare = 0.02): number[] {
  const durations = plan.timeline.map((item) => durationOf(plan, item));
  const total = durations.reduce((a, b) => a + b, 0) || 1;
  const raw = durations.map((d) => Math.max(minShare, d / total));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}
