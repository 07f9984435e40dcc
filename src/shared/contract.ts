/**
 * The one IPC contract between the renderer and main: every `invoke` channel (request → response) and
 * every `event` (main → renderer), each with zod schemas. Types are inferred from the schemas; the
 * preload bridge, the handler table and the e2e harness are all derived from this file.
 */
import { z } from 'zod';
import type { EventChannelName, InvokeChannelName } from './channels.ts';
import { ERROR_CODES } from './errors.ts';
import type { PlanResult } from './planner/types.ts';
import { isVersion } from './versions.ts';

/** The two sides of the air gap a station can be on. */
export const SideSchema = z.enum(['restricted', 'connected']);
/** Languages the UI speaks. */
export const LanguageSchema = z.enum(['de', 'en']);

const NoArgs = z.object({}).strict();

/** Lowercase hex SHA-256 (64 characters). */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  /** How the station's secrets are protected at rest; the UI says so. */
  secretProtection: z.enum(['safeStorage', 'file-key']),
  secretKeyFile: z.string().nullable(),
  systemLocale: z.string(),
  transport: z.enum(['electron', 'harness']),
});

export const SettingsSchema = z.object({
  language: LanguageSchema.nullable(),
  side: SideSchema.nullable(),
});

export const StationSchema = z.object({
  name: z.string(),
  fingerprint: Sha256HexSchema,
  publicKeyPem: z.string(),
  createdAt: z.string(),
  protection: z.enum(['safeStorage', 'file-key']),
});

export const TrustedStationSchema = z.object({
  name: z.string(),
  fingerprint: Sha256HexSchema,
  trustedAt: z.string(),
  source: z.enum(['pem', 'request']),
});

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: Sha256HexSchema,
  hash: Sha256HexSchema,
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  count: z.number().int().nonnegative(),
  headHash: z.string(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});

/** An opaque reference to a file main has opened for the renderer (never a raw path). */
export const FileHandleSchema = z.object({
  handle: z.string().uuid(),
  name: z.string(),
  size: z.number().int().nonnegative(),
});

export const JobIdSchema = z.string().uuid();
export const JobStatusSchema = z.enum(['ok', 'failed', 'cancelled']);
export const JobKindSchema = z.enum(['hash-file']);

export const JobSummarySchema = z.object({
  jobId: JobIdSchema,
  kind: JobKindSchema,
  label: z.string(),
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});

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
  waitHours: z.number().min(0).max(24 * 365).default(24),
  clientStrategy: z.enum(['wait', 'redeploy']).default('wait'),
  storedDataGiB: z.number().min(0).max(1_000_000).default(0),
}).strict();

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
    blockers: z.array(z.object({ package: z.string(), requires: z.object({ component: z.string(), range: z.string() }), available: z.array(z.string()) })),
    nextTrip: z.array(z.object({ component: z.string(), range: z.string() })),
  }),
]);

export const ErrorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Request → response channels, named `domain:verb`. */
export const invoke = {
  'app:info': { input: NoArgs, output: AppInfoSchema },
  'settings:get': { input: NoArgs, output: SettingsSchema },
  'settings:set': {
    input: z.object({ language: LanguageSchema.optional(), side: SideSchema.optional() }).strict(),
    output: SettingsSchema,
  },
  'station:show': { input: NoArgs, output: StationSchema },
  'station:rename': { input: z.object({ name: z.string().trim().min(1).max(80) }).strict(), output: StationSchema },
  'station:listTrusted': { input: NoArgs, output: z.array(TrustedStationSchema) },
  'audit:list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(AuditEntrySchema),
  },
  'audit:verify': { input: NoArgs, output: AuditVerificationSchema },
  'files:pick': { input: NoArgs, output: FileHandleSchema.nullable() },
  'jobs:hashFile': { input: z.object({ handle: z.string().uuid() }).strict(), output: z.object({ jobId: JobIdSchema }) },
  'jobs:cancel': { input: z.object({ jobId: JobIdSchema }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { input: NoArgs, output: z.array(JobSummarySchema) },
  'plan:openCatalog': { input: NoArgs, output: CatalogInfoSchema.nullable() },
  'plan:compute': { input: PlanRequestSchema, output: PlanResultSchema },
} as const satisfies Record<InvokeChannelName, { input: z.ZodType; output: z.ZodType }>;

/** Main → renderer events. */
export const events = {
  'job:progress': z.object({
    jobId: JobIdSchema,
    phase: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  'job:finished': z.object({
    jobId: JobIdSchema,
    kind: JobKindSchema,
    label: z.string(),
    status: JobStatusSchema,
    result: z.unknown().optional(),
    error: ErrorDataSchema.optional(),
  }),
} as const satisfies Record<EventChannelName, z.ZodType>;

export type InvokeChannel = keyof typeof invoke;
export type EventChannel = keyof typeof events;
/** What a caller passes (defaults still optional). */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invoke)[C]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type InvokeArgs<C extends InvokeChannel> = z.output<(typeof invoke)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invoke)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>;
export type ErrorData = z.output<typeof ErrorDataSchema>;

/** The envelope every invoke returns: handlers never throw across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export type AppInfo = z.output<typeof AppInfoSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type Side = z.output<typeof SideSchema>;
export type Language = z.output<typeof LanguageSchema>;
export type Station = z.output<typeof StationSchema>;
export type TrustedStation = z.output<typeof TrustedStationSchema>;
export type AuditEntry = z.output<typeof AuditEntrySchema>;
export type AuditVerification = z.output<typeof AuditVerificationSchema>;
export type FileHandle = z.output<typeof FileHandleSchema>;
export type JobSummary = z.output<typeof JobSummarySchema>;
export type JobStatus = z.output<typeof JobStatusSchema>;
export type JobKind = z.output<typeof JobKindSchema>;
export type CatalogInfo = z.output<typeof CatalogInfoSchema>;
export type PlanRequest = z.input<typeof PlanRequestSchema>;

// The schema and the planner's own types must describe the same value, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const planSchemaMatches: Same<z.output<typeof PlanResultSchema>, PlanResult> = true;
void planSchemaMatches;

export { INVOKE_CHANNELS, EVENT_CHANNELS } from './channels.ts';
