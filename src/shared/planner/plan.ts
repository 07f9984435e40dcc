/**
 * The install-order planner (DESIGN: Install-order planner): from an appliance's state to the
 * target site version (and optionally a base version) with the fewest installs, then the fewest site
 * installs, then the lowest versions; waits after site installs; blockers when there is no way.
 */
import { FerryError } from '../errors.ts';
import type { Package } from '../packages.ts';
import { compareParsed, formatVersion, parseRange, parseVersion, satisfiesParsed, type Range, type Version } from '../versions.ts';
import { explainUnreachable } from './blockers.ts';
import { PlanBudget } from './budget.ts';
import { Heuristic } from './heuristic.ts';
import { assignGroups, BASE, Components, SITE, toCandidate, toState, type Candidate, type State } from './model.ts';
import { RelaxedReach } from './relaxed.ts';
import { indexCandidates, reachableStates, searchPlan } from './search.ts';
import { buildTimeline, DEFAULT_WAIT_HOURS } from './timeline.ts';
import type { ApplianceState, PlanOptions, PlanResult, PlanTarget } from './types.ts';

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
      return {
        ...common, reachable: false, statesExplored: 0, nextTrip: [],
        blockers: [{ package: 'target', requires: { component, range: `=${formatVersion(t)}` }, available: [formatVersion(start[comp]!)] }],
      };
    }
  }

  const usable = usableCandidates(all, start, targets);
  assignGroups(usable, targets, budget);
  const index = indexCandidates(usable, components.names.length);
  const heuristic = new Heuristic(usable.filter((c) => c.comp === SITE), start[SITE]!, targetSite, targets);
  const isGoal = (s: State): boolean =>
    compareParsed(s[SITE]!, targetSite) === 0 && (targetBase === null || compareParsed(s[BASE]!, targetBase) === 0);

  const goals = [{ comp: SITE, range: parseRange(`=${formatVersion(targetSite)}`) }];
  if (targetBase !== null) goals.push({ comp: BASE, range: parseRange(`=${formatVersion(targetBase)}`) });
  const explain = (metSomewhere: (comp: number, range: Range) => boolean) =>
    explainUnreachable({ components, usable, all, metSomewhere, goals });

  // Most unreachable targets miss a package outright: the relaxed check proves it without a search.
  const relaxed = new RelaxedReach(start, usable, budget);
  if (!goals.every((g) => relaxed.met(g.comp, g.range))) {
    return { ...common, reachable: false, statesExplored: 0, ...explain((comp, range) => relaxed.met(comp, range)) };
  }

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
