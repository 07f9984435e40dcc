/**
 * How much a single plan may cost: states expanded and wall-clock time. Real catalogs plan in
 * milliseconds; a hostile or degenerate one (hundreds of interlocking licences) could search for
 * minutes, so the planner stops with PLAN_TOO_COMPLEX instead. The clock is injected for tests; the
 * default is `performance.now()`, which exists in Node, workers and browsers alike.
 */
import { FerryError } from '../errors.ts';

/** The default guard on search effort (states expanded). */
export const MAX_EXPLORED = 200_000;

/** The default time a plan may take before it is given up (milliseconds). */
export const PLAN_TIME_BUDGET_MS = 10_000;

/**
 * Memory: states kept × components per state. A state's key and versions cost roughly 20–40 bytes
 * per component, so this keeps a plan's working set to a few hundred MB even when each state carries
 * hundreds of licences (where the state count alone says little).
 */
export const MAX_STATE_CELLS = 10_000_000;

/** The limits of one plan, as `PlanOptions` carries them. */
export interface BudgetOptions {
  /** States expanded before giving up (default MAX_EXPLORED). */
  maxExplored?: number | undefined;
  /** Milliseconds before giving up (default PLAN_TIME_BUDGET_MS). */
  maxMillis?: number | undefined;
  /** States × components kept before giving up (default MAX_STATE_CELLS). */
  maxStateCells?: number | undefined;
  /** A monotonic clock in milliseconds (default `performance.now()`). */
  clock?: (() => number) | undefined;
}

/** Reading the clock costs little, but not nothing: look at it once every this many steps. */
const CLOCK_EVERY = 16;

/** Counts the work of one plan and throws PLAN_TOO_COMPLEX once either limit is passed. */
export class PlanBudget {
  private readonly clock: () => number;
  private readonly deadline: number;
  private readonly maxMillis: number;
  private readonly maxExplored: number;
  private readonly maxStateCells: number;
  private steps = 0;
  private cells = 0;

  constructor(options: BudgetOptions = {}) {
    this.clock = options.clock ?? (() => performance.now());
    this.maxMillis = options.maxMillis ?? PLAN_TIME_BUDGET_MS;
    this.maxExplored = options.maxExplored ?? MAX_EXPLORED;
    this.maxStateCells = options.maxStateCells ?? MAX_STATE_CELLS;
    this.deadline = this.clock() + this.maxMillis;
  }

  /** Checks the limits after `explored` expansions (the state limit applies to the search only). */
  expanded(explored: number): void {
    if (explored > this.maxExplored) {
      throw new FerryError('PLAN_TOO_COMPLEX', `Gave up after exploring ${explored - 1} appliance states`, { explored: explored - 1, limit: 'states' });
    }
    this.tick();
  }

  /** Counts a state kept in memory (`width` components); checks the memory and time limits. */
  kept(width: number): void {
    this.cells += width;
    if (this.cells > this.maxStateCells) {
      throw new FerryError('PLAN_TOO_COMPLEX', `Gave up: the states to compare would not fit in memory (${this.cells} component versions)`, { cells: this.cells, limit: 'memory' });
    }
    this.tick();
  }

  /** Milliseconds left before the time limit (for work done in the plan's name, like its advice). */
  remainingMillis(): number {
    return Math.max(0, this.deadline - this.clock());
  }

  /** Checks the time limit; called from every loop whose length the catalog decides. */
  tick(): void {
    if (this.steps++ % CLOCK_EVERY !== 0) return;
    if (this.clock() > this.deadline) {
      throw new FerryError('PLAN_TOO_COMPLEX', `Gave up after ${this.maxMillis} ms of planning`, { maxMillis: this.maxMillis, limit: 'time' });
    }
  }
}
