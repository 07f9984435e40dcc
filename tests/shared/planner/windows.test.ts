/**
 * Maintenance windows (issue 9): weekly and dated windows, overnight ones, installs placed only where
 * a window holds their upper estimate whole, waits running through nights and weekends. Local time is
 * this process's: the file pins it to UTC, so the dates below mean what they say.
 */
process.env.TZ = 'UTC';
import { describe, expect, it } from 'vitest';
import type { Package } from '../../../src/shared/packages.ts';
import { nextSlot, parseWindow, planUpgrade, schedule, type ReachablePlan } from '../../../src/shared/planner/index.ts';

const at = (iso: string) => new Date(iso);

describe('maintenance windows', () => {
  it('reads weekdays, ranges across the week end, lists, daily and dated windows; refuses the rest with an example', () => {
    expect([...parseWindow('mon-fri 18:00-22:00').days!].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...parseWindow('sat,sun 08:00-12:00').days!].sort()).toEqual([0, 6]);
    expect([...parseWindow('fri-mon 22:00-02:00').days!].sort()).toEqual([0, 1, 5, 6]);
    expect(parseWindow('daily 00:00-24:00').days!.size).toBe(7);
    expect(parseWindow('2026-12-05 08:00-12:00')).toMatchObject({ date: { year: 2026, month: 12, day: 5 }, startMinute: 480, endMinute: 720 });
    // German day names, "täglich" and dates, as the German page suggests them.
    expect([...parseWindow('Mo-Fr 18:00-22:00').days!].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...parseWindow('Sa,So 08:00-12:00').days!].sort()).toEqual([0, 6]);
    expect([...parseWindow('Mo.,Mi.-Fr. 18:00-22:00').days!].sort()).toEqual([1, 3, 4, 5]);
    expect(parseWindow('täglich 00:00-24:00').days!.size).toBe(7);
    expect(parseWindow('5.12.2026 08:00-12:00')).toMatchObject({ date: { year: 2026, month: 12, day: 5 }, startMinute: 480, endMinute: 720 });
    for (const bad of ['Montag 18:00-22:00', '30.02.2026 08:00-12:00', 'weekdays 18:00-22:00', 'mon 18:00', 'mon 25:00-26:00', 'mon 18:00-18:00', '2026-02-30 08:00-12:00', '']) {
      expect(() => parseWindow(bad), bad).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });

  it('finds the earliest start where a window holds the whole duration', () => {
    const weekdays = [parseWindow('mon-fri 18:00-22:00')];
    // Friday 2026-11-27, 21:00: one hour is left today.
    expect(nextSlot(weekdays, at('2026-11-27T21:00:00Z'), 60)).toEqual(at('2026-11-27T21:00:00Z'));
    // 90 minutes do not fit any more: Monday evening.
    expect(nextSlot(weekdays, at('2026-11-27T21:00:00Z'), 90)).toEqual(at('2026-11-30T18:00:00Z'));
    // Before the window opens: its start.
    expect(nextSlot(weekdays, at('2026-11-27T09:00:00Z'), 60)).toEqual(at('2026-11-27T18:00:00Z'));
    // Overnight: Friday's window is still open on Saturday at 00:30.
    expect(nextSlot([parseWindow('fri 22:00-02:00')], at('2026-11-28T00:30:00Z'), 60)).toEqual(at('2026-11-28T00:30:00Z'));
    // Dated windows: only that day; none after it.
    expect(nextSlot([parseWindow('2026-12-05 08:00-12:00')], at('2026-11-27T00:00:00Z'), 60)).toEqual(at('2026-12-05T08:00:00Z'));
    expect(nextSlot([parseWindow('2026-12-05 08:00-12:00')], at('2026-12-06T00:00:00Z'), 60)).toBeNull();
  });

  it('places every install inside a window and lets the waits run through the night', () => {
    const site = (version: string, extra: Partial<Package> = {}): Package => ({ name: `BeyondTrust ${version}`, kind: 'site', version, ...extra });
    const plan = planUpgrade([site('12.2.0'), site('13.1.0', { upgradesFrom: '>=12.2.0' })], { base: '4.0.0', site: '12.0.0' }, { site: '13.1.0' }) as ReachablePlan;
    const windows = [parseWindow('mon-fri 18:00-22:00')];
    const items = schedule(plan, at('2026-11-27T20:30:00Z'), windows);
    expect(items.map((i) => [i.item.type, i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['install', '2026-11-27T20:30:00.000Z', '2026-11-27T21:30:00.000Z'],
      // 24 hours from the end of the first install, through Saturday.
      ['wait', '2026-11-27T21:30:00.000Z', '2026-11-28T21:30:00.000Z'],
      // The next install waits for Monday's window.
      ['install', '2026-11-30T18:00:00.000Z', '2026-11-30T19:00:00.000Z'],
    ]);
  });

  it('says WINDOW_TOO_SHORT when no window holds an install’s upper estimate', () => {
    const plan = planUpgrade([{ name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0' }], { base: '4.0.0', site: '12.0.0' }, { site: '13.1.0' }, { storedDataGiB: 500 }) as ReachablePlan;
    expect(plan.steps[0]!.minutes.max).toBeGreaterThan(120);
    expect(() => schedule(plan, at('2026-11-27T00:00:00Z'), [parseWindow('mon-fri 18:00-20:00')])).toThrow(expect.objectContaining({ code: 'WINDOW_TOO_SHORT' }));
  });
});
