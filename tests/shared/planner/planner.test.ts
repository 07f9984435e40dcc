import { describe, expect, it } from 'vitest';
import type { Package } from '../../../src/shared/packages.ts';
import { planFleet, planUpgrade, type PlanResult, type ReachablePlan, type UnreachablePlan } from '../../../src/shared/planner/index.ts';

const site = (version: string, extra: Partial<Package> = {}): Package => ({ name: `BeyondTrust ${version}`, kind: 'site', version, ...extra });
const base = (version: string, extra: Partial<Package> = {}): Package => ({ name: `Base Software ${version}`, kind: 'base', version, ...extra });
const needsBase = (range: string) => ({ requires: [{ component: 'base', range }] });

function reachable(r: PlanResult): ReachablePlan {
  if (!r.reachable) throw new Error(`unreachable: ${JSON.stringify(r.blockers)}`);
  return r;
}
function unreachable(r: PlanResult): UnreachablePlan {
  if (r.reachable) throw new Error(`reachable: ${r.steps.map((s) => s.name).join(', ')}`);
  return r;
}
const names = (r: PlanResult) => reachable(r).steps.map((s) => s.name);

describe('install-order planner', () => {
  it('plans multi-hop upgrades through intermediate site versions, with a wait between site installs', () => {
    const catalog = [
      site('12.2.0', { upgradesFrom: '>=12.0.0', ...needsBase('>=3.3.2 <4.0.0') }),
      site('13.1.0', { upgradesFrom: '>=12.2.0', ...needsBase('>=4.0.0') }),
      base('3.3.2'), base('4.0.0'),
    ];
    const plan = reachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: 'latest' }));
    expect(plan.steps.map((s) => [s.name, s.waitAfterHours])).toEqual([
      ['Base Software 3.3.2', 0], ['BeyondTrust 12.2.0', 24], ['Base Software 4.0.0', 0], ['BeyondTrust 13.1.0', 0],
    ]);
    expect(plan.steps[1]).toMatchObject({ from: '12.0.0', component: 'site' });
    expect(plan.end).toEqual({ site: '13.1.0', base: '4.0.0' });
    expect(plan.timeline.map((t) => t.type)).toEqual(['install', 'install', 'wait', 'install', 'install']);
  });

  it('puts a base update directly before the site package that needs it, after the wait', () => {
    // Base 4 is accepted by 12.5 as well, but only 13.0 needs it: it goes after the wait, right before 13.0.
    const catalog = [site('12.5.0', needsBase('>=3.0.0')), site('13.0.0', { upgradesFrom: '>=12.5.0', ...needsBase('>=4.0.0') }), base('4.0.0')];
    expect(names(planUpgrade(catalog, { base: '3.0.0', site: '12.0.0' }, { site: '13.0.0' })))
      .toEqual(['BeyondTrust 12.5.0', 'Base Software 4.0.0', 'BeyondTrust 13.0.0']);
  });

  it('is not fooled by upgradesFrom windows that defeat a greedy newest-first choice', () => {
    // Newest-first would jump to 12.9, from which 14.0 is not allowed (it needs 12.3–12.5, then 13.x).
    const catalog = [
      site('12.3.0'), site('12.9.0'),
      site('13.0.0', { upgradesFrom: '>=12.3.0 <12.6.0' }),
      site('14.0.0', { upgradesFrom: '>=13.0.0' }),
    ];
    expect(names(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: 'latest' })))
      .toEqual(['BeyondTrust 12.3.0', 'BeyondTrust 13.0.0', 'BeyondTrust 14.0.0']);
  });

  it('chooses the fewest installs even when that means a higher intermediate version', () => {
    const catalog = [
      site('12.1.0'), site('12.2.0', { upgradesFrom: '>=12.1.0' }), site('12.8.0'),
      site('13.0.0', { upgradesFrom: '>=12.2.0' }),
    ];
    expect(names(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' })))
      .toEqual(['BeyondTrust 12.8.0', 'BeyondTrust 13.0.0']);
  });

  it('among equally short plans, takes the lowest intermediate version', () => {
    const catalog = [site('12.4.0'), site('12.2.0'), site('13.0.0', { upgradesFrom: '>=12.2.0' })];
    expect(names(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' })))
      .toEqual(['BeyondTrust 12.2.0', 'BeyondTrust 13.0.0']);
  });

  it('compares versions numerically: 3.10.0 is newer than 3.9.0', () => {
    const catalog = [base('3.9.0'), base('3.10.0'), site('12.2.0', needsBase('>=3.10.0'))];
    const plan = reachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: '12.2.0' }));
    expect(plan.steps.map((s) => s.version)).toEqual(['3.10.0', '12.2.0']);
  });

  it('explains an unreachable target: which package needs what, what is available, what to fetch', () => {
    // The guide's case: "3.2.4 does not satisfy 12.2.0's requirements", and base 3.3.2 was not downloaded.
    const catalog = [site('12.2.0', { name: 'Bomgar-12.2.0', ...needsBase('>=3.3.2') }), base('3.2.9')];
    const plan = unreachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: 'latest' }));
    expect(plan.blockers).toEqual([{
      package: 'Bomgar-12.2.0', requires: { component: 'base', range: '>=3.3.2' }, available: ['3.2.9'], kind: 'missing',
      reason: 'Bomgar-12.2.0 needs base >=3.3.2: the catalog has no such version (it has 3.2.9)',
    }]);
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=3.3.2' }]);
  });

  it('follows an unreachable chain to the missing intermediate package', () => {
    const catalog = [site('13.1.0', { upgradesFrom: '>=12.2.0' }), site('12.2.0', needsBase('>=3.3.2'))];
    const plan = unreachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: '13.1.0' }));
    // The root cause first: the base nothing provides; then the site step it blocks.
    expect(plan.blockers).toMatchObject([
      { package: 'BeyondTrust 12.2.0', requires: { component: 'base', range: '>=3.3.2' }, available: [], kind: 'missing' },
      { package: 'BeyondTrust 13.1.0', requires: { component: 'site', range: '>=12.2.0' }, available: ['12.2.0', '13.1.0'], kind: 'gap' },
    ]);
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=3.3.2' }]);
  });

  it('says when the target version itself is missing from the catalog', () => {
    const plan = unreachable(planUpgrade([site('12.2.0')], { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' }));
    expect(plan.blockers).toEqual([{
      package: 'target', requires: { component: 'site', range: '=13.0.0' }, available: ['12.2.0'], kind: 'missing',
      reason: 'The target site 13.0.0: the catalog has no such version (it has 12.2.0)',
    }]);
    expect(plan.nextTrip).toEqual([{ component: 'site', range: '=13.0.0' }]);
  });

  it('refuses to plan a downgrade', () => {
    const plan = unreachable(planUpgrade([site('12.2.0')], { base: '4.0.0', site: '13.0.0' }, { site: '12.2.0' }));
    expect(plan.blockers[0]).toMatchObject({ package: 'target', available: ['13.0.0'] });
    expect(plan.nextTrip).toEqual([]);
  });

  it('offers the guide’s alternative: redeploy all clients instead of waiting', () => {
    const catalog = [site('12.2.0'), site('13.0.0', { upgradesFrom: '>=12.2.0' })];
    const plan = reachable(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' }, { clientStrategy: 'redeploy' }));
    expect(plan.clientStrategy).toBe('redeploy');
    expect(plan.steps.every((s) => s.waitAfterHours === 0)).toBe(true);
    expect(plan.timeline.map((t) => t.type)).toEqual(['uninstall-clients', 'install', 'install', 'reinstall-clients']);
    expect(plan.estimate.waitHours).toBe(0);
  });

  it('takes a configurable wait and estimates the total from install times and waits', () => {
    const catalog = [site('12.2.0'), site('13.0.0', { upgradesFrom: '>=12.2.0' })];
    const plan = reachable(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' }, { waitHours: 48, storedDataGiB: 500 }));
    expect(plan.steps.map((s) => s.waitAfterHours)).toEqual([48, 0]);
    expect(plan.steps[0]!.minutes).toEqual({ min: 15, max: 210 });
    expect(plan.estimate).toEqual({ installMinutes: { min: 30, max: 420 }, waitHours: 48, totalHours: { min: 48.5, max: 55 } });
  });

  it('reaches a requested base version too, and reports an empty plan when already there', () => {
    const catalog = [base('4.0.0'), base('4.1.0'), site('13.0.0')];
    expect(names(planUpgrade(catalog, { base: '3.3.2', site: '13.0.0' }, { site: '13.0.0', base: '4.1.0' }))).toEqual(['Base Software 4.1.0']);
    expect(names(planUpgrade(catalog, { base: '4.1.0', site: '13.0.0' }, { site: 'latest' }))).toEqual([]);
  });

  it('installs a licence component when a site package requires it', () => {
    const catalog: Package[] = [
      { name: 'Integration Client 2.0', kind: 'license', version: '2.0' },
      site('13.0.0', { requires: [{ component: 'Integration Client', range: '>=2.0' }] }),
    ];
    expect(names(planUpgrade(catalog, { base: '4.0.0', site: '12.0.0', components: { 'Integration Client': '1.0' } }, { site: '13.0.0' })))
      .toEqual(['Integration Client 2.0', 'BeyondTrust 13.0.0']);
  });
});

describe('planner limits', () => {
  it('proves a target unreachable without searching when a package is missing outright', () => {
    const catalog = [site('12.2.0', needsBase('>=3.3.2')), site('13.0.0', { upgradesFrom: '>=12.2.0' })];
    const plan = unreachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: '13.0.0' }));
    expect(plan.statesExplored).toBe(0);
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=3.3.2' }]);
  });

  it('asks once for a version that meets several requirements on the same component', () => {
    const catalog = [
      site('12.5.0', needsBase('>=4.0.0 <6.0.0')),
      site('13.0.0', { upgradesFrom: '>=12.5.0', ...needsBase('>=4.2.0 <7.0.0') }),
    ];
    const plan = unreachable(planUpgrade(catalog, { base: '3.0.0', site: '12.0.0' }, { site: '13.0.0' }));
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=4.2.0 <6.0.0' }]);
  });

  it('gives up with PLAN_TOO_COMPLEX instead of running without end', () => {
    const catalog = [site('12.2.0'), site('13.0.0', { upgradesFrom: '>=12.2.0' }), site('14.0.0', { upgradesFrom: '>=13.0.0' })];
    expect(() => planUpgrade(catalog, { base: '4.0.0', site: '12.0.0' }, { site: '14.0.0' }, { maxExplored: 1 }))
      .toThrow(expect.objectContaining({ code: 'PLAN_TOO_COMPLEX' }));
  });
});

