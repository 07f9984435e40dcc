/**
 * Points in time as Ferry reads them from people and files: ISO-8601 with a date, a time and a zone
 * (`Z` or `±hh:mm`), nothing else. `Date.parse` alone would take "2026-12-28junk" or a day 31 of
 * February, and read a time without a zone as local time: a bundle's expiry must never depend on that.
 */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant `text` names, or null when it is not a complete, valid ISO-8601 date-time with a zone. */
export function parseInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  // The day must exist in that month (no 31 February): UTC arithmetic on the calendar date alone.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const zone = m[8]!;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A point in time as a person gives it for a schedule: ISO-8601 with a zone, or without one as the
 * local wall-clock time of this computer (`2026-12-01T18:00`). Null for anything else.
 */
export function parseLocalOrInstant(text: string): Date | null {
  const m = LOCAL_TIME.exec(text);
  if (!m) return parseInstant(text);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const at = new Date(year, month - 1, day, hour, minute, second);
  const exists = at.getFullYear() === year && at.getMonth() === month - 1 && at.getDate() === day && hour < 24 && minute < 60 && second < 60;
  return exists ? at : null;
}
