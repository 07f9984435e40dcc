import { describe, expect, it } from 'vitest';
import type { Package } from '../../../src/shared/packages.ts';
import { planUpgrade } from '../../../src/shared/planner/index.ts';

/**
 * A degenerate catalog: the target site package needs `count` licences, each available in one
 * version, and a base it can never have together with licence X. The relaxed check cannot see the
 * conflict, so the search wades through 2^count states — minutes without a budget.
 */
function tangled(count: number): Package[] {
  const packages: Package[] = [
    { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' },
    { name: 'X 10.0.0', kind: 'license', version: '10.0.0', requires: [{ component: 'base', range: '>=4.0.0' }] },
  ];
  const requires = [{ component: 'base', range: '<4.0.0' }, { component: 'X', range: '>=10.0.0' }];
  for (let i = 0; i < count; i++) {
    requires.push({ component: `L${i}`, range: '>=1.0.0' });
    packages.push({ name: `L${i} 1.0.0`, kind: 'license', version: '1.0.0' });
  }
  packages.push({ name: 'BeyondTrust 13.0.0', kind: 'site', version: '13.0.0', requires });
  return packages;
}

const plan = (catalog: Package[], options: Parameters<typeof planUpgrade>[3]) =>
  planUpgrade(catalog, { base: '3.0.0', site: '12.0.0' }, { site: '13.0.0' }, options);

describe('planner budget', () => {
  it('gives up with PLAN_TOO_COMPLEX when its time is spent, reading the injected clock', () => {
    let now = 0;
    const clock = () => (now += 1000);
    expect(() => plan(tangled(12), { clock, maxMillis: 5000 }))
      .toThrow(expect.objectContaining({ code: 'PLAN_TOO_COMPLEX', details: expect.objectContaining({ limit: 'time', maxMillis: 5000 }) }));
  });

  it('stops a plan that would run for minutes within its budget on the real clock', () => {
    const started = performance.now();
    expect(() => plan(tangled(300), { maxMillis: 300 })).toThrow(expect.objectContaining({ code: 'PLAN_TOO_COMPLEX' }));
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('gives up before the states it keeps outgrow memory, counting their width', () => {
    expect(() => plan(tangled(300), { clock: () => 0, maxStateCells: 100_000 }))
      .toThrow(expect.objectContaining({ code: 'PLAN_TOO_COMPLEX', details: expect.objectContaining({ limit: 'memory' }) }));
  });

  it('lets a plan finish when the clock stands still, whatever the state count', () => {
    const result = plan(tangled(6), { clock: () => 0, maxMillis: 0 });
    expect(result.reachable).toBe(false);
    expect(result.statesExplored).toBeGreaterThan(16);
  });
});

describe('planner budget before the search', () => {
  /** A chain of `n` site versions, each upgrading only from the one before: n distinct groups and ranges. */
  const chain = (n: number): Package[] => Array.from({ length: n }, (_, i) => ({
    name: `s${i}`, kind: 'site' as const, version: `1.${i}.0`, upgradesFrom: `>=1.${Math.max(i - 1, 0)}.0`,
  }));

  it('counts grouping and the reachability check against the time budget (a 60,000-step chain ran for minutes)', () => {
    // The clock advances 1 ms per reading. The search alone reads it a few hundred times for this
    // chain; grouping (candidates × distinct ranges) reads it hundreds of thousands of times.
    let now = 0;
    const clock = () => (now += 1);
    const run = () => planUpgrade(chain(3000), { base: '1.0.0', site: '1.0.0' }, { site: 'latest' }, { clock, maxMillis: 2_000 });
    expect(run).toThrow(expect.objectContaining({ code: 'PLAN_TOO_COMPLEX' }));
  });

  it('plans the same chain when time allows', () => {
    const result = planUpgrade(chain(300), { base: '1.0.0', site: '1.0.0' }, { site: 'latest' }, {});
    expect(result.reachable && result.steps.length).toBe(299);
  });
});
