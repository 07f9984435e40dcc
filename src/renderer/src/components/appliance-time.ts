/**
 * The appliance's clock as a person types or pastes it from `/appliance › Status › Basics`, turned
 * into an instant. The page often shows no zone (or a name like CET that Ferry cannot trust): then the
 * person picks the offset from UTC, defaulting to this computer's, and sees the result before saving.
 */
import { parseApplianceTime } from '../../../shared/transfer/status-basics.ts';

/** What a typed appliance time is: nothing, unreadable, an instant, or an instant under a chosen offset. */
export type ApplianceTime =
  | { state: 'empty' }
  | { state: 'invalid' }
  | { state: 'zoned'; iso: string }
  | { state: 'unzoned'; iso: string };

/** The UTC offsets in use around the world, in minutes east of UTC. */
export const UTC_OFFSETS: readonly number[] = [
  -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270,
  300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840,
];

/** This computer's offset from UTC now, in minutes east (the default for a time without a zone). */
export function localOffsetMinutes(now: Date = new Date()): number {
  // `+ 0` turns -0 (UTC) into 0, so it matches the list's entry.
  return -now.getTimezoneOffset() + 0;
}

/** `UTC+05:30`, `UTC−03:00`, `UTC` for an offset in minutes. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${mm}`;
}

/**
 * The instant a typed appliance time stands for. Without a zone Ferry can trust, the wall-clock time
 * is read as UTC and shifted by `offsetMinutes`; a trailing zone name (CET, Europe/Berlin) is dropped
 * for that, since the person chose the offset instead.
 */
export function resolveApplianceTime(text: string, offsetMinutes: number): ApplianceTime {
  if (text.trim() === '') return { state: 'empty' };
  const read = parseApplianceTime(text);
  if (read === null) return { state: 'invalid' };
  if (read.iso !== undefined) return { state: 'zoned', iso: read.iso };
  for (const candidate of [text, text.trim().replace(/\s+\S+$/, '')]) {
    const asUtc = parseApplianceTime(`${candidate} UTC`)?.iso;
    if (asUtc !== undefined) return { state: 'unzoned', iso: new Date(Date.parse(asUtc) - offsetMinutes * 60_000).toISOString() };
  }
  return { state: 'invalid' };
}

/** A span of seconds in the UI language's units: `45 s`, `12 min`, `2 h 5 min` (sign dropped). */
export function formatSpan(seconds: number, language: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return unit(s, 'second');
  // Rounded to whole minutes first, so 59 min 50 s reads "1 h", never "60 min".
  const total = Math.round(s / 60);
  if (total < 60) return unit(total, 'minute');
  const [hours, minutes] = [Math.floor(total / 60), total % 60];
  return minutes === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
}
