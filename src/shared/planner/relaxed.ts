/**
 * A quick over-approximation of what can ever be installed: every component keeps the set of all
 * versions it could reach, and a package counts as installable once each requirement is met by some
 * version in those sets. Any state the real search can reach lies inside these sets, so a target
 * outside them is unreachable for certain — decided in polynomial time, without searching.
 */
import { compareParsed, satisfiesParsed, type Range, type Version } from '../versions.ts';
import type { PlanBudget } from './budget.ts';
import type { Candidate, State } from './model.ts';

/** Per component, every version it might ever have. */
export class RelaxedReach {
  private readonly sets: Version[][];
  /** Sets only grow, so a met range stays met; an unmet one is rechecked only against new versions. */
  private readonly checked = new Map<number, Map<Range, { met: boolean; upTo: number }>>();

  constructor(start: State, candidates: readonly Candidate[], budget: PlanBudget) {
    this.sets = start.map((v) => (v === null ? [] : [v]));
    // The lowest version a component can have never changes: later ones are always higher.
    const lowest = start.slice();
    let pending = [...candidates];
    for (let changed = true; changed;) {
      changed = false;
      const rest: Candidate[] = [];
      for (const c of pending) {
        // A pass per newly reachable version: quadratic for a long chain, so it counts against the budget.
        budget.tick();
        const low = lowest[c.comp] ?? null;
        if (low !== null && compareParsed(c.version, low) <= 0) continue;
        if (!c.reqs.every((r) => this.met(r.comp, r.range))) {
          rest.push(c);
          continue;
        }
        (this.sets[c.comp] ??= []).push(c.version);
        lowest[c.comp] ??= c.version;
        changed = true;
      }
      pending = rest;
    }
  }

  /** Whether some version `comp` might reach satisfies `range`. */
  met(comp: number, range: Range): boolean {
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
