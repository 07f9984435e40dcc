/**
 * Breadth-first search over appliance states by number of installs, keeping for every state the best
 * path (by `comparePlans`) among those of fewest installs — sound because two paths into the same
 * state compare the same way whatever follows. States whose lower bound exceeds the current limit are
 * pruned; the limit rises until a plan is found or nothing was pruned (then there is none).
 */
import { compareParsed, versionKey } from '../versions.ts';
import type { PlanBudget } from './budget.ts';
import { apply, comparePlans, installable, stateKey, type Candidate, type State } from './model.ts';

interface Node {
  state: State;
  parent: Node | null;
  via: Candidate | null;
}

/**
 * Candidates per component, then per group (see `assignGroups`), each group's members sorted by
 * version ascending. Groups that can only follow one exact installed version (`upgradesFrom: "=12.2.0"`)
 * are filed under that version, so a state looks only at the groups that can follow it: a chain of
 * thousands of versions, each upgrading only from the one before, costs one group per state, not all.
 */
export interface ComponentIndex {
  /** Groups whose own-component requirement is not a single exact version (or who have none). */
  any: readonly (readonly Candidate[])[];
  /** Groups that need exactly this installed version of their component, by `versionKey`. */
  byExact: ReadonlyMap<string, readonly (readonly Candidate[])[]>;
}
export type CandidateIndex = readonly ComponentIndex[];

/** The exact installed version a candidate's own-component requirement demands, if it is a single `=X`. */
function exactOwn(c: Candidate): string | null {
  const own = c.reqs.filter((r) => r.comp === c.comp);
  if (own.length !== 1) return null;
  const alts = own[0]!.range.alternatives;
  if (alts.length !== 1 || alts[0]!.length !== 1 || alts[0]![0]!.op !== '=') return null;
  return versionKey(alts[0]![0]!.version);
}

/** Builds the index from candidates whose groups are assigned. */
export function indexCandidates(candidates: readonly Candidate[], componentCount: number): CandidateIndex {
  const index: Map<number, Candidate[]>[] = Array.from({ length: componentCount }, () => new Map());
  for (const c of candidates) {
    const groups = index[c.comp]!;
    const members = groups.get(c.group) ?? [];
    members.push(c);
    groups.set(c.group, members);
  }
  return index.map((groups) => {
    const sorted = [...groups.values()]
      .map((members) => members.sort((a, b) => compareParsed(a.version, b.version) || a.index - b.index))
      .sort((a, b) => compareParsed(a[0]!.version, b[0]!.version) || a[0]!.index - b[0]!.index);
    const any: Candidate[][] = [];
    const byExact = new Map<string, Candidate[][]>();
    for (const group of sorted) {
      // Members of a group share their requirements: the first tells for all.
      const key = exactOwn(group[0]!);
      if (key === null) {
        any.push(group);
        continue;
      }
      let list = byExact.get(key);
      if (!list) byExact.set(key, (list = []));
      list.push(group);
    }
    return { any, byExact };
  });
}

export interface SearchInput {
  start: State;
  index: CandidateIndex;
  isGoal(state: State): boolean;
  /** A lower bound on installs left; Infinity marks a state from which the goal is unreachable. */
  estimate(state: State): number;
  /** States and time allowed before giving up with PLAN_TOO_COMPLEX (a guard real catalogs never reach). */
  budget: PlanBudget;
}

export interface SearchResult {
  path: Candidate[] | null;
  explored: number;
}

function pathOf(node: Node): Candidate[] {
  const path: Candidate[] = [];
  for (let n: Node | null = node; n?.via; n = n.parent) path.push(n.via);
  return path.reverse();
}

/** Every state reachable from `state` in one install: per group, its lowest member above the installed version. */
function* successors(state: State, index: CandidateIndex, budget: PlanBudget): Generator<[Candidate, State]> {
  for (let comp = 0; comp < index.length; comp++) {
    const current = state[comp] ?? null;
    const exact = current === null ? undefined : index[comp]!.byExact.get(versionKey(current));
    for (const members of exact ? [...index[comp]!.any, ...exact] : index[comp]!.any) {
      // Groups per state: thousands in a degenerate catalog, so each counts against the budget.
      budget.tick();
      let lo = 0;
      if (current !== null) {
        let hi = members.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareParsed(members[mid]!.version, current) <= 0) lo = mid + 1;
          else hi = mid;
        }
      }
      // Members of a group share their requirements: if the lowest is not installable, none is.
      const c = members[lo];
      if (c && installable(c, state)) yield [c, apply(state, c)];
    }
  }
}

function layered(input: SearchInput, limit: number, counter: { explored: number }): { path: Candidate[] | null; pruned: boolean } {
  let layer = new Map<string, Node>([[stateKey(input.start), { state: input.start, parent: null, via: null }]]);
  const seen = new Set(layer.keys());
  let pruned = false;
  for (let depth = 0; ; depth++) {
    let best: Candidate[] | null = null;
    for (const node of layer.values()) {
      if (!input.isGoal(node.state)) continue;
      const path = pathOf(node);
      if (best === null || comparePlans(path, best) < 0) best = path;
    }
    if (best !== null) return { path: best, pruned };
    if (depth >= limit) return { path: null, pruned: true };
    const next = new Map<string, Node>();
    for (const node of layer.values()) {
      counter.explored += 1;
      input.budget.expanded(counter.explored);
      for (const [via, state] of successors(node.state, input.index, input.budget)) {
        const key = stateKey(state);
        if (seen.has(key)) continue;
        const h = input.estimate(state);
        if (h === Infinity) continue;
        if (depth + 1 + h > limit) {
          pruned = true;
          continue;
        }
        const candidate: Node = { state, parent: node, via };
        const existing = next.get(key);
        if (!existing) input.budget.kept(state.length);
        if (!existing || comparePlans(pathOf(candidate), pathOf(existing)) < 0) next.set(key, candidate);
      }
    }
    if (next.size === 0) return { path: null, pruned };
    for (const key of next.keys()) seen.add(key);
    layer = next;
  }
}

/** The best plan from `start` to a goal state, or null when none exists. */
export function searchPlan(input: SearchInput): SearchResult {
  const counter = { explored: 0 };
  let limit = input.estimate(input.start);
  if (limit === Infinity) return { path: null, explored: 0 };
  for (;;) {
    const { path, pruned } = layered(input, limit, counter);
    if (path) return { path, explored: counter.explored };
    if (!pruned) return { path: null, explored: counter.explored };
    limit += 1;
  }
}

/** All states reachable from `start` (for explaining an unreachable target); stops at `cap` states. */
export function reachableStates(start: State, index: CandidateIndex, budget: PlanBudget, cap = 100_000): { states: State[]; complete: boolean } {
  const states = [start];
  const seen = new Set([stateKey(start)]);
  for (let i = 0; i < states.length; i++) {
    budget.tick();
    for (const [, state] of successors(states[i]!, index, budget)) {
      const key = stateKey(state);
      if (seen.has(key)) continue;
      if (states.length >= cap) return { states, complete: false };
      budget.kept(state.length);
      seen.add(key);
      states.push(state);
    }
  }
  return { states, complete: true };
}
