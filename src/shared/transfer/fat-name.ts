/**
 * Names and paths on removable media. Ferry writes names valid on FAT32, exFAT and NTFS alike (the
 * strictest of the three wins), and reads manifest paths only in one narrow form, so a path from a
 * medium can never point outside its bundle, whatever system reads it.
 */

/** The longest name FAT32, exFAT and NTFS all accept, in UTF-16 code units. */
export const MAX_FAT_NAME_LENGTH = 255;

// Characters Windows file systems refuse, control characters (C0, DEL, C1), and lone surrogates
// (with the `u` flag a surrogate class matches only unpaired halves): they cannot be written as UTF-8.
const FORBIDDEN = /[:*?"<>|/\\\p{Cc}\uD800-\uDFFF]/u;

// Device names Windows opens instead of a file, with or without an extension ("NUL.txt"), ignoring
// spaces before the dot. Beyond CON, PRN, AUX, NUL, COM1–9, LPT1–9 this also refuses COM0/LPT0, the
// superscript digits and CONIN$/CONOUT$, which some Windows versions reserve too.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\.|$)/i;

// An extension longer than this is no extension worth keeping when a name must be shortened.
const MAX_KEPT_EXTENSION = 32;

/** `s` without trailing dots and spaces (a loop: the regex `/[. ]+$/` is quadratic on long runs). */
function stripTrailing(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '.' || s[end - 1] === ' ')) end--;
  return s.slice(0, end);
}

/** Whether `name` is valid as is on FAT32, exFAT and NTFS (the predicate `fatSafeName` satisfies). */
export function isFatSafeName(name: string): boolean {
  return name !== '' && name.length <= MAX_FAT_NAME_LENGTH && name === name.normalize('NFC') &&
    !FORBIDDEN.test(name) && stripTrailing(name) === name && !RESERVED.test(name);
}

/** The first `n` code units of `s`, without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  const t = s.slice(0, n);
  return /[\uD800-\uDBFF]$/.test(t) ? t.slice(0, -1) : t;
}

/** `s` cut to the limit, keeping a short extension (`very-long-name….nsu`). */
function shorten(s: string): string {
  const dot = s.lastIndexOf('.');
  const ext = dot > 0 && s.length - dot <= MAX_KEPT_EXTENSION ? s.slice(dot) : '';
  return stripTrailing(cut(s.slice(0, s.length - ext.length), MAX_FAT_NAME_LENGTH - ext.length)) + ext;
}

function clean(name: string): string {
  let s = stripTrailing(name.normalize('NFC').replace(new RegExp(FORBIDDEN, 'gu'), '_'));
  if (s.length > MAX_FAT_NAME_LENGTH) s = shorten(s);
  if (RESERVED.test(s)) s = `_${s}`;
  // The prefix may push a name at the limit over it; shortening keeps the prefix at the front.
  return s.length > MAX_FAT_NAME_LENGTH ? shorten(s) : s;
}

/**
 * `name` made valid on FAT32/exFAT/NTFS: NFC; forbidden and control characters become `_`; no
 * trailing dot or space; device names get a `_` prefix; at most 255 UTF-16 code units, keeping the
 * extension. When nothing is left, the fallback made safe the same way (and `_` if even that is empty).
 */
export function fatSafeName(name: string, fallback: string): string {
  return clean(name) || clean(fallback) || '_';
}

/**
 * A key under which names that a case-insensitive file system would treat as one collide: NFC,
 * lowercased, then uppercased (lowercasing first folds capitals that have no way back, e.g. ẞ into ß
 * and ϴ into θ; uppercasing second folds final sigma into sigma and ß into SS), NFC again. Errs towards reporting duplicates.
 */
export function caseFoldKey(path: string): string {
  return path.normalize('NFC').toLowerCase().toUpperCase().normalize('NFC');
}

/** Why a manifest path was refused. */
export type UnsafePathReason = 'absolute' | 'dotdot' | 'backslash' | 'drive' | 'empty' | 'control' | 'dot';

/**
 * Whether a manifest path has the only form Ferry reads: relative, `/`-separated, no empty, `.` or
 * `..` segment, no backslash, drive letter (`C:`) or control character. A segment of only dots and
 * spaces counts as `.`/`..` because Windows drops trailing dots and spaces (`.. ` would mean `..`).
 */
export function isSafeRelativePath(path: string): { ok: true } | { ok: false; reason: UnsafePathReason } {
  const no = (reason: UnsafePathReason) => ({ ok: false as const, reason });
  if (path === '') return no('empty');
  if (/\p{Cc}/u.test(path)) return no('control');
  if (path.includes('\\')) return no('backslash');
  if (path.startsWith('/')) return no('absolute');
  const segments = path.split('/');
  if (segments.some((s) => /^[a-z]:/i.test(s))) return no('drive');
  for (const s of segments) {
    if (s.trim() === '') return no('empty');
    if (/^[. ]+$/.test(s)) return no(s.includes('..') ? 'dotdot' : 'dot');
  }
  return { ok: true };
}
