/**
 * Explains an unreachable target: starting from the target site version, finds which package's
 * requirement no reachable state meets, follows that requirement to the packages that could meet it,
 * and ends at what the catalog lacks — the list to ask for on the next trip.
 */
import { sortVersions, satisfiesParsed, type Range } from '../versions.ts';
import type { Candidate, Components, State } from './model.ts';
import type { Blocker, NextTripItem } from './types.ts';

export interface ExplainInput {
  components: Components;
  /** Packages that could ever be installed (above the start version, within the targets). */
  usable: readonly Candidate[];
  /** Every catalog package, for listing what versions exist. */
  all: readonly Candidate[];
  reachable: readonly State[];
  /** What the goal demands: the target site version, and the target base version if one was given. */
  goals: readonly { comp: number; range: Range }[];
}

/** Blockers and the next trip's shopping list. */
export function explainUnreachable(input: ExplainInput): { blockers: Blocker[]; nextTrip: NextTripItem[] } {
  const blockers: Blocker[] = [];
  const nextTrip: NextTripItem[] = [];
  const visited = new Set<string>();
  const seenBlocker = new Set<string>();

  const available = (comp: number): string[] =>
    sortVersions(new Set(input.all.filter((c) => c.comp === comp).map((c) => c.pkg.version)));
  const metSomewhere = (comp: number, range: Range): boolean =>
    input.reachable.some((s) => { const v = s[comp] ?? null; return v !== null && satisfiesParsed(v, range); });
  const block = (pkg: string, comp: number, range: Range): void => {
    const component = input.components.names[comp]!;
    const key = `${pkg}\u0000${component}\u0000${range.text}`;
    if (seenBlocker.has(key)) return;
    seenBlocker.add(key);
    blockers.push({ package: pkg, requires: { component, range: range.text }, available: available(comp) });
  };

  /**
   * Explains why nothing reachable meets `range` of `comp`. Returns whether it ended at something to
   * fetch; when every way round leads back into itself, the range itself is what to fetch.
   */
  const explain = (comp: number, range: Range, neededBy: string): boolean => {
    const key = `${comp}\u0000${range.text}`;
    if (visited.has(key)) return false;
    visited.add(key);
    const providers = input.usable.filter((c) => c.comp === comp && satisfiesParsed(c.version, range));
    let leaf = false;
    for (const p of providers) {
      const failing = p.reqs.filter((r) => !metSomewhere(r.comp, r.range));
      // Each requirement holds in some reachable state, but never all at once.
      if (failing.length === 0) for (const r of p.reqs) block(p.pkg.name, r.comp, r.range);
      for (const r of failing) {
        block(p.pkg.name, r.comp, r.range);
        if (explain(r.comp, r.range, p.pkg.name)) leaf = true;
      }
    }
    if (leaf) return true;
    if (providers.length === 0) block(neededBy, comp, range);
    nextTrip.push({ component: input.components.names[comp]!, range: range.text });
    return true;
  };

  const unmet = input.goals.filter((g) => !metSomewhere(g.comp, g.range));
  for (const g of unmet) explain(g.comp, g.range, 'target');
  // Each goal is reachable alone, but no reachable state meets them all.
  if (unmet.length === 0) for (const g of input.goals) block('target', g.comp, g.range);
  return { blockers, nextTrip };
}
