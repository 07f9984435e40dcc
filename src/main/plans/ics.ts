/**
 * The install slots of a scheduled plan as an iCalendar file for the change calendar (RFC 5545,
 * written by ical-generator): one event per install, its summary naming the appliance and the
 * package, its time the slot the schedule gave it (inside the maintenance windows, if any).
 */
import ical from 'ical-generator';
import type { ReachablePlan, ScheduledItem } from '../../shared/planner/index.ts';

/** The calendar text for `plan` on `scheduled`; `appliance` names the appliance in every event. */
export function planCalendar(plan: ReachablePlan, scheduled: readonly ScheduledItem[], appliance: string, now: Date = new Date()): string {
  const calendar = ical({ name: `Ferry: ${appliance} → ${plan.target.site}`, prodId: { company: 'Ferry', product: 'Ferry', language: 'EN' } });
  for (const slot of scheduled) {
    if (slot.item.type !== 'install') continue;
    const step = plan.steps[slot.item.step]!;
    calendar.createEvent({
      id: `ferry-${plan.from.site}-${plan.target.site}-${slot.item.step + 1}-${slot.start.getTime()}`,
      stamp: now,
      start: slot.start,
      end: slot.end,
      summary: `${appliance}: install ${step.name}`,
      description: `${step.component} ${step.from ?? '—'} → ${step.version}; up to ${step.minutes.max} minutes (step ${slot.item.step + 1} of ${plan.steps.length}, planned by Ferry).`,
    });
  }
  return calendar.toString();
}
