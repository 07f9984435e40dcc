import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentOf, type Package } from '../../../src/shared/packages.ts';
import { planUpgrade, type ApplianceState } from '../../../src/shared/planner/index.ts';
import { compareVersions, satisfies } from '../../../src/shared/versions.ts';
import { allPlans, bruteInstallable, type BruteState } from './brute-force.ts';

/**
 * The planner's order among plans, as docs/planner.md states it, written here on catalog indices:
 * fewer installs; fewer site installs; then per component — site, base, then the others (this
 * generator has one) — the lower version sequence; then site installs before the others (non-site
 * installs as late as possible); then the catalog's own order. Negative when `a` comes first.
 */
function documentedOrder(catalog: Package[], a: number[], b: number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const sites = (p: number[]) => p.filter((i) => catalog[i]!.kind === 'site').length;
  if (sites(a) !== sites(b)) return sites(a) - sites(b);
  const others = [...new Set([...a, ...b].map((i) => componentOf(catalog[i]!)).filter((c) => c !== 'site' && c !== 'base'))].sort();
  for (const component of ['site', 'base', ...others]) {
    const va = a.filter((i) => componentOf(catalog[i]!) === component).map((i) => catalog[i]!.version);
    const vb = b.filter((i) => componentOf(catalog[i]!) === component).map((i) => catalog[i]!.version);
    for (let k = 0; k < Math.min(va.length, vb.length); k++) {
      const d = compareVersions(va[k]!, vb[k]!);
      if (d !== 0) return d;
    }
    if (va.length !== vb.length) return va.length - vb.length;
  }
  for (let k = 0; k < a.length; k++) {
    const sa = catalog[a[k]!]!.kind === 'site' ? 0 : 1;
    const sb = catalog[b[k]!]!.kind === 'site' ? 0 : 1;
    if (sa !== sb) return sa - sb;
  }
  for (let k = 0; k < a.length; k++) {
    const na = catalog[a[k]!]!.name;
    const nb = catalog[b[k]!]!.name;
    if (na !== nb) return na < nb ? -1 : 1;
    if (a[k] !== b[k]) return a[k]! - b[k]!;
  }
  return 0;
}

/**
 * The lowest version a next-trip range admits, read here from its text (not with the planner's code):
 * the bound of `>=x` or `=x`, and for `>x` a version just above it.
 */
function lowestIn(range: string): string {
  const lower = range.split(' ').find((c) => c.startsWith('>') || c.startsWith('='))!;
  if (lower.startsWith('>=')) return lower.slice(2);
  if (lower.startsWith('>')) return `${lower.slice(1)}.1`;
  return lower.slice(1);
}

const SITE_VERSIONS = ['1.0', '1.2', '1.9', '1.10', '2.0', '2.1', '3.0'];
const BASE_VERSIONS = ['1', '2', '3', '3.1', '4'];
const LIC_VERSIONS = ['1', '2'];

const comparator = fc.constantFrom('>=', '>', '<', '<=', '=');
const rangeOver = (versions: string[]) => fc.oneof(
  fc.tuple(comparator, fc.constantFrom(...versions)).map(([op, v]) => `${op}${v}`),
  fc.tuple(fc.constantFrom(...versions), fc.constantFrom(...versions)).map(([a, b]) => `>=${a} <${b}`),
  fc.tuple(fc.constantFrom(...versions), fc.constantFrom(...versions)).map(([a, b]) => `<${a} || >=${b}`),
);

const packageArb: fc.Arbitrary<Package> = fc.oneof(
  { weight: 5, arbitrary: fc.record({
    version: fc.constantFrom(...SITE_VERSIONS),
    baseReq: fc.option(rangeOver(BASE_VERSIONS), { nil: undefined }),
    licReq: fc.option(rangeOver(LIC_VERSIONS), { freq: 8, nil: undefined }),
    upgradesFrom: fc.option(rangeOver(SITE_VERSIONS), { nil: undefined }),
  }).map(({ version, baseReq, licReq, upgradesFrom }) => ({
    name: `BeyondTrust ${version}`, kind: 'site' as const, version,
    ...(baseReq || licReq ? { requires: [
      ...(baseReq ? [{ component: 'base', range: baseReq }] : []),
      ...(licReq ? [{ component: 'Integration Client', range: licReq }] : []),
    ] } : {}),
    ...(upgradesFrom ? { upgradesFrom } : {}),
  })) },
  { weight: 3, arbitrary: fc.record({
    version: fc.constantFrom(...BASE_VERSIONS),
    siteReq: fc.option(rangeOver(SITE_VERSIONS), { freq: 4, nil: undefined }),
  }).map(({ version, siteReq }) => ({
    name: `Base Software ${version}`, kind: 'base' as const, version,
    ...(siteReq ? { requires: [{ component: 'site', range: siteReq }] } : {}),
  })) },
  { weight: 1, arbitrary: fc.constantFrom(...LIC_VERSIONS).map((version) => ({ name: `Integration Client ${version}`, kind: 'license' as const, version })) },
);

