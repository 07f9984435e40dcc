/**
 * `npm run docs:errors`: writes `docs/errors.md` from the error catalogue, so the documented codes
 * can never drift from the code (a unit test compares the file with `renderErrorDocs()`).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorKind } from '../src/shared/errors.ts';

const EXIT: Record<ErrorKind, string> = { check: '1', usage: '2', environment: '3', internal: '1' };
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The Markdown of docs/errors.md. */
export function renderErrorDocs(): string {
  const rows = ERROR_CODES.map((code) => {
    const e = ERROR_CATALOGUE[code];
    return `| \`${code}\` | ${e.kind} | ${EXIT[e.kind]} | ${cell(e.en.title)} — ${cell(e.en.next)} | ${cell(e.de.title)} — ${cell(e.de.next)} |`;
  });
  return [
    '# Error codes',
    '',
    '<!-- Generated from src/shared/errors.ts by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'Stable codes: part of the CLI (`--json`), IPC and logs. A code is never renamed and never reused for',
    'another meaning; new codes are added. The kind decides the CLI exit code (check 1, usage 2,',
    'environment 3; an internal error is a bug and exits 1). The UI shows the code next to the title and',
    'next step in the UI language, so a technician can quote it.',
    '',
    '| code | kind | exit | English | German |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorDocs());
}
