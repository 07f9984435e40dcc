/**
 * The appliance download key: generated at `/appliance > Updates` (from Base 3.3.2 on; before that,
 * support issues it) and entered on the vendor's update site. Its format is not documented, so Ferry
 * checks only what a copy can get wrong, never that it "looks like" a particular kind of key. The key
 * depends on the appliance's clock, hence the drift check.
 */
import { FerryError } from '../errors.ts';

/** The shortest key Ferry accepts (a sanity bound on an undocumented format). */
export const KEY_MIN_LENGTH = 16;
/** The longest key Ferry accepts (a sanity bound on an undocumented format). */
export const KEY_MAX_LENGTH = 4096;

/**
 * Ferry's warning age for a captured key, in days. The vendor's guide names no lifetime; keys are
 * fetched for one trip across the gap, so a key older than a few days likely predates an update or a
 * new key and is worth reading again. Ferry's own choice, kept here and nowhere else.
 */
export const KEY_STALE_AFTER_DAYS = 3;

/** Clock drift (seconds, either way) between appliance and jump host above which Ferry warns. */
export const CLOCK_DRIFT_WARN_SECONDS = 300;

/** Why a pasted key was refused (the `problem` detail of KEY_FORMAT_INVALID). */
export type KeyProblem = 'empty' | 'tooShort' | 'tooLong' | 'spaces' | 'notAscii';

const refuse = (problem: KeyProblem, message: string, extra: Record<string, unknown> = {}): never => {
  // The key itself is a secret: it never goes into the message or the details.
  throw new FerryError('KEY_FORMAT_INVALID', message, { problem, ...extra });
};

/**
 * The key as it should be stored: trimmed, with line breaks a copy may add (and the white space
 * around them) removed; KEY_FORMAT_INVALID with `problem` when it still is not a plausible key.
 */
export function checkDownloadKey(text: string): string {
  // Split and trim rather than one regex around the breaks: that would be quadratic on long runs of spaces.
  const key = text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.trim()).join('');
  if (key === '') refuse('empty', 'The download key is empty');
  if (/\s/u.test(key)) refuse('spaces', 'The download key contains spaces; copy it again without them');
  if (/[^\x21-\x7e]/.test(key)) refuse('notAscii', 'The download key contains characters other than printable ASCII');
  if (key.length < KEY_MIN_LENGTH) {
    refuse('tooShort', `The download key is too short (${key.length} characters, at least ${KEY_MIN_LENGTH})`, { length: key.length, min: KEY_MIN_LENGTH });
  }
  if (key.length > KEY_MAX_LENGTH) {
    refuse('tooLong', `The download key is too long (${key.length} characters, at most ${KEY_MAX_LENGTH})`, { length: key.length, max: KEY_MAX_LENGTH });
  }
  return key;
}

// First and last four are shown only when at least 16 characters stay hidden, so a short key never
// gives away half of itself; a fully masked key shows a fixed width so it does not reveal its length.
const MASK_REVEAL_MIN_LENGTH = 24;

/** The key for display: `abcd…wxyz`, or `••••••••` for a key too short to show any of it. */
export function maskKey(key: string): string {
  const chars = [...key];
  if (chars.length < MASK_REVEAL_MIN_LENGTH) return '•'.repeat(8);
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}

/** Milliseconds since the epoch of a Date or an ISO-8601 text; RangeError for an invalid one (a bug). */
function instant(value: Date | string, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid time: ${String(value)}`);
  return ms;
}

/** Whole days since the key was captured, and whether that is old enough to warn (≥ KEY_STALE_AFTER_DAYS). */
export function keyAge(capturedAt: Date | string, now: Date): { days: number; stale: boolean } {
  const days = Math.floor((instant(now, 'now') - instant(capturedAt, 'capturedAt')) / 86_400_000) + 0;
  return { days, stale: days >= KEY_STALE_AFTER_DAYS };
}

/** Seconds the appliance's clock is ahead of the host's (negative: behind), and whether to warn. */
export function clockDrift(applianceTimeIso: string, hostNow: Date): { seconds: number; warn: boolean } {
  // `+ 0` turns Math.round's -0 into 0.
  const seconds = Math.round((instant(applianceTimeIso, 'applianceTime') - instant(hostNow, 'hostNow')) / 1000) + 0;
  return { seconds, warn: Math.abs(seconds) > CLOCK_DRIFT_WARN_SECONDS };
}
