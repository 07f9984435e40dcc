/**
 * The details main sent with an error, in the UI language: only keys Ferry knows how to word, in a
 * stable order; unknown keys and raw system codes are left out rather than shown raw.
 */
import type { TFunction } from 'i18next';
import type { ErrorData, Language } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatBytes } from '../format.ts';

// System error codes a person can act on; any other (raw `EXDEV` …) is left to the English message.
const CAUSES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EBUSY', 'ENOSPC', 'EROFS', 'ELOOP', 'timeout', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'aborted']);
const HEX64 = /^[0-9a-f]{64}$/;
// A refused fingerprint shows only what the person typed: never the key's own (they must read it off the other screen).
const FINGERPRINT_CODES = new Set(['FINGERPRINT_MISMATCH', 'FINGERPRINT_MALFORMED']);

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return HEX64.test(value) ? formatFingerprint(value) : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Codes whose `details.name` is a station's, not a file's. */
const STATION_NAME_CODES = new Set(['SIGNER_UNTRUSTED']);

/** A span of seconds in the UI language's largest fitting unit (days, hours, minutes, seconds). */
function span(seconds: number, language: Language): string {
  const [value, unit] = seconds >= 172_800 ? [Math.round(seconds / 86_400), 'day'] : seconds >= 7200 ? [Math.round(seconds / 3600), 'hour']
    : seconds >= 120 ? [Math.round(seconds / 60), 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(language, { style: 'unit', unit: unit as string, unitDisplay: 'long' }).format(value as number);
}

/**
 * A file's name and its folder from `details.path` (either separator), else the path inside a bundle
 * (`details.file`) or the bare `details.name`.
 */
function fileParts(d: Record<string, unknown>, code: string): { file: string | null; folder: string | null } {
  if (typeof d.file === 'string' && d.file !== '' && typeof d.path !== 'string') return { file: d.file, folder: null };
  if (STATION_NAME_CODES.has(code)) return { file: null, folder: null };
  if (typeof d.path === 'string' && d.path !== '') {
    const cut = Math.max(d.path.lastIndexOf('/'), d.path.lastIndexOf('\\'));
    const file = d.path.slice(cut + 1);
    return file === '' ? { file: d.path, folder: null } : { file, folder: cut > 0 ? d.path.slice(0, cut) : null };
  }
  return { file: text(d.name), folder: null };
}

/** The detail lines of an error, worded in the UI language. */
export function detailLines(data: ErrorData, language: Language, t: TFunction): string[] {
  const d = data.details ?? {};
  const lines: string[] = [];
  const add = (key: string, value: string | null) => { if (value !== null) lines.push(t(`errors.details.${key}`, { value })); };
  if (!FINGERPRINT_CODES.has(data.code)) {
    add('expected', text(d.expected));
    add('actual', text(d.actual));
  }
  add('typed', text(d.typed));
  add('fingerprint', text(d.fingerprint));
  add('version', text(d.version));
  add('range', text(d.range));
  const { file, folder } = fileParts(d, data.code);
  add('file', file);
  add('folder', folder);
  if (STATION_NAME_CODES.has(data.code)) add('station', text(d.name));
  add('entry', text(d.entry));
  if (typeof d.needed === 'number') add('needed', formatBytes(d.needed, language));
  if (typeof d.free === 'number') add('free', formatBytes(d.free, language));
  add('sequence', text(d.sequence));
  add('lastAccepted', text(d.lastAccepted));
  if (typeof d.expiresAt === 'string') {
    const at = new Date(d.expiresAt);
    if (!Number.isNaN(at.getTime())) add('expiresAt', new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at));
  }
  if (typeof d.lateSeconds === 'number') add('late', span(d.lateSeconds, language));
  add('dataDir', text(d.dataDir));
  if (typeof d.limit === 'number') add('limit', formatBytes(d.limit, language));
  // NAME_INVALID says "too long" in its own words (problemLines).
  if (data.code !== 'NAME_INVALID' && typeof d.max === 'number' && typeof d.length === 'number') lines.push(t('errors.details.tooLong', { length: d.length, max: d.max }));
  if (d.protection === 'safeStorage' || d.protection === 'file-key') add('protection', t(`errors.protection.${d.protection}`));
  if (typeof d.cause === 'string' && CAUSES.has(d.cause)) add('cause', t(`errors.cause.${d.cause}`));
  if (typeof d.explored === 'number') add('explored', new Intl.NumberFormat(language).format(d.explored));
  add('channel', text(d.channel));
  // The appliance link: which appliance, the certificate it presents now, what the account lacks, when to retry, where the answer was saved.
  if (data.code.startsWith('LINK_')) {
    add('host', text(d.host));
    add('presented', text(d.presented));
    add('permission', text(d.permission));
    if (typeof d.retryAfterSeconds === 'number') add('retryAfter', span(d.retryAfterSeconds, language));
    add('savedAnswer', text(d.savedAnswer));
  }
  return lines;
}
