/**
 * The columns of the Jump Client list exported from the representative console. Their names are not
 * published, so they are recognised tolerantly — by header words in English and German and, where the
 * headers say nothing, by what the cells hold (dates, status words) — shown to the person, who maps
 * what was not recognised; a confirmed mapping is remembered by the header row it was made for.
 */
import { parseClientDate } from './dates.ts';
import { statusKind } from './status.ts';

/** What Ferry needs from a row. `details` is the guide's "Statusdetails" (often a date). */
export const CLIENT_FIELDS = ['name', 'status', 'details', 'lastSeen'] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** Column index per field (null: not in this list). */
export type ColumnMapping = Record<ClientField, number | null>;

/** Lower-case letters and digits only: "Last Check-In" → "lastcheckin", "Statusdetails" → "statusdetails". */
export function headerKey(header: string): string {
  return header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Header words per field, English and German; a header is checked against the fields in this order.
const HEADER_WORDS: [ClientField, RegExp][] = [
  ['details', /^(status)?(details?|detail|statusdetails|statusinformation|statusinfo)$/],
  ['lastSeen', /(last|letzte|zuletzt).*(checkin|seen|contact|kontakt|gesehen|anmeldung|verbindung|online)|^(checkin|lastseen|lastcheckin|letztercheckin)$/],
  ['status', /^(status|state|zustand|clientstatus|jumpclientstatus)$/],
  ['name', /^(name|jumpclient|jumpclientname|clientname|computername|computer|rechnername|rechner|hostname|anzeigename|displayname|jumpitem|jumpitemname)$/],
];

/** The field a header names, if its words say so. */
export function fieldOfHeader(header: string): ClientField | null {
  const key = headerKey(header);
  if (key === '') return null;
  for (const [field, words] of HEADER_WORDS) if (words.test(key)) return field;
  return null;
}

/** How the columns were found: by header, by content, by the person (remembered), or not. */
export type Recognition = 'header' | 'content' | 'remembered';

/** The mapping recognised from the headers and a sample of rows, and how each field was found. */
export function recognise(headers: readonly string[], sample: readonly (readonly string[])[]): { mapping: ColumnMapping; how: Partial<Record<ClientField, Recognition>> } {
  const mapping: ColumnMapping = { name: null, status: null, details: null, lastSeen: null };
  const how: Partial<Record<ClientField, Recognition>> = {};
  headers.forEach((h, i) => {
    const field = fieldOfHeader(h);
    if (field !== null && mapping[field] === null) {
      mapping[field] = i;
      how[field] = 'header';
    }
  });
  const taken = () => new Set(Object.values(mapping).filter((v): v is number => v !== null));
  const share = (col: number, test: (cell: string) => boolean) => {
    const cells = sample.map((r) => (r[col] ?? '').trim()).filter((c) => c !== '');
    return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
  };
  // Where the headers say nothing: a column of dates is when the client was last seen, one of status words its status.
  if (mapping.lastSeen === null && mapping.details === null) {
    const col = headers.findIndex((_, i) => !taken().has(i) && share(i, (c) => parseClientDate(c) !== null) >= 0.6);
    if (col >= 0) {
      mapping.lastSeen = col;
      how.lastSeen = 'content';
    }
  }
  if (mapping.status === null) {
    const col = headers.findIndex((_, i) => !taken().has(i) && share(i, (c) => statusKind(c) !== 'unknown') >= 0.6);
    if (col >= 0) {
      mapping.status = col;
      how.status = 'content';
    }
  }
  if (mapping.name === null) {
    // The first column of mostly distinct, non-date text is the client's name.
    const col = headers.findIndex((_, i) => !taken().has(i) && share(i, (c) => parseClientDate(c) === null && statusKind(c) === 'unknown') >= 0.9);
    if (col >= 0) {
      mapping.name = col;
      how.name = 'content';
    }
  }
  return { mapping, how };
}

/** The column holding the date to compare: last seen, else status details (the guide compares those). */
export function dateColumn(mapping: ColumnMapping): number | null {
  return mapping.lastSeen ?? mapping.details;
}

/** Whether a mapping can check anything: a name and a date (or a status) are needed. */
export function usable(mapping: ColumnMapping): boolean {
  return mapping.name !== null && (dateColumn(mapping) !== null || mapping.status !== null);
}
