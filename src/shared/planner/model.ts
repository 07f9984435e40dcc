/**
 * The planner's internal model: packages with parsed versions and requirements, components numbered
 * (0 = site, 1 = base, then the rest), and states as arrays of versions.
 */
import type { PlanBudget } from './budget.ts';
import { componentOf, type Package } from '../packages.ts';
import { compareParsed, parseRange, parseVersion, satisfiesParsed, type Range, type Version, versionKey } from '../versions.ts';
import type { ApplianceState } from './types.ts';

export const SITE = 0;
export const BASE = 1;

/** A requirement bound to a component number. */
export interface Req {
  comp: number;
  component: string;
  range: Range;
}

/** A catalog package ready for search. */
export interface Candidate {
  /** Position in the catalog (tie-break of last resort). */
  index: number;
  pkg: Package;
  comp: number;
  component: string;
  version: Version;
  /** `requires` plus `upgradesFrom` (a requirement on the package's own component). */
  reqs: Req[];
  /**
   * Candidates of one group are interchangeable for every requirement and target: same component,
   * same requirements, and a version that satisfies exactly the same ranges. From any state only the
   * lowest installable one of a group needs trying (see `assignGroups`).
   */
  group: number;
}

/** A state: one version per component, null where not installed. */
export type State = (Version | null)[];

/** Numbers components: site and base first, then others in order of appearance. */
export class Components {
  readonly names: string[] = ['site', 'base'];
  private readonly index = new Map<string, number>([['site', SITE], ['base', BASE]]);
  /** Catalogs repeat a few range texts many times: parse each once. */
  private readonly ranges = new Map<string, Range>();

  range(text: string): Range {
    let r = this.ranges.get(text);
    if (!r) {
      r = parseRange(text);
      this.ranges.set(text, r);
    }
    return r;
  }

  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }
}

/** Builds a candidate from a catalog entry. */
export function toCandidate(pkg: Package, index: number, components: Components): Candidate {
  const component = componentOf(pkg);
  const comp = components.id(component);
  const reqs: Req[] = (pkg.requires ?? []).map((r) => ({ comp: components.id(r.component), component: r.component, range: components.range(r.range) }));
  if (pkg.upgradesFrom !== undefined) reqs.push({ comp, component, range: components.range(pkg.upgradesFrom) });
  return { index, pkg, comp, component, version: parseVersion(pkg.version), reqs, group: index };
}

/**
 * Groups interchangeable candidates. Sound for every objective of `comparePlans`: in a plan using a
 * higher member of a group, the lowest member above the installed version satisfies and unlocks the
 * same requirements, leaves more room for later installs, and only lowers the version sequence.
 */
export function assignGroups(candidates: readonly Candidate[], targets: readonly (Version | null)[], budget: PlanBudget): void {
  // Distinct ranges per component (catalogs repeat the same few ranges many times).
  const byText = new Map<number, Map<string, Range>>();
  for (const c of candidates) for (const r of c.reqs) {
    const list = byText.get(r.comp) ?? new Map<string, Range>();
    list.set(r.range.text, r.range);
    byText.set(r.comp, list);
  }
  // A range that is one exact version (`=12.2.0`, as a chain's `upgradesFrom`) holds for that version
  // only: such ranges are looked up by version instead of tried one by one, so a candidate's class is
  // the bits of the other ranges plus the list of exact ones it meets (a chain stays linear).
  const ranges = new Map<number, { general: Range[]; exact: Map<string, number[]> }>();
  for (const [comp, m] of byText) {
    const general: Range[] = [];
    const exact = new Map<string, number[]>();
    [...m.values()].forEach((r, i) => {
      const alt = r.alternatives.length === 1 && r.alternatives[0]!.length === 1 ? r.alternatives[0]![0]! : null;
      if (alt?.op !== '=') return void general.push(r);
      let list = exact.get(versionKey(alt.version));
      if (!list) exact.set(versionKey(alt.version), (list = []));
      list.push(i);
    });
    ranges.set(comp, { general, exact });
  }
  const ids = new Map<string, number>();
  for (const c of candidates) {
    const target = targets[c.comp] ?? null;
    const own = ranges.get(c.comp);
    // Candidates × general ranges: quadratic in a degenerate catalog, so it counts against the budget.
    const bits = (own?.general ?? []).map((r) => { budget.tick(); return satisfiesParsed(c.version, r) ? '1' : '0'; }).join('');
    const cls = `${bits}/${(own?.exact.get(versionKey(c.version)) ?? []).join('.')}`;
    const isTarget = target !== null && compareParsed(c.version, target) === 0 ? 'T' : '';
    const reqs = c.reqs.map((r) => `${r.comp}:${r.range.text}`).sort().join(',');
    const key = `${c.comp}|${cls}|${isTarget}|${reqs}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    c.group = id;
  }
}

/** The start state as an array over `components`. */
export function toState(state: ApplianceState, components: Components): State {
  const s: State = [parseVersion(state.site), parseVersion(state.base)];
  for (const [name, version] of Object.entries(state.components ?? {})) s[components.id(name)] = parseVersion(version);
  for (let i = 0; i < components.names.length; i++) s[i] ??= null;
  return s;
}

/** Whether `c` can be installed in `state`: a higher version than installed, every requirement met. */
export function installable(c: Candidate, state: State): boolean {
  const current = state[c.comp] ?? null;
  if (current !== null && compareParsed(c.version, current) <= 0) return false;
  for (const r of c.reqs) {
    const v = state[r.comp] ?? null;
    if (v === null || !satisfiesParsed(v, r.range)) return false;
  }
  return true;
}

/** The state after installing `c`. */
export function apply(state: State, c: Candidate): State {
  const next = state.slice();
  next[c.comp] = c.version;
  return next;
}

/** A stable key for a state. */
export function stateKey(state: State): string {
  return state.map((v) => (v === null ? '-' : v.join('.'))).join('|');
}

/**
 * The planner's total order on plans: fewest installs; then fewest site installs (each is followed by
 * a wait); then the lowest versions — site versions first, then base, then other components; then
 * non-site installs as late as possible (a base update lands directly before the site package that
 * needs it); then catalog names and order, so the answer is deterministic.
 */
export function comparePlans(a: readonly Candidate[], b: readonly Candidate[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const sites = (p: readonly Candidate[]) => p.reduce((n, c) => n + (c.comp === SITE ? 1 : 0), 0);
  const k = sites(a) - sites(b);
  if (k !== 0) return k;
  const comps = [...new Set([...a, ...b].map((c) => c.comp))].sort((x, y) => x - y);
  for (const comp of comps) {
    const va = a.filter((c) => c.comp === comp).map((c) => c.version);
    const vb = b.filter((c) => c.comp === comp).map((c) => c.version);
    for (let i = 0; i < Math.min(va.length, vb.length); i++) {
      const d = compareParsed(va[i]!, vb[i]!);
      if (d !== 0) return d;
    }
    if (va.length !== vb.length) return va.length - vb.length;
  }
  for (let i = 0; i < a.length; i++) {
    const ra = a[i]!.comp === SITE ? 0 : 1;
    const rb = b[i]!.comp === SITE ? 0 : 1;
    if (ra !== rb) return ra - rb;
  }
  for (let i = 0; i < a.length; i++) {
    const na = a[i]!.pkg.name;
    const nb = b[i]!.pkg.name;
    if (na !== nb) return na < nb ? -1 : 1;
    if (a[i]!.index !== b[i]!.index) return a[i]!.index - b[i]!.index;
  }
  return 0;
}
