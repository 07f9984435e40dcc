/**
 * A quick over-approximation of what can ever be installed: every component keeps the set of all
 * versions it could reach, and a package counts as installable once each requirement is met by some
 * version in those sets. Any state the real search can reach lies inside these sets, so a target
 * outside them is unreachable for certain — decided in polynomial time, without searching.
 */
import { compareParsed, satisfiesParsed, versionKey, type Range, type Version } from '../versions.ts';
import type { PlanBudget } from './budget.ts';
import type { Candidate, State } from './model.ts';

/** Per component, every version it might ever have. */
export class RelaxedReach {
  private readonly sets: Version[][];
  /** The same versions as keys, for exact requirements. */
  private readonly keys: Set<string>[];
  /** Sets only grow, so a met range stays met; an unmet one is rechecked only against new versions. */
  private readonly checked = new Map<number, Map<Range, { met: boolean; upTo: number }>>();

  constructor(start: State, candidates: readonly Candidate[], budget: PlanBudget) {
    this.sets = start.map((v) => (v === null ? [] : [v]));
    this.keys = start.map((v) => new Set(v === null ? [] : [versionKey(v)]));
    // Event-driven: a candidate waits on its first unmet requirement and is looked at again only when
    // its component gains a version — one that meets it exactly, for a `=X` requirement (a chain's
    // `upgradesFrom`), any version otherwise. A long chain thus costs linear time, not a pass per version.
    const waitExact = new Map<number, Map<string, Candidate[]>>();
    const waitAny = new Map<number, Candidate[]>();
    const park = (c: Candidate): void => {
      budget.tick();
      const unmet = c.reqs.find((r) => !this.met(r.comp, r.range));
      if (!unmet) return add(c);
      const alt = unmet.range.alternatives.length === 1 && unmet.range.alternatives[0]!.length === 1 ? unmet.range.alternatives[0]![0]! : null;
      if (alt?.op === '=') {
        let byKey = waitExact.get(unmet.comp);
        if (!byKey) waitExact.set(unmet.comp, (byKey = new Map()));
        const key = versionKey(alt.version);
        let list = byKey.get(key);
        if (!list) byKey.set(key, (list = []));
        list.push(c);
      } else {
        let list = waitAny.get(unmet.comp);
        if (!list) waitAny.set(unmet.comp, (list = []));
        list.push(c);
      }
    };
    const queue: Candidate[] = [];
    // Components that gained versions since their general waiters were last looked at: those wake
    // once per round, not once per version (a round adds many versions of a busy component).
    const changed = new Set<number>();
    const add = (c: Candidate): void => {
      (this.sets[c.comp] ??= []).push(c.version);
      (this.keys[c.comp] ??= new Set()).add(versionKey(c.version));
      const exact = waitExact.get(c.comp)?.get(versionKey(c.version)) ?? [];
      waitExact.get(c.comp)?.delete(versionKey(c.version));
      for (const w of exact) queue.push(w);
      changed.add(c.comp);
    };
    for (const c of candidates) {
      // An installed component only ever goes up: versions at or below the installed one never come.
      const installed = start[c.comp] ?? null;
      if (installed !== null && compareParsed(c.version, installed) <= 0) continue;
      queue.push(c);
    }
    for (;;) {
      while (queue.length > 0) park(queue.pop()!);
      if (changed.size === 0) break;
      for (const comp of changed) {
        for (const w of waitAny.get(comp) ?? []) queue.push(w);
        waitAny.delete(comp);
      }
      changed.clear();
    }
  }

  /** Whether some version `comp` might reach satisfies `range`. */
  met(comp: number, range: Range): boolean {
    // A single exact version is a lookup, not a scan (a chain asks for thousands of them).
    const alt = range.alternatives.length === 1 && range.alternatives[0]!.length === 1 ? range.alternatives[0]![0]! : null;
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
