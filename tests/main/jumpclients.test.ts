/**
 * The Jump Client check (issue 12): lists as the console exports them in English and German (committed
 * fixtures: comma and semicolon, BOM, quoted fields, US, German and ISO dates, status words in both
 * languages), columns recognised by header and by content or mapped by the person, the stragglers with
 * why, hostile CSV (formula cells defused when written back, broken quoting with its line, a device
 * instead of a file), a big list streamed, and the CLI's JSON shape and exit codes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkJumpClients } from '../../src/main/jumpclients/jumpclient-check.ts';
import { stragglersCsv } from '../../src/main/jumpclients/stragglers-csv.ts';
import { parseClientDate } from '../../src/shared/jumpclients/dates.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'jumpclients');
// Noon, this computer's time, on the day of the upgrade (dates in the lists carry no zone).
const SINCE = new Date(2026, 10, 27, 12, 0);

describe('reading the console\'s export', () => {
  it('English: comma, quotes with commas and doubled quotes, US dates, "Upgrade Pending"', async () => {
    const r = await checkJumpClients(join(FIXTURES, 'export-en.csv'), SINCE);
    expect(r.delimiter).toBe(',');
    expect(r.mapping).toEqual({ name: 0, status: 1, details: 2, lastSeen: 3 });
    expect(r.how).toMatchObject({ name: 'header', status: 'header', lastSeen: 'header' });
    expect(r).toMatchObject({ total: 5, upgraded: 2, counts: { pending: 1, 'not-since': 1, 'no-date': 1 } });
    expect(r.notUpgraded.map((s) => [s.name, s.reason, s.row])).toEqual([['HR-Laptop', 'pending', 3], ['Lab "A"', 'not-since', 4], ['Kiosk-7', 'no-date', 5]]);
  });

  it('German: BOM, semicolon, German dates with and without seconds, "Upgrade ausstehend"', async () => {
    const r = await checkJumpClients(join(FIXTURES, 'export-de.csv'), SINCE);
    expect(r.delimiter).toBe(';');
    expect(r.headers[0]).toBe('Name');
    expect(r.notUpgraded.map((s) => [s.name, s.reason])).toEqual([['Personal-Laptop', 'pending'], ['Labor "A"', 'not-since'], ['Kiosk-7', 'no-date']]);
    expect(r.upgraded).toBe(2);
  });

  it('headers Ferry does not know: the date column found by its contents; nothing usable: CSV_UNRECOGNISED with the headers, then mapped by the person', async () => {
    const r = await checkJumpClients(join(FIXTURES, 'unknown-headers.csv'), SINCE);
    expect(r.mapping).toMatchObject({ name: 0, status: 1, lastSeen: 3 });
    expect(r.how).toMatchObject({ lastSeen: 'content' });
    expect(r.notUpgraded.map((s) => s.name)).toEqual(['Beta']);
    const dir = tempDir();
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, 'A,B\n1,2\n3,4\n');
    await expect(checkJumpClients(odd, SINCE)).rejects.toMatchObject({ code: 'CSV_UNRECOGNISED', details: { reason: 'columns', headers: ['A', 'B'] } });
    const mapped = join(dir, 'mapped.csv');
    writeFileSync(mapped, 'X,Y,Z\nalpha,foo,27.11.2026 13:00\nbeta,bar,26.11.2026 13:00\n');
    const m = await checkJumpClients(mapped, SINCE, { mapping: { name: 0, lastSeen: 2 } });
    expect(m.notUpgraded.map((s) => s.name)).toEqual(['beta']);
    expect(m.how).toMatchObject({ name: 'remembered', lastSeen: 'remembered' });
  });

  it('dates: US with AM/PM, German, ISO with a zone; nothing else is a date', () => {
    expect(parseClientDate('3/15/2026 7:13 PM')).toEqual(new Date(2026, 2, 15, 19, 13));
    expect(parseClientDate('15.03.2026 19:13')).toEqual(new Date(2026, 2, 15, 19, 13));
    expect(parseClientDate('15.03.2026 19:13:05')).toEqual(new Date(2026, 2, 15, 19, 13, 5));
    expect(parseClientDate('2026-03-15T19:13:00Z')?.toISOString()).toBe('2026-03-15T19:13:00.000Z');
    for (const no of ['', 'never', '13/45/2026 7:00 PM', '31.02.2026 10:00', '12.0.0', 'PC-2026']) expect(parseClientDate(no), no).toBeNull();
  });
});

describe('hostile lists', () => {
  it('broken quoting is CSV_UNRECOGNISED with the line; a folder or device is refused; an empty file too', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Name,Status,Last Check-In\nok,Online,11/27/2026 7:13 PM\n"unclosed,Online,11/27/2026 7:13 PM\nnext,Online,x\n');
    await expect(checkJumpClients(broken, SINCE)).rejects.toMatchObject({ code: 'CSV_UNRECOGNISED', details: expect.objectContaining({ reason: 'syntax' }) });
    const err = await checkJumpClients(broken, SINCE).catch((e: { details: { line: number } }) => e);
    expect((err as { details: { line: number } }).details.line).toBeGreaterThanOrEqual(3);
    mkdirSync(join(dir, 'folder.csv'));
    await expect(checkJumpClients(join(dir, 'folder.csv'), SINCE)).rejects.toMatchObject({ code: 'INPUT_NOT_A_FILE' });
    await expect(checkJumpClients('/dev/zero', SINCE)).rejects.toMatchObject({ code: 'INPUT_NOT_A_FILE' });
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(checkJumpClients(join(dir, 'empty.csv'), SINCE)).rejects.toMatchObject({ code: 'CSV_UNRECOGNISED' });
  });

  it('cells that would run as formulas are written back defused (read back with the CSV library)', async () => {
    const dir = tempDir();
    const evil = join(dir, 'evil.csv');
    writeFileSync(evil, 'Name,Status,Last Check-In\n=cmd|\' /C calc\'!A0,Online,\n+SUM(1;2),Offline,11/20/2026 8:00 AM\n@HYPERLINK("x"),Upgrade Pending,\n-2+3,Online,\n');
    const r = await checkJumpClients(evil, SINCE);
    expect(r.notUpgraded).toHaveLength(4);
    for (const language of ['de', 'en'] as const) {
      const text = stragglersCsv(r.notUpgraded, language);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(text.slice(1), { delimiter: language === 'de' ? ';' : ',' }) as string[][];
      const names = rows.slice(1).map((row) => row[0]!);
      expect(names).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(1;2)", '\'@HYPERLINK("x")', "'-2+3"]);
      expect(rows.slice(1).every((row) => row.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
    }
  });

  it('a big list streams: 120,000 rows, the stragglers only are kept', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.csv');
    const lines = ['Name;Status;Letzter Check-in'];
    for (let i = 0; i < 120_000; i += 1) lines.push(`PC-${i};${i % 1000 === 0 ? 'Upgrade ausstehend' : 'Online'};27.11.2026 ${i % 2 === 0 ? '13' : '14'}:00`);
    writeFileSync(big, lines.join('\n'));
    const r = await checkJumpClients(big, SINCE);
    expect(r).toMatchObject({ total: 120_000, upgraded: 119_880, counts: { pending: 120, 'not-since': 0, 'no-date': 0 } });
  });
});

describe('ferry jumpclients check', () => {
  it('prints the contract\'s JSON (only the clients not upgraded by name) and exits 1 while any has not upgraded', async () => {
    const since = SINCE.toISOString();
    const run = await ferry(tempDir(), 'jumpclients', 'check', join(FIXTURES, 'export-en.csv'), '--since', since, '--json');
    expect(run.code).toBe(1);
    const out = run.json<{ total: number; upgraded: number; notUpgraded: Record<string, unknown>[] }>();
    expect(out).toMatchObject({ total: 5, upgraded: 2 });
    expect(out.notUpgraded.map((s) => Object.keys(s).slice(0, 4))).toEqual(Array(3).fill(['name', 'status', 'lastSeen', 'reason']));
    expect(JSON.stringify(out)).not.toContain('Finance, PC 1');
    // Everyone checked in after an earlier upgrade: exit 0.
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.csv'), 'Name,Status,Last Check-In\na,Online,11/27/2026 7:13 PM\n');
    expect((await ferry(tempDir(), 'jumpclients', 'check', join(dir, 'ok.csv'), '--since', since)).code).toBe(0);
    // The stragglers list for the helpdesk, and the person's mapping.
    const out2 = join(dir, 'stragglers.csv');
    const mapped = await ferry(tempDir(), 'jumpclients', 'check', join(FIXTURES, 'unknown-headers.csv'), '--since', since, '--columns', 'name=1,lastSeen=4', '--stragglers', out2, '--lang', 'de');
    expect(mapped.code).toBe(1);
    expect(readFileSync(out2, 'utf8')).toContain('Beta;Offline');
    expect((await ferry(tempDir(), 'jumpclients', 'check', join(FIXTURES, 'export-en.csv'), '--since', 'yesterday')).code).toBe(2);
    expect((await ferry(tempDir(), 'jumpclients', 'check', join(FIXTURES, 'export-en.csv'), '--since', since, '--columns', 'size=3')).code).toBe(2);
  });
});

describe('the upgrade estimate', () => {
  it('N × size ÷ bandwidth, in waves of the concurrency; out of the documented ranges: none', async () => {
    const { upgradeEstimate } = await import('../../src/shared/jumpclients/estimate.ts');
    expect(upgradeEstimate(1200, 50, 100, 500)).toEqual({ seconds: 600, waves: 3 });
    expect(upgradeEstimate(0, 50, 100, 500)).toEqual({ seconds: 0, waves: 0 });
    expect(upgradeEstimate(10, 50, 101, 500)).toBeNull();
    expect(upgradeEstimate(10, 50, 100, 501)).toBeNull();
    expect(upgradeEstimate(10, 0, 100, 5)).toBeNull();
  });
});

describe('the app\'s channels', () => {
  it('remembers the person\'s mapping for lists with the same headers, and saves the stragglers', async () => {
    const { createServices } = await import('../../src/main/services.ts');
    const { createHandlerTable } = await import('../../src/main/ipc/register-handlers.ts');
    const data = tempDir();
    await ferry(data, 'station', 'init', '--name', 'Jump host');
    const s = createServices({ dataDir: data, create: false, tasks: 'in-process' });
    const table = createHandlerTable(s) as Record<string, (input: unknown) => Promise<unknown>>;
    const dir = tempDir();
    const list = (name: string) => {
      const path = join(dir, name);
      writeFileSync(path, 'X,Y,Z\nalpha,foo,27.11.2026 13:00\nbeta,bar,26.11.2026 13:00\n');
      return s.files.register(path).handle;
    };
    const since = SINCE.toISOString();
    // Recognised by content at first; the person then says column 2 is the status.
    expect(await table['jumpclients:check']!({ file: list('a.csv'), since })).toMatchObject({ how: { name: 'content', lastSeen: 'content' }, mapping: { status: null } });
    const mapped = await table['jumpclients:check']!({ file: list('b.csv'), since, mapping: { name: 0, status: 1, lastSeen: 2 } }) as { notUpgraded: { name: string; status: string }[] };
    expect(mapped.notUpgraded.map((x) => [x.name, x.status])).toEqual([['beta', 'bar']]);
    // The next list with the same headers: the mapping applies by itself.
    const again = await table['jumpclients:check']!({ file: list('c.csv'), since }) as { how: Record<string, string> };
    expect(again.how).toMatchObject({ name: 'remembered', status: 'remembered', lastSeen: 'remembered' });
    const out = join(dir, 'stragglers.csv');
    const saved = await table['jumpclients:saveStragglers']!({ file: list('d.csv'), since, language: 'en', saveTarget: s.files.registerSaveTarget(out).handle });
    expect(saved).toEqual({ file: 'stragglers.csv', count: 1 });
    expect(readFileSync(out, 'utf8')).toContain('beta,bar');
    await s.close();
  });
});
