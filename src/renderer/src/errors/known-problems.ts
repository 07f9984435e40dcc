/**
 * What is wrong, in the UI language, for errors whose details alone do not say it: a name (empty,
 * invisible characters, too long), a catalog's schema issues (path and problem), a file that is not
 * JSON, not a key, not a request. The services write these as English messages; the patterns below
 * are the messages they write (a unit test feeds the real services' errors through them, so a
 * changed wording is caught). Anything not recognised is left out on a German page, never shown raw.
 */
import type { TFunction } from 'i18next';
import type { ErrorData } from '../../../shared/contract.ts';
import type { ErrorCode } from '../../../shared/errors.ts';

// What a NAME_INVALID was about (`details.what`), by the services' words.
const NAME_WHAT: Record<string, string> = { 'station name': 'station', 'station name in the request': 'requestStation', name: 'name' };

function nameProblem(data: ErrorData, t: TFunction): string | null {
  const d = data.details ?? {};
  const what = t(`errors.nameWhat.${(typeof d.what === 'string' && NAME_WHAT[d.what]) || 'name'}`);
  if (typeof d.max === 'number' && typeof d.length === 'number') return t('errors.name.tooLong', { what, length: d.length, max: d.max });
  // `details.problem` is the stable answer; the English words are the fallback for older services.
  if (d.problem === 'empty' || /\bis empty\b/.test(data.message)) return t('errors.name.empty', { what });
  if (d.problem === 'invisible' || /\b(control|invisible)\b/.test(data.message)) return t('errors.name.invisible', { what });
  return null;
}

// Known messages of a code → the key under `errors.problem` that says the same (`partial`: the message says more).
const MESSAGES: readonly { code: ErrorCode; match: RegExp; key: string; partial?: true }[] = [
  { code: 'CATALOG_INVALID', match: /\bcatalog is not JSON\b/, key: 'notJson' },
  { code: 'MANIFEST_MALFORMED', match: /^Not JSON$/, key: 'notJson' },
  { code: 'MANIFEST_MALFORMED', match: /\b(payload|head) is not JSON\b/, key: 'contentNotJson' },
  { code: 'MANIFEST_MALFORMED', match: /^Not a DSSE envelope$/, key: 'notEnvelope' },
  { code: 'MANIFEST_MALFORMED', match: /^Expected \S+, found /, key: 'wrongKind' },
  { code: 'MANIFEST_MALFORMED', match: /\bdoes not match format \d+$/, key: 'wrongFormat' },
  { code: 'MANIFEST_MALFORMED', match: /\bstation name is not acceptable\b/, key: 'requestName', partial: true },
  { code: 'PUBLIC_KEY_INVALID', match: /\bown key$/, key: 'ownKey' },
  { code: 'PUBLIC_KEY_INVALID', match: /\bneither a PEM public key nor a Ferry request\b/, key: 'neitherKeyNorRequest' },
  { code: 'PUBLIC_KEY_INVALID', match: /\bEd25519\b/, key: 'notEd25519' },
  { code: 'PUBLIC_KEY_INVALID', match: /\bno readable public key\b/, key: 'noKey' },
];

const TYPES = new Set(['string', 'number', 'array', 'object', 'boolean']);
// A catalog issue is `path: problem` (zod's words): the problems Ferry's catalog can have.
const ISSUES: readonly { match: RegExp; key: string; params?(m: RegExpExecArray, t: TFunction): Record<string, string> | null }[] = [
  { match: /^not a version range\b/, key: 'notRange' },
  { match: /^not a version\b/, key: 'notVersion' },
  { match: /, received undefined$/, key: 'missing' },
  { match: /^Invalid input: expected (\w+), received \w+$/, key: 'wrongType', params: (m, t) => (TYPES.has(m[1]!) ? { expected: t(`errors.type.${m[1]}`) } : null) },
  { match: /^Invalid option: expected one of (.+)$/, key: 'option', params: (m) => ({ values: [...m[1]!.matchAll(/"([\w-]{1,20})"/g)].map((v) => v[1]).join(', ') }) },
  { match: /^Too small: expected string to have >=1 characters$/, key: 'empty' },
  { match: /^Too big: expected string to have <=(\d+) characters$/, key: 'tooLong', params: (m) => ({ max: m[1]! }) },
];
// Paths come from the catalog schema's keys and list positions; anything else is not shown.
const ISSUE_PATH = /^[A-Za-z0-9_.]{1,100}$/;

/** One issue in words; `known` is false when its problem was not recognised (said only as "invalid value"). */
function issueLine(issue: string, t: TFunction): { line: string; known: boolean } {
  const at = issue.indexOf(': ');
  const path = at < 0 ? '' : issue.slice(0, at);
  const problem = at < 0 ? issue : issue.slice(at + 2);
  let text: string | null = null;
  for (const known of ISSUES) {
    const m = known.match.exec(problem);
    if (!m) continue;
    const params = known.params ? known.params(m, t) : {};
    if (params) text = t(`errors.issue.${known.key}`, params);
    break;
  }
  const where = path === '(root)' ? t('errors.issue.root') : ISSUE_PATH.test(path) ? path : null;
  const said = text ?? t('errors.issue.invalid');
  return { line: where === null ? said : t('errors.issue.line', { path: where, text: said }), known: text !== null && where !== null };
}

/** What is wrong in words; `whole` when the words say all the service's English message says. */
export interface Problem {
  lines: string[];
  whole: boolean;
}

/** What is wrong, for the codes whose details or known messages say more than the title. */
export function describeProblem(data: ErrorData, t: TFunction): Problem {
  if (data.code === 'NAME_INVALID') {
    const line = nameProblem(data, t);
    return line ? { lines: [line], whole: true } : { lines: [], whole: false };
  }
  if (data.details?.problem === 'notJson') return { lines: [t('errors.problem.notJson')], whole: true };
  const known = MESSAGES.find((m) => m.code === data.code && m.match.test(data.message));
  if (known) return { lines: [t(`errors.problem.${known.key}`)], whole: !known.partial };
  const issues = data.details?.issues;
  if (data.code === 'CATALOG_INVALID' && Array.isArray(issues)) {
    const worded = issues.filter((i): i is string => typeof i === 'string').slice(0, 5).map((i) => issueLine(i, t));
    return { lines: worded.map((w) => w.line), whole: worded.length > 0 && worded.length === issues.length && worded.every((w) => w.known) };
  }
  return { lines: [], whole: false };
}
