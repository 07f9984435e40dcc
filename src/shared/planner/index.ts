/** The install-order planner's public surface. */
export { planUpgrade, resolveTargetSite } from './plan.ts';
export { planFleet, type FleetMember, type FleetPlan, type FleetWarning } from './fleet.ts';
export { DEFAULT_WAIT_HOURS, installMinutes } from './timeline.ts';
export type * from './types.ts';
export { schedule, proportions, CLIENT_REDEPLOY_MINUTES, type ScheduledItem } from './schedule.ts';
export { MAX_EXPLORED, MAX_STATE_CELLS, PLAN_TIME_BUDGET_MS, type BudgetOptions } from './budget.ts';
export { parseWindow, nextSlot, type MaintenanceWindow } from './windows.ts';
