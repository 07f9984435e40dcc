/**
 * The Jump Client check (guide: "Client-Upgrades"): the list exported from the representative console
 * is read as a stream (csv-parse; comma or semicolon, with or without BOM, quoted fields), its columns
 * recognised (or mapped by the person), and each client's last check-in — or its status details — is
 * compared with the time the upgrade finished. A client still pending, not seen since, or without a
 * date has not upgraded, and is listed with why; the others are only counted. Broken quoting is
 * CSV_UNRECOGNISED with the line; a list Ferry cannot map is CSV_UNRECOGNISED with the headers.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { FerryError } from '../../shared/errors.ts';
import { dateColumn, recognise, usable, type ClientField, type ColumnMapping, type Recognition } from '../../shared/jumpclients/columns.ts';
import { parseClientDate } from '../../shared/jumpclients/dates.ts';
import { statusKind } from '../../shared/jumpclients/status.ts';

/** Why a client has not upgraded. */
export type Reason = 'pending' | 'not-since' | 'no-date';

/** A client that has not upgraded. */
export interface Straggler {
  name: string;
  status: string;
  lastSeen: string | null;
  reason: Reason;
  /** Its row in the file (1-based, the header is row 1). */
  row: number;
}

/** The check's result. */
export interface CheckResult {
  total: number;
  upgraded: number;
  notUpgraded: Straggler[];
  counts: Record<Reason, number>;
  headers: string[];
  mapping: ColumnMapping;
  how: Partial<Record<ClientField, Recognition>>;
  delimiter: ',' | ';' | '\t';
}

/** How many rows are read before the columns are decided. */
const SAMPLE = 200;
/** A list larger than this is no Jump Client export. */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;

/** The delimiter of the header line: the one (of comma, semicolon, tab) outside quotes that occurs most. */
function sniffDelimiter(head: string): ',' | ';' | '\t' {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const unquoted = line.replace(/"(?:[^"]|"")*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

async function readHead(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new FerryError('INPUT_NOT_A_FILE', `${path} is a folder, not a CSV file`, { path });
    throw new FerryError('FILE_MISSING', `Cannot read ${path}: ${code ?? (error as Error).message}`, { path });
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new FerryError('INPUT_NOT_A_FILE', `${path} is not a regular file`, { path });
    if (st.size > MAX_CSV_BYTES) throw new FerryError('INPUT_TOO_LARGE', `${path} is larger than ${MAX_CSV_BYTES} bytes`, { path, limit: MAX_CSV_BYTES });
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Checks the list at `path` against `since` (when the upgrade finished). `mapping` overrides what is
 * recognised (the person's mapping); without a usable one it is CSV_UNRECOGNISED with the headers.
 */
export async function checkJumpClients(path: string, since: Date, options: { mapping?: Partial<ColumnMapping>; signal?: AbortSignal } = {}): Promise<CheckResult> {
  const delimiter = sniffDelimiter(await readHead(path));
  const parser = createReadStream(path).pipe(parse({
    bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: false, max_record_size: 1024 * 1024,
  }));
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let decided: { mapping: ColumnMapping; how: Partial<Record<ClientField, Recognition>> } | null = null;
  const notUpgraded: Straggler[] = [];
  const counts: Record<Reason, number> = { pending: 0, 'not-since': 0, 'no-date': 0 };
  let total = 0;
  let row = 1;
  const cut = since.getTime();

  const decide = () => {
    const found = recognise(headers!, sample);
    const mapping = { ...found.mapping, ...(options.mapping ?? {}) } as ColumnMapping;
    const how = { ...found.how };
    for (const k of Object.keys(options.mapping ?? {}) as ClientField[]) how[k] = 'remembered';
    if (!usable(mapping)) {
      throw new FerryError('CSV_UNRECOGNISED', `Ferry cannot tell which columns hold the client's name and its last check-in (headers: ${headers!.join(' | ').slice(0, 300)}); map them`, {
        reason: 'columns', headers: headers!.slice(0, 50), found: mapping,
      });
    }
    decided = { mapping, how };
  };
  const take = (cells: string[], at: number) => {
    const m = decided!.mapping;
    const cell = (i: number | null) => (i === null ? '' : (cells[i] ?? '').trim());
    total += 1;
    const status = cell(m.status);
    const dateText = cell(dateColumn(m));
    const date = parseClientDate(dateText);
    let reason: Reason | null = null;
    if (statusKind(status) === 'pending' || statusKind(cell(m.details)) === 'pending') reason = 'pending';
    else if (dateColumn(m) !== null && date === null) reason = 'no-date';
    else if (date !== null && date.getTime() < cut) reason = 'not-since';
    if (reason === null) return;
    counts[reason] += 1;
    notUpgraded.push({ name: cell(m.name), status, lastSeen: date ? date.toISOString() : (dateText || null), reason, row: at });
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (options.signal?.aborted) throw new FerryError('JOB_CANCELLED', 'The check was cancelled');
      row += headers === null ? 0 : 1;
      if (headers === null) {
        headers = record.map((h) => h.trim());
        continue;
      }
      if (decided === null) {
        sample.push(record);
        if (sample.length < SAMPLE) continue;
        decide();
        sample.forEach((r, i) => take(r, row - sample.length + 1 + i));
        continue;
      }
      take(record, row);
    }
  } catch (error) {
    if (error instanceof FerryError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    throw new FerryError('CSV_UNRECOGNISED', `The CSV cannot be read at line ${e.lines ?? '?'}: ${e.message.slice(0, 200)}`, { reason: 'syntax', line: e.lines ?? null, cause: e.code ?? null });
  }
  if (headers === null) throw new FerryError('CSV_UNRECOGNISED', 'The file holds no rows', { reason: 'empty' });
  if (decided === null) {
    decide();
    sample.forEach((r, i) => take(r, 2 + i));
  }
  const { mapping, how } = decided!;
  return { total, upgraded: total - notUpgraded.length, notUpgraded, counts, headers, mapping, how, delimiter };
}

/** A Jump Client as the appliance's configuration API lists it (appliance link). */
export interface FetchedClient {
  name: string;
  needsUpdate: boolean;
  lastConnect: string | null;
  lastConnectAt: Date | null;
}

/**
 * The same check over the list the appliance link fetched: "Upgrade Pending" (`needs_update`) is
 * pending, no last connection is no date, one before `since` has not checked in since. `row` is the
 * client's place in the appliance's list (1-based).
 */
export function checkFetchedClients(clients: readonly FetchedClient[], since: Date): Pick<CheckResult, 'total' | 'upgraded' | 'notUpgraded' | 'counts'> {
  const counts: Record<Reason, number> = { pending: 0, 'not-since': 0, 'no-date': 0 };
  const notUpgraded: Straggler[] = [];
  clients.forEach((c, i) => {
    const reason: Reason | null = c.needsUpdate ? 'pending' : c.lastConnectAt === null ? 'no-date' : c.lastConnectAt.getTime() < since.getTime() ? 'not-since' : null;
    if (reason === null) return;
    counts[reason] += 1;
    notUpgraded.push({ name: c.name, status: c.needsUpdate ? 'Upgrade Pending' : '', lastSeen: c.lastConnect, reason, row: i + 1 });
  });
  return { total: clients.length, upgraded: clients.length - notUpgraded.length, notUpgraded, counts };
}
