/**
 * What a person reads for an error: title and next step from the code catalogue, the details main
 * sent that Ferry knows how to put into words (in the UI language), and the service's own message
 * only in English (it is written in English; a German page never shows it).
 */
import type { TFunction } from 'i18next';
import { assertNever } from '../../../shared/assert-never.ts';
import type { ErrorData, Language } from '../../../shared/contract.ts';
import { ERROR_CATALOGUE, errorText, type ErrorCode } from '../../../shared/errors.ts';
import { detailLines } from './detail-lines.ts';
import { describeProblem } from './known-problems.ts';

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
  /** The service's English message; null on a non-English page, and where the details already say all of it. */
  message: string | null;
}

// Codes that only a defect in Ferry can produce: the person can do nothing but report them.
const BUGS: ReadonlySet<ErrorCode> = new Set(['INTERNAL_ERROR', 'IPC_INVALID_ARGUMENTS', 'IPC_CHANNEL_UNKNOWN']);
// Checks that fail because of what the person typed or chose, not because something is broken.
const MISTAKES: ReadonlySet<ErrorCode> = new Set(['FINGERPRINT_MISMATCH', 'FINGERPRINT_MALFORMED', 'PUBLIC_KEY_INVALID', 'VERSION_INVALID', 'RANGE_INVALID', 'HANDLE_UNKNOWN', 'INPUT_TOO_LARGE']);

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

/** An error in the UI language. */
export function describeError(data: ErrorData, language: Language, t: TFunction): ErrorDescription {
  const { title, next } = errorText(data.code, language);
  const problem = describeProblem(data, t);
  return {
    code: data.code,
    severity: severityOf(data.code),
    title,
    next,
    details: [...problem.lines, ...detailLines(data, language, t)],
    message: language === 'en' && !problem.whole && data.message.trim() !== '' ? data.message : null,
  };
}
