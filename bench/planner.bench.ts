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
