/**
 * `npm run bench:verify`: a bundle holding one 2 GiB package (generated in a temp folder, removed
 * after). Prints `ferry bundle verify` throughput, its ratio to `openssl dgst -sha256` and `sha256sum`
 * over the same file in the same run (goal ≥ 0.80× OpenSSL), and the CLI's peak RSS (goal < 250 MB);
 * then `ferry bundle import` against `cp` + `sha256sum` of the same file (goal ≤ 1.2× their time),
 * also with `sync` added, since the import waits for its fsync. Median of BENCH_RUNS runs; the
 * commands run as separate processes from the sources, as a technician runs them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from './random-file.ts';

const MIB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 2048);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (ms: number) => `${((SIZE_MIB / ms) * 1000).toFixed(0).padStart(6)} MiB/s`;

/** Runs a command to the end; its time in ms. */
function timed(cmd: string, args: string[], options: { cwd?: string } = {}): { ms: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * MIB, ...options });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/** `ferry …` from the sources, under /usr/bin/time for its peak RSS (KiB), when that exists. */
function ferry(args: string[]): { ms: number; stdout: string; rssMb: number | null } {
  const node = [process.execPath, '--disable-warning=ExperimentalWarning', 'src/main/cli.ts', ...args];
  const withTime = process.platform === 'linux' && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  const r = withTime ? timed('/usr/bin/time', ['-f', 'peak-rss-kib %M', ...node]) : timed(node[0]!, node.slice(1));
  const kib = /peak-rss-kib (\d+)/.exec(r.stderr)?.[1];
  return { ms: r.ms, stdout: r.stdout, rssMb: kib ? Number(kib) / 1024 : null };
}

function settle(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

const root = mkdtempSync(join(tmpdir(), 'ferry-bench-verify-'));
try {
  const downloads = join(root, 'downloads');
  const medium = join(root, 'medium');
  mkdirSync(downloads);
  mkdirSync(medium);
  const r = join(root, 'restricted');
  const c = join(root, 'connected');
  generate(join(downloads, 'BeyondTrust-13.1.0.nsu'), SIZE_MIB);
  const catalog = join(root, 'catalog.json');
  writeFileSync(catalog, JSON.stringify({ packages: [{ name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', file: 'BeyondTrust-13.1.0.nsu' }] }));
  // The two stations and their trust, as in the journey.
  ferry(['station', 'init', '--name', 'Jump host', '--data-dir', r]);
  ferry(['station', 'init', '--name', 'Office PC', '--data-dir', c]);
  ferry(['appliance', 'add', '--name', 'A', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '4.0.0', '--site', '12.2.0', '--data-dir', r]);
  const requestFile = (JSON.parse(ferry(['request', 'create', '--out', medium, '--json', '--data-dir', r]).stdout) as { file: string }).file;
  const fp = (dir: string) => (JSON.parse(ferry(['station', 'show', '--json', '--data-dir', dir]).stdout) as { fingerprint: string }).fingerprint;
  ferry(['station', 'trust', requestFile, '--fingerprint', fp(r), '--data-dir', c]);
  const bundle = JSON.parse(ferry(['bundle', 'create', '--request', requestFile, '--packages', downloads, '--catalog', catalog, '--out', medium, '--json', '--data-dir', c]).stdout) as { dir: string };
  const pem = join(root, 'office.pem');
  ferry(['station', 'export', '--out', pem, '--data-dir', c]);
  ferry(['station', 'trust', pem, '--fingerprint', fp(c), '--data-dir', r]);
  // A copy of the restricted station before any import, so every import run starts from an empty vault.
  const template = join(root, 'restricted-template');
  cpSync(r, template, { recursive: true });
  const packageFile = join(bundle.dir, 'packages', readdirSync(join(bundle.dir, 'packages'))[0]!);
  if (statSync(packageFile).size !== SIZE_MIB * MIB) throw new Error('the bundle does not hold the whole package');
  timed('openssl', ['dgst', '-sha256', packageFile]);

  const openssl: number[] = [], sha256sum: number[] = [], verify: number[] = [], imp: number[] = [], cpSum: number[] = [], cpSyncSum: number[] = [];
  let rss = 0;
  // What starting the CLI costs (Node, loading the sources): part of every ferry time below.
  const startup = median([0, 1, 2].map(() => ferry(['station', 'show', '--data-dir', r]).ms));
  for (let i = 0; i < RUNS; i++) {
    openssl.push(timed('openssl', ['dgst', '-sha256', packageFile]).ms);
    sha256sum.push(timed('sha256sum', [packageFile]).ms);
    const v = ferry(['bundle', 'verify', bundle.dir, '--data-dir', r]);
    verify.push(v.ms);
    rss = Math.max(rss, v.rssMb ?? 0);
    const fresh = join(root, `restricted-${i}`);
    cpSync(template, fresh, { recursive: true });
    settle();
    const im = ferry(['bundle', 'import', bundle.dir, '--data-dir', fresh]);
    imp.push(im.ms);
    rss = Math.max(rss, im.rssMb ?? 0);
    rmSync(fresh, { recursive: true, force: true });
    settle();
    const copy = join(root, `copy-${i}.bin`);
    const t = performance.now();
    timed('cp', [packageFile, copy]);
    const cpMs = performance.now() - t;
    const s = performance.now();
    settle();
    const syncMs = performance.now() - s;
    const sum = timed('sha256sum', [copy]).ms;
    cpSum.push(cpMs + sum);
    cpSyncSum.push(cpMs + syncMs + sum);
    rmSync(copy);
    settle();
  }
  const [o, s, v, im, cs, css] = [openssl, sha256sum, verify, imp, cpSum, cpSyncSum].map(median) as [number, number, number, number, number, number];
  console.log(`verify benchmark: one ${SIZE_MIB} MiB package, median of ${RUNS} runs, CLI processes from the sources (Node start included)`);
  console.log(`reference: openssl dgst -sha256          ${rate(o)}  (${o.toFixed(0)} ms)`);
  console.log(`reference: sha256sum                     ${rate(s)}  (${s.toFixed(0)} ms)`);
  console.log(`ferry bundle verify                      ${rate(v)}  (${v.toFixed(0)} ms)   ÷ openssl ${(o / v).toFixed(2)}×   ÷ sha256sum ${(s / v).toFixed(2)}×   (goal ≥ 0.80× openssl)`);
  console.log(`ferry bundle import                      ${(im).toFixed(0)} ms   ÷ (cp + sha256sum ${cs.toFixed(0)} ms) ${(im / cs).toFixed(2)}×   ÷ (cp + sync + sha256sum ${css.toFixed(0)} ms) ${(im / css).toFixed(2)}×   (goal ≤ 1.20×)`);
  console.log(`(CLI start-up, in every ferry time above: ${startup.toFixed(0)} ms; verify without it ${rate(v - startup)}, ÷ openssl ${(o / (v - startup)).toFixed(2)}×)`);
  console.log(`peak RSS of the ferry processes          ${rss.toFixed(0)} MB   (goal < 250 MB)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
