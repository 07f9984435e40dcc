/**
 * The Jump Client check on a generated list of 50,000 rows (`BENCH_ROWS`): the whole check (stream,
 * columns, dates, comparison) against parsing the same file with the CSV library alone, in the same
 * run. Goal: under two seconds for 50,000 rows. Prints the median of `BENCH_RUNS` (default 5).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse';
import { checkJumpClients } from '../src/main/jumpclients/jumpclient-check.ts';

const rows = Number(process.env.BENCH_ROWS ?? 50_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-clients-'));
const file = join(dir, 'jump-clients.csv');

// A list as the console exports it in English: quoted names, US dates, a few pending or long offline.
const lines = ['Name,Status,Status Details,Last Check-In,Tag,Comments'];
for (let i = 0; i < rows; i += 1) {
  const status = i % 97 === 0 ? 'Upgrade Pending' : i % 53 === 0 ? 'Offline' : 'Online';
  const day = i % 53 === 0 ? 20 : 27 + (i % 2);
  lines.push(`"Workstation ${i}, Floor ${i % 12}",${status},,11/${day}/2026 ${1 + (i % 12)}:${String(i % 60).padStart(2, '0')} ${i % 3 === 0 ? 'AM' : 'PM'},tag-${i % 40},"note ""${i}"""`);
}
writeFileSync(file, lines.join('\r\n'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function parseOnly(): Promise<number> {
  let n = 0;
  for await (const _ of createReadStream(file).pipe(parse({ bom: true, delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true }))) n += 1;
  return n;
}

const since = new Date(2026, 10, 27, 12, 0);
const checkTimes: number[] = [];
const parseTimes: number[] = [];
let last = null as Awaited<ReturnType<typeof checkJumpClients>> | null;
for (let r = 0; r < runs; r += 1) {
  let t = performance.now();
  await parseOnly();
  parseTimes.push(performance.now() - t);
  t = performance.now();
  last = await checkJumpClients(file, since);
  checkTimes.push(performance.now() - t);
}
rmSync(dir, { recursive: true, force: true });
const check = median(checkTimes);
const alone = median(parseTimes);
console.log(`rows: ${rows}, not upgraded: ${last!.notUpgraded.length} (${JSON.stringify(last!.counts)})`);
console.log(`check: ${(check / 1000).toFixed(3)} s (median of ${runs}), goal < 2 s for 50,000 rows: ${check < 2000 ? 'met' : 'NOT met'}`);
console.log(`csv-parse alone on the same file: ${(alone / 1000).toFixed(3)} s → the check takes ${(check / alone).toFixed(2)}× parsing alone`);
