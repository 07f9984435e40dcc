/** Contract of the `plan:` channels: open a catalog, plan one appliance's upgrade. */
import { z } from 'zod';
import { DEFAULT_WAIT_HOURS } from '../planner/timeline.ts';
import type { PlanResult } from '../planner/types.ts';
import { isVersion } from '../versions.ts';

/** The Jump Client wait between two site installs unless the person says otherwise: the planner's, defined once. */
export { DEFAULT_WAIT_HOURS };

const VersionText = z.string().trim().refine(isVersion, 'not a version (e.g. 12.2.0)');
const MinutesRangeSchema = z.object({ min: z.number(), max: z.number() });
const ApplianceStateSchema = z.object({ base: z.string(), site: z.string(), components: z.record(z.string(), z.string()).optional() });

/** A catalog main has opened for planning. */
export const CatalogInfoSchema = z.object({
  catalogId: z.string().uuid(),
  name: z.string(),
  packageCount: z.number().int().nonnegative(),
  siteVersions: z.array(z.string()),
  baseVersions: z.array(z.string()),
});

export const PlanRequestSchema = z.object({
  catalogId: z.string().uuid(),
  base: VersionText,
  site: VersionText,
  target: z.union([z.literal('latest'), VersionText]),
  targetBase: VersionText.optional(),
  waitHours: z.number().min(0).max(24 * 365).default(DEFAULT_WAIT_HOURS),
  clientStrategy: z.enum(['wait', 'redeploy']).default('wait'),
  storedDataGiB: z.number().min(0).max(1_000_000).default(0),
}).strict();

/** Why a target cannot be reached (DESIGN fields, plus `kind`, `reason` and the grouped `packages`). */
export const BlockerSchema = z.object({
  package: z.string(),
  requires: z.object({ component: z.string(), range: z.string() }),
  available: z.array(z.string()),
  kind: z.enum(['missing', 'gap', 'downgrade', 'target-conflict']),
  reason: z.string(),
  packages: z.array(z.string()).optional(),
});

/** The planner's result (mirrors `PlanResult` in src/shared/planner/types.ts; checked at compile time). */
export const PlanResultSchema = z.discriminatedUnion('reachable', [
  z.object({
    reachable: z.literal(true),
    target: z.object({ site: z.string(), base: z.string().nullable() }),
    from: ApplianceStateSchema,
    statesExplored: z.number(),
    steps: z.array(z.object({
      name: z.string(), kind: z.enum(['base', 'site', 'license', 'other']), version: z.string(), component: z.string(),
      from: z.string().nullable(), waitAfterHours: z.number(), minutes: MinutesRangeSchema,
    })),
    timeline: z.array(z.discriminatedUnion('type', [
      z.object({ type: z.literal('install'), step: z.number().int() }),
      z.object({ type: z.literal('wait'), hours: z.number(), afterStep: z.number().int() }),
      z.object({ type: z.literal('uninstall-clients') }),
      z.object({ type: z.literal('reinstall-clients') }),
    ])),
    clientStrategy: z.enum(['wait', 'redeploy']),
    estimate: z.object({ installMinutes: MinutesRangeSchema, waitHours: z.number(), totalHours: MinutesRangeSchema }),
    end: ApplianceStateSchema,
  }),
  z.object({
    reachable: z.literal(false),
    target: z.object({ site: z.string(), base: z.string().nullable() }),
    from: ApplianceStateSchema,
    statesExplored: z.number(),
    blockers: z.array(BlockerSchema),
    nextTrip: z.array(z.object({ component: z.string(), range: z.string() })),
  }),
]);

/** The plan channels. */
export const planInvoke = {
  'plan:openCatalog': { input: z.object({}).strict(), output: CatalogInfoSchema.nullable() },
  'plan:compute': { input: PlanRequestSchema, output: PlanResultSchema },
  /**
   * Plans as `plan:compute` does, puts the plan on the calendar from `startAt` (ISO-8601 with a zone)
   * within the maintenance `windows` (SPEC strings), and saves the install slots as an iCalendar file
   * to `saveTarget` (a save-target handle).
   */
  'plan:saveCalendar': {
    input: PlanRequestSchema.extend({
      startAt: z.string().max(40),
      windows: z.array(z.string().max(200)).max(50),
      appliance: z.string().max(200).optional(),
      saveTarget: z.string().uuid(),
    }).strict(),
    output: z.object({ file: z.string() }),
  },
} as const;

// The schema and the planner's own types must describe the same value, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const planSchemaMatches: Same<z.output<typeof PlanResultSchema>, PlanResult> = true;
void planSchemaMatches;
