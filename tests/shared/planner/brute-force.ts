/**
 * A brute-force reference for the planner, written from DESIGN's semantics with the string-level
 * version API only: tries every install sequence and keeps the shortest, fewest-site one.
 */
import { componentOf, type Package } from '../../../src/shared/packages.ts';
import { compareVersions, satisfies } from '../../../src/shared/versions.ts';

export type BruteState = Record<string, string | undefined>;

/** DESIGN: higher than installed, every `requires` holds, `upgradesFrom` holds for its own component. */
export function bruteInstallable(p: Package, state: BruteState): boolean {
  const comp = componentOf(p);
  const current = state[comp];
  if (current !== undefined && compareVersions(p.version, current) <= 0) return false;
  for (const r of p.requires ?? []) {
    const v = state[r.component];
    if (v === undefined || !satisfies(v, r.range)) return false;
  }
  if (p.upgradesFrom !== undefined) {
    if (current === undefined || !satisfies(current, p.upgradesFrom)) return false;
  }
  return true;
}

/** Every install sequence that reaches the goal without passing through it first. */
export function allPlans(catalog: readonly Package[], start: BruteState, isGoal: (s: BruteState) => boolean, maxDepth = 12): number[][] {
  const found: number[][] = [];
  const walk = (state: BruteState, path: number[]): void => {
    if (isGoal(state)) {
      found.push(path);
      return;
    }
    if (path.length >= maxDepth) return;
    catalog.forEach((p, i) => {
      if (bruteInstallable(p, state)) walk({ ...state, [componentOf(p)]: p.version }, [...path, i]);
    });
  };
  walk(start, []);
  return found;
}
