/**
 * The install-order planner (DESIGN: Install-order planner): from an appliance's state to the
 * target site version (and optionally a base version) with the fewest installs, then the fewest site
 * installs, then the lowest versions; waits after site installs; blockers when there is no way.
 */
import { FerryError } from '../errors.ts';
import type { Package } from '../packages.ts';
import { compareParsed, formatVersion, parseRange, parseVersion, satisfiesParsed, type Range, type Version } from '../versions.ts';
import { adviseNextTrip } from './advice.ts';
import { explainUnreachable, rankBlockers } from './blockers.ts';
import { PlanBudget } from './budget.ts';
import { Heuristic } from './heuristic.ts';
import { assignGroups, BASE, Components, SITE, toCandidate, toState, type Candidate, type State } from './model.ts';
import { RelaxedReach } from './relaxed.ts';
import { indexCandidates, reachableStates, searchPlan } from './search.ts';
import { buildTimeline, DEFAULT_WAIT_HOURS } from './timeline.ts';
import type { ApplianceState, Blocker, NextTripItem, PlanOptions, PlanResult, PlanTarget } from './types.ts';

/** `latest` resolves to the highest site version in the catalog (or the installed one if there is none). */
export function resolveTargetSite(catalog: readonly Package[], from: ApplianceState, site: string): string {
  if (site !== 'latest') return formatVersion(parseVersion(site));
  let highest = parseVersion(from.site);
  let text = from.site;
  for (const p of catalog) {
    if (p.kind !== 'site') continue;
    const v = parseVersion(p.version);
    if (compareParsed(v, highest) > 0) {
      highest = v;
      text = p.version;
    }
  }
  return text;
}

/** Keeps the packages that can matter: above the installed version, within targets, of needed components. */
function usableCandidates(all: readonly Candidate[], start: State, targets: readonly (Version | null)[]): Candidate[] {
  const within = all.filter((c) => {
    const current = start[c.comp] ?? null;
    if (current !== null && compareParsed(c.version, current) <= 0) return false;
    const target = targets[c.comp] ?? null;
    return target === null || compareParsed(c.version, target) <= 0;
  });
  const needed = new Set<number>([SITE]);
  if ((targets[BASE] ?? null) !== null) needed.add(BASE);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of within) {
      if (!needed.has(c.comp)) continue;
      for (const r of c.reqs) if (!needed.has(r.comp)) { needed.add(r.comp); grew = true; }
    }
  }
  return within.filter((c) => needed.has(c.comp));
}

