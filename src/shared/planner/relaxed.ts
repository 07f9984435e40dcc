/**
 * A quick over-approximation of what can ever be installed: every component keeps the set of all
 * versions it could reach, and a package counts as installable once each requirement is met by some
 * version in those sets. Any state the real search can reach lies inside these sets, so a target
 * outside them is unreachable for certain — decided in polynomial time, without searching.
 *
 * Event-driven: a candidate waits on its first unmet requirement and is looked at again only when its
 * component gains a version — one that meets it exactly, for a `=X` requirement (a chain's
 * `upgradesFrom`), any version otherwise. A long chain thus costs linear time, not a pass per version;
 * and `plus` continues a finished reach with one more version (the advice's trials) instead of redoing it.
 */
import { compareParsed, satisfiesParsed, versionKey, type Range, type Version } from '../versions.ts';
import type { PlanBudget } from './budget.ts';
import type { Candidate, State } from './model.ts';

/** Per component, every version it might ever have. */
export class RelaxedReach {
  private sets: Version[][];
  /** The same versions as keys, for exact requirements. */
  private keys: Set<string>[];
  /** Sets only grow, so a met range stays met; an unmet one is rechecked only against new versions. */
  private checked: Map<number, Map<Range, { met: boolean; upTo: number }>>;
  /** Candidates waiting for one exact version of a component (by component, then version key). */
  private waitExact: Map<number, Map<string, Candidate[]>>;
  /** Candidates waiting for any new version of a component. */
  private waitAny: Map<number, Candidate[]>;
  private readonly budget: PlanBudget;

  constructor(start: State, candidates: readonly Candidate[], budget: PlanBudget) {
    this.budget = budget;
    this.sets = start.map((v) => (v === null ? [] : [v]));
    this.keys = start.map((v) => new Set(v === null ? [] : [versionKey(v)]));
    this.checked = new Map();
    this.waitExact = new Map();
    this.waitAny = new Map();
    const queue: Candidate[] = [];
    for (const c of candidates) {
      // An installed component only ever goes up: versions at or below the installed one never come.
      const installed = start[c.comp] ?? null;
      if (installed !== null && compareParsed(c.version, installed) <= 0) continue;
      queue.push(c);
    }
    this.settle(queue, new Set());
  }

  /**
   * A copy that can also reach `version` of `comp` (as a package without requirements would bring),
   * with everything that follows from it; this reach stays as it was.
   */
  plus(comp: number, version: Version): RelaxedReach {
    const copy: RelaxedReach = Object.create(RelaxedReach.prototype);
    Object.assign(copy, {
      budget: this.budget,
      sets: this.sets.map((s) => (s ? [...s] : s)),
      keys: this.keys.map((k) => (k ? new Set(k) : k)),
      checked: new Map([...this.checked].map(([c, m]) => [c, new Map(m)])),
      waitExact: new Map([...this.waitExact].map(([c, m]) => [c, new Map([...m].map(([k, list]) => [k, [...list]]))])),
      waitAny: new Map([...this.waitAny].map(([c, list]) => [c, [...list]])),
    });
    const queue: Candidate[] = [];
    const changed = new Set<number>();
    copy.add(comp, version, queue, changed);
    copy.settle(queue, changed);
    return copy;
  }

  /** Runs the queue to the fixpoint, waking general waiters once per round per changed component. */
  private settle(queue: Candidate[], changed: Set<number>): void {
    for (;;) {
      while (queue.length > 0) this.park(queue.pop()!, queue, changed);
      if (changed.size === 0) break;
      for (const comp of changed) {
        for (const w of this.waitAny.get(comp) ?? []) queue.push(w);
        this.waitAny.delete(comp);
      }
      changed.clear();
    }
  }

  /** Adds `c`'s version if every requirement is met, else files it under its first unmet one. */
  private park(c: Candidate, queue: Candidate[], changed: Set<number>): void {
    this.budget.tick();
    const unmet = c.reqs.find((r) => !this.met(r.comp, r.range));
    if (!unmet) return this.add(c.comp, c.version, queue, changed);
    const alt = single(unmet.range);
    if (alt?.op === '=') {
      let byKey = this.waitExact.get(unmet.comp);
      if (!byKey) this.waitExact.set(unmet.comp, (byKey = new Map()));
      const key = versionKey(alt.version);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(c);
    } else {
      let list = this.waitAny.get(unmet.comp);
      if (!list) this.waitAny.set(unmet.comp, (list = []));
      list.push(c);
    }
  }

  /** Records a reachable version; those waiting for exactly it go back in the queue at once. */
  private add(comp: number, version: Version, queue: Candidate[], changed: Set<number>): void {
    (this.sets[comp] ??= []).push(version);
    (this.keys[comp] ??= new Set()).add(versionKey(version));
    const byKey = this.waitExact.get(comp);
    for (const w of byKey?.get(versionKey(version)) ?? []) queue.push(w);
    byKey?.delete(versionKey(version));
    changed.add(comp);
  }

  /** Whether some version `comp` might reach satisfies `range`. */
  met(comp: number, range: Range): boolean {
    // A single exact version is a lookup, not a scan (a chain asks for thousands of them).
    const alt = single(range);
    if (alt?.op === '=') return this.keys[comp]?.has(versionKey(alt.version)) ?? false;
    const set = this.sets[comp] ?? [];
    let byRange = this.checked.get(comp);
    if (!byRange) this.checked.set(comp, (byRange = new Map()));
    const seen = byRange.get(range);
    if (seen?.met) return true;
    let met = false;
    for (let i = seen?.upTo ?? 0; i < set.length && !met; i++) met = satisfiesParsed(set[i]!, range);
    byRange.set(range, { met, upTo: set.length });
    return met;
  }
}

/** The one comparator of a range that has exactly one, else null. */
function single(range: Range) {
  return range.alternatives.length === 1 && range.alternatives[0]!.length === 1 ? range.alternatives[0]![0]! : null;
}