describe('fleet planning', () => {
  it('brings a failover pair to the same versions and says when they started apart', () => {
    const catalog = [base('4.0.0'), base('4.1.0'), site('13.0.0', needsBase('>=4.0.0'))];
    const fleet = planFleet(catalog, [
      { id: 'a', name: 'A', state: { base: '3.3.2', site: '12.2.0' } },
      { id: 'b', name: 'B', state: { base: '4.1.0', site: '12.2.0' } },
    ], { site: 'latest' });
    expect(fleet.warnings.map((w) => w.code)).toEqual(['START_VERSIONS_DIFFER']);
    expect(fleet.plans.map((p) => (p.result.reachable ? p.result.end : null))).toEqual([
      { site: '13.0.0', base: '4.1.0' }, { site: '13.0.0', base: '4.1.0' },
    ]);
  });
});

describe('advice a technician can act on (issue 9)', () => {
  const upgrades = (from: string) => ({ upgradesFrom: from });

  it('a base in the gap: installable from 3.2.4, meets 12.x, lets 4.0.1 follow — never "base >=4.0.0", which is there', () => {
    const catalog = [
      base('4.0.1', upgrades('>=3.3.0')), base('4.1.0', upgrades('>=4.0.0')),
      site('12.2.0', needsBase('>=3.3.2')), site('13.1.0', { ...needsBase('>=4.0.0'), ...upgrades('>=12.2.0') }),
    ];
    const plan = unreachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: '13.1.0' }));
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=3.3.2 <4.0.1' }]);
    // The real cause first: what 12.x needs and no reachable base gives.
    expect(plan.blockers[0]).toMatchObject({ package: 'BeyondTrust 12.2.0', requires: { component: 'base', range: '>=3.3.2' }, kind: 'gap' });
    expect(plan.blockers[0]!.reason).toContain('none of them can be installed from base 3.2.4');
    // Fetching the lowest version of the range really fixes it.
    expect(planUpgrade([...catalog, base('3.3.2')], { base: '3.2.4', site: '12.0.0' }, { site: '13.1.0' }).reachable).toBe(true);
  });

  it('a target base that contradicts the target site is said so, with nothing to fetch', () => {
    const catalog = [base('4.2.1'), base('4.4.0'), site('24.1.2', needsBase('>=4.4.0'))];
    const plan = unreachable(planUpgrade(catalog, { base: '4.0.0', site: '23.1.0' }, { site: '24.1.2', base: '4.2.1' }));
    expect(plan.nextTrip).toEqual([]);
    expect(plan.blockers).toEqual([expect.objectContaining({ kind: 'target-conflict', requires: { component: 'base', range: '>=4.4.0' } })]);
    expect(plan.blockers[0]!.reason).toContain('Choose a target base within >=4.4.0');
  });

  it('a target below what is installed is a downgrade, not a conflict for support', () => {
    const plan = unreachable(planUpgrade([site('15.1.0'), site('24.1.2')], { base: '4.4.0', site: '24.1.2' }, { site: '15.1.0' }));
    expect(plan.nextTrip).toEqual([]);
    expect(plan.blockers).toEqual([expect.objectContaining({ kind: 'downgrade', available: ['24.1.2'] })]);
    expect(plan.blockers[0]!.reason).toContain('a downgrade to 15.1.0 is not possible');
  });

  it('many packages needing the same missing base are one line, and the real cause comes first', () => {
    const catalog = [
      base('4.0.2', upgrades('>=3.3.0')), base('4.2.1', upgrades('>=4.0.0')), base('4.4.0', upgrades('>=4.0.0')),
      site('12.2.0', needsBase('>=3.3.2')),
      ...['13.0.0', '13.1.0', '14.1.0'].map((v) => site(v, { ...needsBase('>=4.0.0'), ...upgrades('>=12.2.0') })),
    ];
    const plan = unreachable(planUpgrade(catalog, { base: '3.2.4', site: '12.0.0' }, { site: '14.1.0' }));
    expect(plan.nextTrip).toEqual([{ component: 'base', range: '>=3.3.2 <4.0.2' }]);
    expect(plan.blockers[0]).toMatchObject({ requires: { range: '>=3.3.2' } });
    const grouped = plan.blockers.filter((b) => b.requires.component === 'base' && b.requires.range === '>=4.0.0');
    expect(grouped.length).toBeLessThanOrEqual(1);
    for (const b of plan.blockers) expect(b.reason.length).toBeGreaterThan(0);
  });
});

describe('long chains (issue 9)', () => {
  it('plans a chain of 10,000 versions, each upgrading only from the one before, within the budget', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => site(`${i + 1}.0.0`, i > 0 ? { upgradesFrom: `=${i}.0.0` } : {}));
    const plan = reachable(planUpgrade(chain, { base: '4.0.0', site: '0.0.1' }, { site: 'latest' }, { waitHours: 0 }));
    expect(plan.steps).toHaveLength(10_000);
    expect(plan.steps.at(-1)!.version).toBe('10000.0.0');
  });

  it('an exact requirement matches however the version is written (12.2 is 12.2.0)', () => {
    const catalog = [site('13.0', { upgradesFrom: '=12.2' }), base('4.1', { requires: [{ component: 'site', range: '=13' }] })];
    expect(names(planUpgrade(catalog, { base: '4.0.0', site: '12.2.0' }, { site: '13.0.0', base: '4.1.0' }))).toEqual(['BeyondTrust 13.0', 'Base Software 4.1']);
  });
});
