/**
 * Before the stick goes back: does what was downloaded take each appliance of the request to its
 * target? The planner answers per appliance — the install order, or what blocks it and what to fetch
 * additionally — and packages no plan uses are reported as superseded (not needed for this trip).
 */
import { FerryError } from '../../shared/errors.ts';
import type { FerryRequest } from '../../shared/formats.ts';
import type { Package } from '../../shared/packages.ts';
import { planUpgrade } from '../../shared/planner/index.ts';
import type { Blocker, NextTripItem } from '../../shared/planner/types.ts';

/** The planner's verdict for one appliance of the request. */
export interface ApplianceCoverage {
  appliance: string;
  from: { base: string; site: string };
  reachable: boolean;
  /** The install order when reachable (package names). */
  steps: string[];
  blockers: Blocker[];
  nextTrip: NextTripItem[];
  /** Set when planning itself failed (e.g. PLAN_TOO_COMPLEX, a target the catalog does not have). */
  error: { code: string; message: string } | null;
}

/** Per appliance, and overall. */
export interface RequestCoverage {
  coverage: ApplianceCoverage[];
  /** True when every appliance reaches the target with these packages. */
  complete: boolean;
  /** Catalog packages no appliance's plan uses. */
  superseded: string[];
}

/** Plans every appliance of `request` with `catalog`. */
export function checkAgainstRequest(request: FerryRequest, catalog: Package[]): RequestCoverage {
  const used = new Set<string>();
  const coverage = request.appliances.map((a): ApplianceCoverage => {
    const from = { base: a.base, site: a.siteVersion };
    const none = { steps: [], blockers: [], nextTrip: [] };
    try {
      const plan = planUpgrade(catalog, from, { site: request.target.siteVersion, base: request.target.base });
      if (!plan.reachable) return { appliance: a.name, from, reachable: false, ...none, blockers: plan.blockers, nextTrip: plan.nextTrip, error: null };
      for (const step of plan.steps) used.add(`${step.kind}\u0000${step.name}\u0000${step.version}`);
      return { appliance: a.name, from, reachable: true, ...none, steps: plan.steps.map((s) => s.name), error: null };
    } catch (error) {
      if (!(error instanceof FerryError)) throw error;
      return { appliance: a.name, from, reachable: false, ...none, error: { code: error.code, message: error.message } };
    }
  });
  const superseded = catalog.filter((p) => !used.has(`${p.kind}\u0000${p.name}\u0000${p.version}`)).map((p) => p.name);
  return { coverage, complete: coverage.every((c) => c.reachable), superseded };
}
