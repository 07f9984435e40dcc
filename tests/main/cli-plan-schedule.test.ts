/**
 * `ferry plan --start --window` (issue 9): installs on the calendar inside the maintenance windows,
 * `start` and `end` per step in `--json`; windows without a start, or that hold no install, are said so.
 * Local time is pinned to UTC for this file, so the windows' times read as written.
 */
process.env.TZ = 'UTC';
import { readFileSync, writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

function catalog(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'catalog.json');
  writeFileSync(file, JSON.stringify({ packages: [
    { name: 'BeyondTrust 12.2.0', kind: 'site', version: '12.2.0' },
    { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', upgradesFrom: '>=12.2.0' },
  ] }));
  return { dir, file };
}

describe('ferry plan on the calendar', () => {
  it('puts every install inside a window; the wait runs through the week end', async () => {
    const { dir, file } = catalog();
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--start', '2026-11-27T20:30', '--window', 'mon-fri 18:00-22:00', '--window', 'sat 08:00-09:00', '--json');
    expect(r.code, r.out).toBe(0);
    const steps = r.json<{ steps: { start: string; end: string }[] }>().steps;
    expect(steps.map((s) => [s.start, s.end])).toEqual([
      ['2026-11-27T20:30:00.000Z', '2026-11-27T21:30:00.000Z'],
      // The wait ends on Saturday at 21:30, after Saturday's window: the next install waits for Monday's.
      ['2026-11-30T18:00:00.000Z', '2026-11-30T19:00:00.000Z'],
    ]);
    for (const s of steps) {
      const start = new Date(s.start);
      expect([1, 2, 3, 4, 5]).toContain(start.getUTCDay());
      expect(start.getUTCHours()).toBeGreaterThanOrEqual(18);
      expect(new Date(s.end).getUTCHours() * 60 + new Date(s.end).getUTCMinutes()).toBeLessThanOrEqual(22 * 60);
    }
  });

  it('a start with an offset is that instant; without --start there are no dates', async () => {
    const { dir, file } = catalog();
    const dated = await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--start', '2026-11-27T19:00+01:00', '--json');
    expect(dated.json<{ steps: { start: string }[] }>().steps[0]!.start).toBe('2026-11-27T18:00:00.000Z');
    const plain = await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--json');
    expect(plain.json<{ steps: Record<string, unknown>[] }>().steps[0]).not.toHaveProperty('start');
  });

  it('--ics writes one event per install, inside the windows, naming the appliance and the package (read back with ical.js)', async () => {
    const { dir, file } = catalog();
    const ics = join(dir, 'plan.ics');
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--start', '2026-11-27T20:30', '--window', 'mon-fri 18:00-22:00', '--ics', ics, '--appliance', 'Gerät A', '--json');
    expect(r.code, r.out).toBe(0);
    const steps = r.json<{ steps: { name: string; start: string; end: string }[] }>().steps;
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]))
      .toEqual(steps.map((s) => [`Gerät A: install ${s.name}`, s.start, s.end]));
    // Written only with --force over an existing file; refused without a start.
    expect((await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--start', '2026-11-27T20:30', '--ics', ics)).code).toBe(3);
    expect((await ferry(dir, 'plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--ics', join(dir, 'other.ics'))).code).toBe(2);
  });

  it('refuses a window without a start, a malformed one, and says WINDOW_TOO_SHORT when none holds an install', async () => {
    const { dir, file } = catalog();
    const base = ['plan', '--catalog', file, '--base', '4.0.0', '--site', '12.0.0', '--json'];
    expect((await ferry(dir, ...base, '--window', 'mon-fri 18:00-22:00')).code).toBe(2);
    expect((await ferry(dir, ...base, '--start', '2026-11-27T20:30', '--window', 'weekdays 18-22')).code).toBe(2);
    expect((await ferry(dir, ...base, '--start', '2026-13-27T20:30')).code).toBe(2);
    const short = await ferry(dir, ...base, '--start', '2026-11-27T20:30', '--window', 'mon-fri 18:00-18:30');
    expect({ code: short.code, error: short.json<{ error: { code: string } }>().error.code }).toEqual({ code: 1, error: 'WINDOW_TOO_SHORT' });
  });
});
