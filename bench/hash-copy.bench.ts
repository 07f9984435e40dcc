/**
 * `npm run bench:hash-copy`: on a 1 GiB file (generated in a temp folder, removed after) prints the
 * throughput of the job worker hashing alone and hashing while copying into a folder, their ratio
 * (goal ≥ 0.9×), and `openssl dgst -sha256` over the same file as the same-run reference. Copying
 * ends with an fsync; the ratio is printed with and without that wait, since its length is the
 * destination disk's, not Ferry's; the OS copying the file (and syncing it) is printed as the
 * destination's own limit. Median of RUNS runs each, alternating so both see the same cache;
 * `sync` runs between copies (untimed), so no copy pays for the previous one's writeback.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempPathFor } from '../src/main/jobs/copy-verify.ts';
import { runInWorker } from '../src/main/jobs/worker-client.ts';
import { generate as generateRandom } from './random-file.ts';

const SIZE_MIB = Number(process.env.BENCH_MIB ?? 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Where the copies go (default: beside the source); e.g. /dev/shm to take the disk out of the copy. */
const DEST_ROOT = process.env.BENCH_DEST;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (ms: number) => `${((SIZE_MIB / ms) * 1000).toFixed(0).padStart(6)} MiB/s`;

function generate(path: string): void {
  generateRandom(path, SIZE_MIB);
}

function openssl(path: string): { ms: number; sha256: string } {
  const t = performance.now();
  const r = spawnSync('openssl', ['dgst', '-sha256', '-r', path], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { ms, sha256: r.stdout.split(' ')[0]! };
}

async function hashOnce(path: string): Promise<{ ms: number; sha256: string }> {
  const t = performance.now();
  const { sha256 } = await runInWorker({ type: 'hash', path });
  return { ms: performance.now() - t, sha256 };
}

async function copyOnce(path: string, dir: string, n: number): Promise<{ ms: number; syncMs: number; sha256: string }> {
  const name = `copy-${n}.bin`;
  let syncStart = 0;
  const t = performance.now();
  const { sha256 } = await runInWorker({ type: 'copy', source: path, dir, name, temp: tempPathFor(dir, name) }, {
    onProgress: (phase) => { if (phase === 'syncing' && syncStart === 0) syncStart = performance.now(); },
  });
  const end = performance.now();
  rmSync(join(dir, name));
  return { ms: end - t, syncMs: end - syncStart, sha256 };
}

/** The destination's own speed: the OS copies the file (no hashing) and syncs it. Bounds any copy. */
function plainCopy(path: string, dir: string): number {
  const target = join(dir, 'plain.bin');
  const t = performance.now();
  copyFileSync(path, target);
  const fd = openSync(target, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const ms = performance.now() - t;
  rmSync(target);
  return ms;
}

/** Whether the destination takes O_DIRECT writes (dd's probe), which the copy then uses (chunk-writer.ts). */
function takesDirectIo(dir: string): string {
  if (process.platform !== 'linux') return 'no (not Linux)';
  const probe = join(dir, 'direct-probe');
  const r = spawnSync('dd', ['if=/dev/zero', `of=${probe}`, 'bs=4096', 'count=1', 'oflag=direct'], { stdio: 'ignore' });
  rmSync(probe, { force: true });
  return r.status === 0 ? 'yes' : 'no';
}

/** Flushes earlier runs' writes, so one copy does not pay for the last one's writeback. */
function settle(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

const root = mkdtempSync(join(tmpdir(), 'ferry-bench-'));
const dest = DEST_ROOT ? mkdtempSync(join(DEST_ROOT, 'ferry-bench-dest-')) : join(root, 'dest');
try {
  // BENCH_SOURCE: an existing file instead of a fresh one (a real package, or a file the disk has settled).
  const source = process.env.BENCH_SOURCE ?? join(root, 'source.bin');
  if (!DEST_ROOT) mkdirSync(dest);
  if (!process.env.BENCH_SOURCE) generate(source);
  // Warm the page cache once so every contender reads the same way.
  openssl(source);
  const ref: number[] = [];
  const hash: number[] = [];
  const copy: number[] = [];
  const sync: number[] = [];
  const plain: number[] = [];
  const hashes = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const o = openssl(source);
    const h = await hashOnce(source);
    settle();
    const c = await copyOnce(source, dest, i);
    settle();
    plain.push(plainCopy(source, dest));
    settle();
    ref.push(o.ms);
    hash.push(h.ms);
    copy.push(c.ms);
    sync.push(c.syncMs);
    for (const s of [o.sha256, h.sha256, c.sha256]) hashes.add(s);
  }
  if (hashes.size !== 1) throw new Error(`the contenders disagree on the hash: ${[...hashes].join(', ')}`);
  const [r, h, c, s, p] = [median(ref), median(hash), median(copy), median(sync), median(plain)];
  console.log(`hash-copy benchmark: ${SIZE_MIB} MiB, median of ${RUNS} runs each, copies to ${dest} (direct I/O: ${takesDirectIo(dest)}), SHA-256 ${[...hashes][0]}`);
  console.log(`reference: openssl dgst -sha256          ${rate(r)}  (${r.toFixed(0)} ms)`);
  console.log(`job worker, hashing alone               ${rate(h)}  (${h.toFixed(0)} ms)   ÷ openssl ${(r / h).toFixed(2)}×`);
  console.log(`job worker, hashing while copying       ${rate(c)}  (${c.toFixed(0)} ms, of which fsync ${s.toFixed(0)} ms)`);
  console.log(`reference: OS copy + fsync, no hashing   ${rate(p)}  (${p.toFixed(0)} ms): the destination's own limit`);
  console.log(`ratio copy ÷ hash alone (throughput)    ${(h / c).toFixed(2)}×   without the final fsync ${(h / (c - s)).toFixed(2)}×   (goal ≥ 0.90×)`);
} finally {
  rmSync(root, { recursive: true, force: true });
  if (DEST_ROOT) rmSync(dest, { recursive: true, force: true });
}
