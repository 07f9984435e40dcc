/**
 * The list of clients that have not upgraded, as CSV for the helpdesk (csv-stringify, UTF-8 with BOM
 * so spreadsheet programs read umlauts, semicolons for German and commas for English spreadsheets).
 * Cells come from a file from outside: any that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, carriage return at the start) is written with a leading apostrophe, never as it was.
 */
import { stringify } from 'csv-stringify/sync';
import type { Straggler } from './jumpclient-check.ts';

const HEADERS = {
  de: ['Name', 'Status', 'Zuletzt gesehen', 'Grund', 'Zeile'],
  en: ['Name', 'Status', 'Last seen', 'Reason', 'Row'],
};
const REASONS = {
  de: { pending: 'Upgrade ausstehend', 'not-since': 'seit dem Upgrade nicht gemeldet', 'no-date': 'kein Datum' },
  en: { pending: 'upgrade pending', 'not-since': 'not checked in since the upgrade', 'no-date': 'no date' },
};

/** A cell as written: text that would start a formula is defused. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV text of `stragglers` in `language`. */
export function stragglersCsv(stragglers: readonly Straggler[], language: 'de' | 'en'): string {
  const rows = stragglers.map((s) => [s.name, s.status, s.lastSeen ?? '', REASONS[language][s.reason], String(s.row)].map(safeCell));
  return `\uFEFF${stringify([HEADERS[language], ...rows], { delimiter: language === 'de' ? ';' : ',', record_delimiter: 'windows', quoted_match: /[";,\n\r]/ })}`;
}
