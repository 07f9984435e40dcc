/**
 * `npm run bench:planner`: plans on a generated catalog of 2,000 packages from several appliance
 * states and prints the median plan time and the states explored, with the ratio to a reference
 * measured in the same run on the same catalog: validating the catalog file (JSON.parse + schema),
 * which every plan from a file pays anyway.
 */
import { performance } from 'node:perf_hooks';
import { parseCatalog } from '../src/shared/packages.ts';
import { planUpgrade, type ApplianceState } from '../src/shared/planner/index.ts';
import { generateCatalog } from './catalog-generator.ts';

const SIZE = Number(process.env.BENCH_SIZE ?? 2000);
const RUNS = 21;
const catalog = generateCatalog(SIZE, 7);
const catalogText = JSON.stringify({ packages: catalog });
const starts: ApplianceState[] = [
  { site: '10.0.0', base: '3.0.0' },
  { site: '12.3.4', base: '3.2.0' },
  { site: '15.0.0', base: '4.1.0' },
  { site: '19.8.8', base: '5.0.0' },
  { site: '24.4.2', base: '6.1.0' },
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeIt<T>(fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

const validation = timeIt(() => parseCatalog(JSON.parse(catalogText)));
console.log(`planner benchmark: ${catalog.length} packages (${(catalogText.length / 1024).toFixed(0)} KiB), median of ${RUNS} runs each`);
console.log(`reference A: validating the catalog (JSON.parse + zod): ${validation.ms.toFixed(2)} ms\n`);
console.log('from (site/base)   installs  states   plan ms   plan ÷ ref A');
const times: number[] = [];
for (const from of starts) {
  const { ms, value: plan } = timeIt(() => planUpgrade(catalog, from, { site: 'latest' }));
  if (!plan.reachable) throw new Error(`the bench catalog is unreachable from ${from.site}`);
  times.push(ms);
  console.log(`${`${from.site}/${from.base}`.padEnd(18)} ${String(plan.steps.length).padStart(8)}  ${String(plan.statesExplored).padStart(6)}  ${ms.toFixed(2).padStart(8)}  ${(ms / validation.ms).toFixed(2).padStart(12)}`);
}
// An unreachable target: the same catalog without base 5 and later, so no site 18+ can be installed.
const missing = catalog.filter((p) => !(p.kind === 'base' && Number(p.version.split('.')[0]) >= 5));
const blocked = timeIt(() => planUpgrade(missing, starts[0]!, { site: 'latest' }));
if (blocked.value.reachable) throw new Error('expected the reduced catalog to be unreachable');
console.log(`${'unreachable'.padEnd(18)} ${'—'.padStart(8)}  ${String(blocked.value.statesExplored).padStart(6)}  ${blocked.ms.toFixed(2).padStart(8)}  ${(blocked.ms / validation.ms).toFixed(2).padStart(12)}   (${blocked.value.blockers.length} blockers; ask for ${blocked.value.nextTrip.map((n) => `${n.component} ${n.range}`).join(', ')})`);
console.log(`\nmedian plan time: ${median(times).toFixed(2)} ms (goal: below 50 ms); ${(median(times) / validation.ms).toFixed(2)}× the catalog validation`);

// A chain of 10,000 site versions, each upgrading only from the one before: the whole `ferry plan`
// process (as a technician runs it), against the same process on a two-package catalog.
{
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-chain-'));
  try {
    const LENGTH = Number(process.env.BENCH_CHAIN ?? 10_000);
    const chain = Array.from({ length: LENGTH }, (_, i) => ({
      name: `BeyondTrust ${i + 1}.0.0`, kind: 'site', version: `${i + 1}.0.0`, ...(i > 0 ? { upgradesFrom: `=${i}.0.0` } : {}),
    }));
    const small = [{ name: 'BeyondTrust 1.0.0', kind: 'site', version: '1.0.0' }, { name: 'BeyondTrust 2.0.0', kind: 'site', version: '2.0.0', upgradesFrom: '=1.0.0' }];
    writeFileSync(join(dir, 'chain.json'), JSON.stringify({ packages: chain }));
    writeFileSync(join(dir, 'small.json'), JSON.stringify({ packages: small }));
    const run = (file: string) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/main/cli.ts', 'plan', '--catalog', join(dir, file), '--base', '4.0.0', '--site', '0.0.1', '--wait-hours', '0', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const ms = performance.now() - t;
      const out = JSON.parse(r.stdout) as { reachable?: boolean; steps?: unknown[]; error?: { code: string } };
      return { ms, outcome: out.reachable ? `${out.steps!.length} installs` : out.error ? out.error.code : 'unreachable' };
    };
    const smallRuns = [0, 1, 2].map(() => run('small.json'));
    const chainRuns = [0, 1, 2].map(() => run('chain.json'));
    const s = median(smallRuns.map((r) => r.ms));
    const c = median(chainRuns.map((r) => r.ms));
    console.log(`\nchain of ${LENGTH} site versions, whole \`ferry plan\` process: ${c.toFixed(0)} ms (${chainRuns[0]!.outcome}) ÷ two-package plan ${s.toFixed(0)} ms = ${(c / s).toFixed(2)}× (goal ≤ 3×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