const scenarioArb = fc.record({
  catalog: fc.array(packageArb, { minLength: 0, maxLength: 7 }),
  start: fc.record({
    site: fc.constantFrom('1.0', '1.2', '1.9'),
    base: fc.constantFrom('1', '2'),
    lic: fc.option(fc.constantFrom('1'), { nil: undefined }),
  }),
  target: fc.oneof(fc.constant('latest'), fc.constantFrom(...SITE_VERSIONS)),
  baseTarget: fc.option(fc.constantFrom(...BASE_VERSIONS), { freq: 4, nil: undefined }),
  waitHours: fc.constantFrom(0, 12, 24),
});

describe('planner against brute force', () => {
  it('on thousands of small random catalogs: valid step by step, optimal, waits where due, unreachable exactly when no path exists', () => {
    let reachableCount = 0;
    let unreachableCount = 0;
    let advised = 0;
    fc.assert(fc.property(scenarioArb, ({ catalog, start, target, baseTarget, waitHours }) => {
      const from: ApplianceState = { site: start.site, base: start.base, ...(start.lic ? { components: { 'Integration Client': start.lic } } : {}) };
      const result = planUpgrade(catalog, from, { site: target, base: baseTarget }, { waitHours });
      const siteTarget = result.target.site;
      if (target === 'latest') {
        const highest = [start.site, ...catalog.filter((p) => p.kind === 'site').map((p) => p.version)].sort(compareVersions).at(-1);
        expect(compareVersions(siteTarget, highest!)).toBe(0);
      }
      const startState: BruteState = { site: start.site, base: start.base, 'Integration Client': start.lic };
      const isGoal = (s: BruteState) => compareVersions(s.site!, siteTarget) === 0 && (baseTarget === undefined || compareVersions(s.base!, baseTarget) === 0);
      const brute = allPlans(catalog, startState, isGoal);

      if (!result.reachable) {
        unreachableCount++;
        expect(brute, 'brute force found a plan the planner missed').toEqual([]);
        expect(result.blockers.length).toBeGreaterThan(0);
        // The advice, checked by brute force: one package at the lowest version of each range (with no
        // requirements of its own) makes the target reachable, and no range holds a version the catalog has.
        if (result.nextTrip.length > 0) {
          advised++;
          const fetched = result.nextTrip.map((item) => {
            const version = lowestIn(item.range);
            for (const p of catalog.filter((q) => componentOf(q) === item.component)) expect(satisfies(p.version, item.range), `${item.component} ${item.range} holds available ${p.version}`).toBe(false);
            const kind = item.component === 'site' || item.component === 'base' ? item.component : 'license';
            return { name: `${item.component} ${version}`, kind, version } as Package;
          });
          expect(allPlans([...catalog, ...fetched], startState, isGoal).length, `fetching ${JSON.stringify(result.nextTrip)} does not reach the target`).toBeGreaterThan(0);
        }
        return;
      }
      reachableCount++;
      expect(brute.length).toBeGreaterThan(0);
      // Valid step by step, independently checked.
      let state = { ...startState };
      const used: number[] = [];
      for (const step of result.steps) {
        const index = catalog.findIndex((p, i) => !used.includes(i) && p.name === step.name && p.version === step.version && bruteInstallable(p, state));
        expect(index, `step ${step.name} not installable`).toBeGreaterThanOrEqual(0);
        used.push(index);
        state = { ...state, [componentOf(catalog[index]!)]: step.version };
      }
      expect(isGoal(state)).toBe(true);
      // Optimal: no shorter plan, no plan as short with fewer site installs.
      const siteCount = (path: number[]) => path.filter((i) => catalog[i]!.kind === 'site').length;
      const best = brute.reduce((a, b) => (a.length !== b.length ? (a.length < b.length ? a : b) : siteCount(a) <= siteCount(b) ? a : b));
      expect(result.steps.length).toBe(best.length);
      expect(result.steps.filter((s) => s.kind === 'site').length).toBe(siteCount(best));
      // Tie-breaks: nothing brute force found is better by the documented order (compared here, not by the planner's code).
      for (const path of brute) expect(documentedOrder(catalog, path, used), `${JSON.stringify(path)} beats ${JSON.stringify(used)}`).toBeGreaterThanOrEqual(0);
      // Waits: after every site install that another site install follows, and nowhere else.
      result.steps.forEach((s, i) => {
        const laterSite = result.steps.slice(i + 1).some((t) => t.kind === 'site');
        expect(s.waitAfterHours).toBe(s.kind === 'site' && laterSite ? waitHours : 0);
      });
    }), { numRuns: 4000, seed: 20261125 });
    // The generator must exercise both outcomes, or the property proves little.
    expect(reachableCount).toBeGreaterThan(500);
    expect(unreachableCount).toBeGreaterThan(500);
    expect(advised).toBeGreaterThan(100);
  });
});