/** Plans the installs for one appliance. */
export function planUpgrade(catalog: readonly Package[], from: ApplianceState, target: PlanTarget, options: PlanOptions = {}): PlanResult {
  const waitHours = options.waitHours ?? DEFAULT_WAIT_HOURS;
  if (!Number.isFinite(waitHours) || waitHours < 0) throw new FerryError('USAGE', `Wait hours must be 0 or more, not ${waitHours}`);
  const budget = new PlanBudget(options);
  const components = new Components();
  const all = catalog.map((p, i) => toCandidate(p, i, components));
  const start = toState(from, components);
  const targetSite = parseVersion(resolveTargetSite(catalog, from, target.site));
  const targetBase = target.base ? parseVersion(target.base) : null;
  const targets: (Version | null)[] = components.names.map(() => null);
  targets[SITE] = targetSite;
  targets[BASE] = targetBase;
  const common = {
    target: { site: formatVersion(targetSite), base: targetBase ? formatVersion(targetBase) : null },
    from,
  };

  // No downgrades: a target below what is installed cannot be reached by any package.
  for (const [comp, t] of [[SITE, targetSite], [BASE, targetBase]] as const) {
    if (t !== null && compareParsed(start[comp]!, t) > 0) {
      const component = components.names[comp]!;
      const installed = formatVersion(start[comp]!);
      return {
        ...common, reachable: false, statesExplored: 0, nextTrip: [],
        blockers: [{
          package: 'target', requires: { component, range: `=${formatVersion(t)}` }, available: [installed], kind: 'downgrade',
          reason: `The appliance already has ${component} ${installed}; a downgrade to ${formatVersion(t)} is not possible. Choose a target at ${installed} or above.`,
        }],
      };
    }
  }
  // Only where the target site package must still be installed can its requirements contradict the target base.
  const conflict = compareParsed(start[SITE]!, targetSite) < 0 ? targetConflict(all, targetSite, targetBase) : null;
  if (conflict) return { ...common, reachable: false, statesExplored: 0, nextTrip: [], blockers: [conflict] };

  const usable = usableCandidates(all, start, targets);
  const isGoal = (s: State): boolean =>
    compareParsed(s[SITE]!, targetSite) === 0 && (targetBase === null || compareParsed(s[BASE]!, targetBase) === 0);

  const goals = [{ comp: SITE, range: parseRange(`=${formatVersion(targetSite)}`) }];
  if (targetBase !== null) goals.push({ comp: BASE, range: parseRange(`=${formatVersion(targetBase)}`) });
  const explain = (metSomewhere: (comp: number, range: Range) => boolean) => {
    if (options.reachabilityOnly) return { blockers: [], nextTrip: [] };
    const explained = explainUnreachable({ components, usable, all, metSomewhere, goals, installed: (comp) => start[comp] ?? null });
    if (options.advise === false) return { blockers: explained.blockers, nextTrip: explained.nextTrip };
    // Where to look, root causes first: what nothing in the catalog meets, then what cannot be reached, then the goals.
    const byKind = (kind: Blocker['kind']) => explained.blockers.filter((b) => b.kind === kind).map((b) => b.requires);
    const nextTrip = advise(catalog, targetSite, targetBase, components, start, [
      ...byKind('missing'), ...byKind('gap'),
      ...goals.map((g) => ({ component: components.names[g.comp]!, range: g.range.text })),
    ], reachableWith);
    return { blockers: rankBlockers(explained.blockers, nextTrip, explained.windows), nextTrip };
  };

  /**
   * Whether the target is reachable with `extra` packages added: the advice's trial, on this plan's
   * own model (the catalog is parsed once), within what is left of this plan's time.
   */
  const reachableWith = (extra: readonly Package[]): boolean => {
    const left = budget.remainingMillis();
    if (left <= 0) return false;
    const trial = new PlanBudget({ ...options, maxMillis: left });
    const known = components.names.length;
    const added = extra.map((p, i) => toCandidate(p, all.length + i, components));
    // A licence the advice names may be new to this plan: the states widen to it.
    const s = components.names.map((_, i) => start[i] ?? null);
    const t = components.names.map((_, i) => targets[i] ?? null);
    // The plan's own usable candidates keep their groups (a package without requirements changes no
    // other candidate's class); each added one is a group of its own. A new component means starting over.
    const reuse = components.names.length === known;
    const fits = (c: Candidate) => {
      const installed = s[c.comp] ?? null;
      const cap = t[c.comp] ?? null;
      return (installed === null || compareParsed(c.version, installed) > 0) && (cap === null || compareParsed(c.version, cap) <= 0);
    };
    const u = reuse ? [...usable, ...added.filter(fits)] : usableCandidates([...all, ...added], s, t);
    let group = reuse ? Math.max(-1, ...usable.map((c) => c.group)) + 1 : 0;
    for (const c of added) c.group = group++;
    try {
      // The plan's own relaxed reach, continued with the added versions (no requirements of their own).
      const reach = reuse ? added.filter(fits).reduce((r, c) => r.plus(c.comp, c.version), relaxed) : new RelaxedReach(s, u, trial);
      if (!goals.every((g) => reach.met(g.comp, g.range))) return false;
      if (!reuse) assignGroups(u, t, trial);
      const h = new Heuristic(u.filter((c) => c.comp === SITE), s[SITE]!, targetSite, t);
      return searchPlan({ start: s, index: indexCandidates(u, components.names.length), isGoal, estimate: (st) => h.estimate(st), budget: trial }).path !== null;
    } catch (error) {
      if (error instanceof FerryError && error.code === 'PLAN_TOO_COMPLEX') return false;
      throw error;
    }
  };

  // Most unreachable targets miss a package outright: the relaxed check proves it without a search
  // (and before the search's own preparations, which the advice's trials then never pay for).
  const relaxed = new RelaxedReach(start, usable, budget);
  if (!goals.every((g) => relaxed.met(g.comp, g.range))) {
    if (options.reachabilityOnly) return { ...common, reachable: false, statesExplored: 0, blockers: [], nextTrip: [] };
    assignGroups(usable, targets, budget);
    return { ...common, reachable: false, statesExplored: 0, ...explain((comp, range) => relaxed.met(comp, range)) };
  }
  assignGroups(usable, targets, budget);
  const index = indexCandidates(usable, components.names.length);
  const heuristic = new Heuristic(usable.filter((c) => c.comp === SITE), start[SITE]!, targetSite, targets);

  const { path, explored } = searchPlan({
    start, index, isGoal, estimate: (s) => heuristic.estimate(s), budget,
  });
  if (path) {
    const built = buildTimeline(path, start, components.names, {
      waitHours, clientStrategy: options.clientStrategy ?? 'wait', storedDataGiB: options.storedDataGiB ?? 0,
    });
    return {
      ...common, reachable: true, statesExplored: explored, steps: built.steps, timeline: built.timeline,
      clientStrategy: built.clientStrategy, estimate: built.estimate, end: toApplianceState(built.end, components.names),
    };
  }
  if (options.reachabilityOnly) return { ...common, reachable: false, statesExplored: explored, blockers: [], nextTrip: [] };
  const { states } = reachableStates(start, index, budget);
  const explained = explain((comp, range) => {
    budget.tick();
    return states.some((st) => { const v = st[comp] ?? null; return v !== null && satisfiesParsed(v, range); });
  });
  return { ...common, reachable: false, statesExplored: explored, ...explained };
}

