/**
 * What a person reads for an error: title and next step from the code catalogue, the details main
 * sent that Ferry knows how to put into words (in the UI language), and the service's own message
 * only in English (it is written in English; a German page never shows it).
 */
import type { TFunction } from 'i18next';
import { assertNever } from '../../../shared/assert-never.ts';
import type { ErrorData, Language } from '../../../shared/contract.ts';
import { ERROR_CATALOGUE, errorText, type ErrorCode } from '../../../shared/errors.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatBytes } from '../format.ts';

/** Who has to act: the person fixes their input, the situation needs a look, or Ferry has a bug. */
export type ErrorSeverity = 'mistake' | 'problem' | 'bug';

/** An error put into words. */
export interface ErrorDescription {
  code: ErrorCode;
  severity: ErrorSeverity;
  title: string;
  next: string;
  /** Known details in the UI language, one line each. */
  details: string[];
  /** The service's English message, or null on a non-English page. */
  message: string | null;
}

// Codes that only a defect in Ferry can produce: the person can do nothing but report them.
const BUGS: ReadonlySet<ErrorCode> = new Set(['INTERNAL_ERROR', 'IPC_INVALID_ARGUMENTS', 'IPC_CHANNEL_UNKNOWN']);
// Checks that fail because of what the person typed or chose, not because something is broken.
const MISTAKES: ReadonlySet<ErrorCode> = new Set(['FINGERPRINT_MISMATCH', 'PUBLIC_KEY_INVALID', 'VERSION_INVALID', 'RANGE_INVALID', 'HANDLE_UNKNOWN', 'INPUT_TOO_LARGE']);

/** How serious an error is for the person reading it. */
export function severityOf(code: ErrorCode): ErrorSeverity {
  if (BUGS.has(code)) return 'bug';
  if (MISTAKES.has(code)) return 'mistake';
  const kind = ERROR_CATALOGUE[code].kind;
  switch (kind) {
    case 'usage': return code === 'IPC_SENDER_UNKNOWN' ? 'problem' : 'mistake';
    case 'check':
    case 'environment': return 'problem';
    case 'internal': return 'bug';
    default: return assertNever(kind);
  }
}

// System error codes a person can act on; any other (raw `EXDEV` …) is left to the English message.
const CAUSES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EBUSY', 'ENOSPC', 'EROFS', 'ELOOP']);
const HEX64 = /^[0-9a-f]{64}$/;

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return HEX64.test(value) ? formatFingerprint(value) : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The detail lines Ferry can word, in a stable order; unknown keys are left out rather than shown raw. */
function detailLines(data: ErrorData, language: Language, t: TFunction): string[] {
  const d = data.details ?? {};
  const lines: string[] = [];
  const add = (key: string, value: string | null) => { if (value !== null) lines.push(t(`errors.details.${key}`, { value })); };
  add('expected', text(d.expected));
  // A wrong fingerprint must not reveal the right one: the person has to read it off the other screen.
  if (data.code !== 'FINGERPRINT_MISMATCH') add('actual', text(d.actual));
  add('typed', text(d.typed));
  add('fingerprint', text(d.fingerprint));
  add('version', text(d.version));
  add('range', text(d.range));
  add('path', text(d.path));
  add('dataDir', text(d.dataDir));
  if (typeof d.limit === 'number') add('limit', formatBytes(d.limit, language));
  if (typeof d.max === 'number' && typeof d.length === 'number') lines.push(t('errors.details.tooLong', { length: d.length, max: d.max }));
  if (d.protection === 'safeStorage' || d.protection === 'file-key') add('protection', t(`errors.protection.${d.protection}`));
  if (typeof d.cause === 'string' && CAUSES.has(d.cause)) add('cause', t(`errors.cause.${d.cause}`));
  if (typeof d.explored === 'number') add('explored', new Intl.NumberFormat(language).format(d.explored));
  add('channel', text(d.channel));
  return lines;
}

/** An error in the UI language. */
export function describeError(data: ErrorData, language: Language, t: TFunction): ErrorDescription {
  const { title, next } = errorText(data.code, language);
  return {
    code: data.code,
    severity: severityOf(data.code),
    title,
    next,
    details: detailLines(data, language, t),
    message: language === 'en' && data.message.trim() !== '' ? data.message : null,
  };
}
