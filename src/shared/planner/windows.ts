/**
 * Maintenance windows (the guide recommends updating inside them): weekly ones such as
 * `mon-fri 18:00-22:00` or `sat,sun 08:00-12:00`, and dated ones such as `2026-12-05 08:00-12:00`.
 * German day names and dates are read too (`Mo-Fr 18:00-22:00`, `täglich …`, `05.12.2026 …`), as a
 * German page suggests them.
 * Times are the local wall-clock times of this computer; a window whose end is not after its start
 * runs past midnight (`fri 22:00-02:00`). An install is placed only where a window holds its whole
 * upper estimate; waits run through nights and weekends.
 */
import { FerryError } from '../errors.ts';

/** One window: weekdays (0 = Sunday … 6 = Saturday) or one date, and minutes since local midnight. */
export interface MaintenanceWindow {
  spec: string;
  days: ReadonlySet<number> | null;
  date: { year: number; month: number; day: number } | null;
  startMinute: number;
  endMinute: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const GERMAN_DAY_NAMES = ['so', 'mo', 'di', 'mi', 'do', 'fr', 'sa'];

/** A day's number (0 = Sunday) from its English or German short name (`mon`, `Mo`, `Mo.`), or -1. */
function dayNumber(name: string): number {
  const bare = name.replace(/\.$/, '');
  const english = DAY_NAMES.indexOf(bare);
  return english >= 0 ? english : GERMAN_DAY_NAMES.indexOf(bare);
}
const SPEC = /^\s*(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/;

const invalid = (spec: string, why: string): FerryError =>
  new FerryError('USAGE', `"${spec.slice(0, 80)}" is not a maintenance window (${why}); write e.g. "mon-fri 18:00-22:00" or "2026-12-05 08:00-12:00"`, { field: 'window' });

/** Parses a window; USAGE with an example for anything else. */
export function parseWindow(spec: string): MaintenanceWindow {
  const m = SPEC.exec(spec);
  if (!m) throw invalid(spec, 'days or a date, then a time span');
  const [h1, m1, h2, m2] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 !== 0)) throw invalid(spec, 'a time is not a time of day');
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (startMinute === endMinute) throw invalid(spec, 'it is empty');
  const when = m[1]!.toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(when);
  if (iso || german) {
    const [year, month, day] = (iso ? [iso[1], iso[2], iso[3]] : [german![3], german![2], german![1]]).map(Number) as [number, number, number];
    const probe = new Date(year, month - 1, day);
    if (probe.getMonth() !== month - 1 || probe.getDate() !== day) throw invalid(spec, 'no such date');
    return { spec, days: null, date: { year, month, day }, startMinute, endMinute };
  }
  return { spec, days: parseDays(when, spec), date: null, startMinute, endMinute };
}

/** `mon-fri`, `sat,sun`, `mon,wed-fri`, `daily` (German: `Mo-Fr`, `Sa,So`, `täglich`). */
function parseDays(text: string, spec: string): Set<number> {
  if (text === 'daily' || text === 'täglich') return new Set([0, 1, 2, 3, 4, 5, 6]);
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-');
    const a = dayNumber(from ?? '');
    const b = to === undefined ? a : dayNumber(to);
    if (a < 0 || b < 0) throw invalid(spec, `"${part}" is not a day (mon … sun)`);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return days;
}

/** The occurrences of `w` that start on the local calendar day of `day`. */
function occurrence(w: MaintenanceWindow, day: Date): { start: number; end: number } | null {
  const y = day.getFullYear();
  const mo = day.getMonth();
  const d = day.getDate();
  if (w.date && (w.date.year !== y || w.date.month !== mo + 1 || w.date.day !== d)) return null;
  if (w.days && !w.days.has(day.getDay())) return null;
  const start = new Date(y, mo, d, 0, w.startMinute).getTime();
  const overnight = w.endMinute <= w.startMinute;
  const end = new Date(y, mo, d + (overnight ? 1 : 0), 0, w.endMinute).getTime();
  return { start, end };
}

/** How far ahead a slot is looked for before the plan says no window fits. */
const HORIZON_DAYS = 400;

/**
 * The earliest start at or after `from` where one window occurrence holds `minutes` whole; null when
 * none does within HORIZON_DAYS (every window is shorter, or the dated ones are past).
 */
export function nextSlot(windows: readonly MaintenanceWindow[], from: Date, minutes: number): Date | null {
  const need = minutes * 60_000;
  // An overnight window that began yesterday may still be open: start looking a day early.
  const first = new Date(from.getFullYear(), from.getMonth(), from.getDate() - 1);
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const day = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    let best: number | null = null;
    for (const w of windows) {
      const o = occurrence(w, day);
      if (!o) continue;
      const begin = Math.max(o.start, from.getTime());
      if (o.end - begin >= need && (best === null || begin < best)) best = begin;
    }
    if (best !== null) return new Date(best);
  }
  return null;
}