function toApplianceState(state: State, names: readonly string[]): ApplianceState {
  const components: Record<string, string> = {};
  state.forEach((v, i) => { if (i > BASE && v !== null) components[names[i]!] = v.join('.'); });
  return { site: state[SITE]!.join('.'), base: state[BASE]!.join('.'), ...(Object.keys(components).length ? { components } : {}) };
}

/**
 * The target base contradicts the target site when every package of the target site version needs a
 * base above the target base when it is installed: the base can then never come back down to it.
 */
function targetConflict(all: readonly Candidate[], targetSite: Version, targetBase: Version | null): Blocker | null {
  if (targetBase === null) return null;
  const sites = all.filter((c) => c.comp === SITE && compareParsed(c.version, targetSite) === 0);
  if (sites.length === 0) return null;
  const needs = sites.map((c) => c.reqs.find((r) => r.comp === BASE && onlyAbove(r.range, targetBase)));
  if (needs.some((r) => r === undefined)) return null;
  const first = sites[0]!;
  const range = needs[0]!.range.text;
  return {
    package: first.pkg.name, requires: { component: 'base', range }, available: [], kind: 'target-conflict',
    reason: `${first.pkg.name} needs base ${range} when it is installed, so the base can never be the chosen target ${formatVersion(targetBase)}. Choose a target base within ${range}, or none.`,
  };
}

/** Whether every version `range` admits lies above `v` (each alternative has a lower bound above it). */
function onlyAbove(range: Range, v: Version): boolean {
  return range.alternatives.every((alt) => alt.some((c) => {
    const d = compareParsed(c.version, v);
    return ((c.op === '>=' || c.op === '=') && d > 0) || (c.op === '>' && d >= 0);
  }));
}

/** The advice for this plan's focus, tried on its own model (`reachableWith`). */
function advise(catalog: readonly Package[], targetSite: Version, targetBase: Version | null, components: Components, start: State,
  focus: { component: string; range: string }[], reachableWith: (extra: readonly Package[]) => boolean): NextTripItem[] {
  const installed = new Map<string, Version>();
  start.forEach((v, i) => { if (v !== null) installed.set(components.names[i]!, v); });
  return adviseNextTrip({ catalog, installed, focus, targetSite, targetBase, reachableWith });
}
