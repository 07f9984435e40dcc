/** Inputs and results of the install-order planner. */
import type { PackageKind, Requirement } from '../packages.ts';
import type { BudgetOptions } from './budget.ts';

/** What an appliance has installed: base and site versions, and any licence components. */
export interface ApplianceState {
  base: string;
  site: string;
  /** Other components (licences, add-ons) by name → installed version. */
  components?: Record<string, string>;
}

/** Where a plan must end: an exact site version (`latest` = highest in the catalog), optionally a base. */
export interface PlanTarget {
  site: string;
  base?: string | undefined;
}

/** How Jump Clients catch up between site installs (guide: "Client-Upgrades"). */
export type ClientStrategy = 'wait' | 'redeploy';

/** How to plan; the budget's limits (states, time, memory, clock) are optional too. */
export interface PlanOptions extends BudgetOptions {
  /** Hours to wait after a site install that another site install follows (default 24). */
  waitHours?: number;
  /** `redeploy`: uninstall all clients first, reinstall after the last install, no waits. */
  clientStrategy?: ClientStrategy;
  /** Data stored on the appliance (e.g. session recordings), which makes installs take longer. */
  storedDataGiB?: number;
  /** Work out what to fetch when the target is unreachable (default true; the advice's own trials pass false). */
  advise?: boolean;
  /** Only whether the target is reachable: no blockers for an unreachable one (the advice's trials). */
  reachabilityOnly?: boolean;
}

/** An install time estimate in minutes. */
export interface MinutesRange {
  min: number;
  max: number;
}

/** One install in a plan. */
export interface PlanStep {
  name: string;
  kind: PackageKind;
  version: string;
  component: string;
  /** The component's version before this install (null when it was not installed). */
  from: string | null;
  waitAfterHours: number;
  minutes: MinutesRange;
}

/** One entry of the plan's timeline, in order. */
export type TimelineItem =
  | { type: 'install'; step: number }
  | { type: 'wait'; hours: number; afterStep: number }
  | { type: 'uninstall-clients' }
  | { type: 'reinstall-clients' };

/**
 * What stops a plan: `missing` — nothing in the catalog meets a requirement; `gap` — versions that
 * would meet it exist, but none can be installed from where the appliance is (an `upgradesFrom`
 * window nothing reaches); `downgrade` — the target is below what is installed; `target-conflict` —
 * the target base contradicts what the target site requires.
 */
export type BlockerKind = 'missing' | 'gap' | 'downgrade' | 'target-conflict';

/** Why the target cannot be reached: a package's requirement nothing available meets. */
export interface Blocker {
  /** The (first) package that needs it, or `target`. */
  package: string;
  requires: Requirement;
  available: string[];
  kind: BlockerKind;
  /** In words, with the cause: what needs what, what there is, why it does not help. */
  reason: string;
  /** Every package that needs exactly this (grouped into one blocker), when more than one. */
  packages?: string[];
}

/** A package to ask for on the next trip: a version of `component` within `range`. */
export interface NextTripItem {
  component: string;
  range: string;
}

interface PlanCommon {
  target: { site: string; base: string | null };
  from: ApplianceState;
  /** Search effort: states taken from the frontier and expanded. */
  statesExplored: number;
}

export interface ReachablePlan extends PlanCommon {
  reachable: true;
  steps: PlanStep[];
  timeline: TimelineItem[];
  clientStrategy: ClientStrategy;
  estimate: { installMinutes: MinutesRange; waitHours: number; totalHours: MinutesRange };
  end: ApplianceState;
}

export interface UnreachablePlan extends PlanCommon {
  reachable: false;
  blockers: Blocker[];
  nextTrip: NextTripItem[];
}

export type PlanResult = ReachablePlan | UnreachablePlan;
