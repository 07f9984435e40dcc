/**
 * Plans for several appliances that must end on the same versions (a failover pair, an Atlas
 * cluster): one target for all, and where their base versions would end apart, a second pass that
 * brings the lower ones to the highest base the others reach.
 */
import type { Package } from '../packages.ts';
import { compareVersions } from '../versions.ts';
import { planUpgrade, resolveTargetSite } from './plan.ts';
import type { ApplianceState, PlanOptions, PlanResult, PlanTarget } from './types.ts';

export interface FleetMember {
  id: string;
  name: string;
  state: ApplianceState;
}

/** A note on the fleet as a whole. */
export type FleetWarning =
  | { code: 'START_VERSIONS_DIFFER'; members: { id: string; site: string; base: string }[] }
  | { code: 'END_VERSIONS_DIFFER'; members: { id: string; site: string; base: string }[] };

export interface FleetPlan {
  target: { site: string; base: string | null };
  plans: { id: string; name: string; result: PlanResult }[];
  warnings: FleetWarning[];
}

const same = (states: readonly ApplianceState[]) => states.every((s) => s.site === states[0]!.site && s.base === states[0]!.base);

/** Plans every member towards one target so that all end on the same site and base versions. */
export function planFleet(catalog: readonly Package[], members: readonly FleetMember[], target: PlanTarget, options: PlanOptions = {}): FleetPlan {
  const highestStart = [...members].sort((a, b) => compareVersions(b.state.site, a.state.site))[0];
  const site = highestStart ? resolveTargetSite(catalog, highestStart.state, target.site) : target.site;
  const warnings: FleetWarning[] = [];
  const describe = (id: string, s: ApplianceState) => ({ id, site: s.site, base: s.base });
  if (!same(members.map((m) => m.state))) {
    warnings.push({ code: 'START_VERSIONS_DIFFER', members: members.map((m) => describe(m.id, m.state)) });
  }
  let plans = members.map((m) => ({ id: m.id, name: m.name, result: planUpgrade(catalog, m.state, { site, base: target.base }, options) }));
  const ends = plans.map((p) => (p.result.reachable ? p.result.end : null));
  if (!target.base && ends.every((e) => e !== null) && !same(ends as ApplianceState[])) {
    const base = (ends as ApplianceState[]).map((e) => e.base).sort(compareVersions).at(-1)!;
    plans = plans.map((p, i) => {
      if (ends[i]!.base === base) return p;
      const again = planUpgrade(catalog, members[i]!.state, { site, base }, options);
      return again.reachable ? { ...p, result: again } : p;
    });
  }
  const finals = plans.map((p) => (p.result.reachable ? p.result.end : null));
  if (finals.every((e) => e !== null) && !same(finals as ApplianceState[])) {
    warnings.push({ code: 'END_VERSIONS_DIFFER', members: plans.map((p, i) => describe(p.id, finals[i]!)) });
  }
  return { target: { site, base: target.base ?? null }, plans, warnings };
}
