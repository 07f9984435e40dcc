/**
 * A lower bound on the installs still needed from a state, for pruning the search: the fewest site
 * hops to the target in the graph of `upgradesFrom` windows (ignoring base requirements), plus one for
 * each other component that must still change. It never overestimates and drops by at most one per
 * install, so pruning with it keeps every optimal plan.
 */
import { compareParsed, satisfiesParsed, type Range, type Version } from '../versions.ts';
import { SITE, type Candidate, type State } from './model.ts';

type Interval = [number, number];

/** Index of the first element of `sorted` that is >= v (or > v when `strict`). */
function bound(sorted: readonly Version[], v: Version, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = compareParsed(sorted[mid]!, v);
    if (d < 0 || (strict && d === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index intervals of `sorted` that satisfy `range`. */
function rangeIntervals(sorted: readonly Version[], range: Range): Interval[] {
  const out: Interval[] = [];
  for (const set of range.alternatives) {
    let lo = 0;
    let hi = sorted.length - 1;
    for (const c of set) {
      switch (c.op) {
        case '>=': lo = Math.max(lo, bound(sorted, c.version, false)); break;
        case '>': lo = Math.max(lo, bound(sorted, c.version, true)); break;
        case '<=': hi = Math.min(hi, bound(sorted, c.version, true) - 1); break;
        case '<': hi = Math.min(hi, bound(sorted, c.version, false) - 1); break;
        case '=': lo = Math.max(lo, bound(sorted, c.version, false)); hi = Math.min(hi, bound(sorted, c.version, true) - 1); break;
      }
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [a0, a1] of a) for (const [b0, b1] of b) {
    const lo = Math.max(a0, b0);
    const hi = Math.min(a1, b1);
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

/** Site hops to the target, by site version. */
export class SiteDistance {
  private readonly versions: Version[];
  private readonly dist: number[];

  constructor(sites: readonly Candidate[], start: Version, target: Version) {
    const all = [start, ...sites.map((c) => c.version)].sort(compareParsed);
    this.versions = all.filter((v, i) => i === 0 || compareParsed(v, all[i - 1]!) !== 0);
    const n = this.versions.length;
    this.dist = new Array<number>(n).fill(Infinity);
    const byIndex = new Map<number, Interval[][]>();
    for (const c of sites) {
      const at = this.indexOf(c.version);
      let allowed: Interval[] = at > 0 ? [[0, at - 1]] : [];
      for (const r of c.reqs) if (r.comp === SITE) allowed = intersect(allowed, rangeIntervals(this.versions, r.range));
      const list = byIndex.get(at) ?? [];
      list.push(allowed);
      byIndex.set(at, list);
    }
    // Backward breadth-first search from the target; `next` skips indices already reached.
    const next = Array.from({ length: n + 1 }, (_, i) => i);
    const find = (i: number): number => {
      while (next[i] !== i) {
        next[i] = next[next[i]!]!;
        i = next[i]!;
      }
      return i;
    };
    const t = this.indexOf(target);
    if (t < 0) return;
    this.dist[t] = 0;
    next[t] = t + 1;
    const queue = [t];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const allowed of byIndex.get(u) ?? []) {
        for (const [lo, hi] of allowed) {
          for (let s = find(lo); s <= hi; s = find(s)) {
            this.dist[s] = this.dist[u]! + 1;
            next[s] = s + 1;
            queue.push(s);
          }
        }
      }
    }
  }

  private indexOf(v: Version): number {
    const i = bound(this.versions, v, false);
    return i < this.versions.length && compareParsed(this.versions[i]!, v) === 0 ? i : -1;
  }

  /** Fewest site installs from `site` to the target (Infinity when none lead there). */
  from(site: Version): number {
    const i = this.indexOf(site);
    return i < 0 ? Infinity : this.dist[i]!;
  }
}

/** The complete lower bound used by the search. */
export class Heuristic {
  private readonly site: SiteDistance;
  private readonly targetSite: Version;
  private readonly targets: readonly (Version | null)[];
  /** Per component: the ranges each target-version site package demands of it (null: no demand). */
  private readonly finalDemands: Map<number, (Range[] | null)[]>;

  constructor(sites: readonly Candidate[], start: Version, targetSite: Version, targets: readonly (Version | null)[]) {
    this.site = new SiteDistance(sites, start, targetSite);
    this.targetSite = targetSite;
    this.targets = targets;
    this.finalDemands = new Map();
    const finals = sites.filter((c) => compareParsed(c.version, targetSite) === 0);
    const comps = new Set(finals.flatMap((c) => c.reqs.filter((r) => r.comp !== SITE).map((r) => r.comp)));
    for (const comp of comps) {
      this.finalDemands.set(comp, finals.map((c) => {
        const ranges = c.reqs.filter((r) => r.comp === comp).map((r) => r.range);
        return ranges.length ? ranges : null;
      }));
    }
  }

  /** Lower bound on installs left from `state`. */
  estimate(state: State): number {
    const site = state[SITE]!;
    let h = this.site.from(site);
    if (h === Infinity) return h;
    const atTarget = compareParsed(site, this.targetSite) === 0;
    for (let comp = 1; comp < state.length; comp++) {
      const v = state[comp] ?? null;
      const target = this.targets[comp] ?? null;
      if (target !== null && (v === null || compareParsed(v, target) !== 0)) {
        h += 1;
        continue;
      }
      const demands = atTarget ? undefined : this.finalDemands.get(comp);
      if (demands && demands.every((ranges) => ranges !== null && (v === null || !ranges.every((r) => satisfiesParsed(v, r))))) h += 1;
    }
    return h;
  }
}
