/**
 * Contract of the `runbook:` domain: runs of the guide's procedures — started for a topology and a
 * plan, stepped through with evidence, skipped only with a reason — and their record (report,
 * calendar). The definitions themselves are shared data (`src/shared/runbooks/`), read by both sides.
 */
import { z } from 'zod';
import { LanguageSchema } from './app.ts';
import { Sha256HexSchema } from './common.ts';
import { isVersion } from '../versions.ts';

const TextSchema = z.object({ de: z.string(), en: z.string() });
export const ProcedureIdSchema = z.enum(['single-auto', 'single-manual', 'failover-sync', 'failover-async', 'atlas-failover', 'atlas-plain', 'hardware-migration', 'client-followup']);
export const EvidenceKindSchema = z.enum(['confirm', 'typed', 'pasted-basics', 'vault-file', 'timestamp', 'link-reading']);
export const VariantSchema = z.enum(['shared-ip', 'dns-swing', 'nat-swing']);
const PackageKindSchema = z.enum(['base', 'site', 'license', 'other']);
const Name = z.string().trim().min(1).max(200);

/** A package of the plan, in plan order (as recorded: runs from before kinds were kept have none). */
export const PlannedPackageSchema = z.object({ name: Name, version: z.string().max(100), kind: PackageKindSchema.optional() }).strict();
/** A package a new run installs: a version that is one, and what it updates (its version read back is compared by it). */
const StartPackageSchema = z.object({ name: Name, version: z.string().max(100).refine(isVersion, 'not a version'), kind: PackageKindSchema }).strict();

/** The appliances of a run by their part (names from the inventory). */
export const RunAppliancesSchema = z.object({
  A: Name.optional(),
  B: Name.optional(),
  master: Name.optional(),
  masterBackup: Name.optional(),
  traffic: z.array(z.object({ name: Name, region: Name }).strict()).max(200).optional(),
  /** The traffic nodes to take offline first (default: half of each region, rounded down). */
  offline: z.array(Name).max(200).optional(),
}).strict();

const VersionsSchema = z.object({ site: z.string().optional(), base: z.string().optional() });

/** Status › Basics text read against the plan's expectation (`checkBasics`). */
export const BasicsCheckSchema = z.object({
  expected: VersionsSchema,
  read: VersionsSchema,
  outcome: z.enum(['match', 'mismatch', 'unreadable', 'nothing-expected']),
  how: z.enum(['labelled', 'anywhere']).nullable(),
  differs: z.array(z.enum(['site', 'base'])),
});

/** Evidence as the person gives it: a vault file by its SHA-256, the rest as text. */
export const EvidenceInputSchema = z.object({ kind: EvidenceKindSchema, value: z.string().max(20_000) }).strict();

/** Evidence as recorded: a vault file with its name; pasted text with what Ferry read in it. */
export const EvidenceSchema = z.object({
  kind: EvidenceKindSchema,
  value: z.string(),
  fileName: z.string().optional(),
  check: BasicsCheckSchema.optional(),
  /** What the appliance link read (a `link-reading`), with when. */
  reading: z.object({
    name: z.string(),
    readAt: z.string(),
    version: z.string().nullable(),
    failoverRole: z.enum(['none', 'primary', 'backup']),
    success: z.boolean(),
    lastDataSync: z.object({ at: z.string(), status: z.string() }).nullable(),
    /** The version the plan expects after the step, when there is one. */
    expectedSite: z.string().optional(),
  }).optional(),
});

/** A maintenance window of a run (ISO-8601 instants). */
export const RunWindowSchema = z.object({ start: z.string().max(40), end: z.string().max(40) }).strict();

/** A step of a run with its state. */
export const RunStepSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  kind: z.enum(['action', 'backup', 'install', 'verify', 'wait', 'switch', 'sync']),
  title: TextSchema,
  text: TextSchema,
  guideRef: z.string(),
  section: z.string(),
  appliances: z.array(z.string()),
  requires: z.array(z.string()),
  evidence: z.array(EvidenceKindSchema),
  waitHours: z.number().optional(),
  warning: TextSchema.optional(),
  package: PlannedPackageSchema.optional(),
  status: z.enum(['done', 'skipped', 'ready', 'blocked', 'waiting']),
  at: z.string().nullable(),
  by: z.string(),
  given: z.array(EvidenceSchema),
  note: z.string(),
  waitUntil: z.string().nullable(),
});

/** A run: what it was started with and where each step stands. */
export const RunSchema = z.object({
  id: z.string().uuid(),
  procedure: ProcedureIdSchema,
  createdAt: z.string(),
  status: z.enum(['open', 'done']),
  by: z.string(),
  appliances: RunAppliancesSchema,
  variant: VariantSchema.nullable(),
  packages: z.array(PlannedPackageSchema),
  /** The configured length of the run's waits in hours (null: each wait as the guide says). */
  waitHours: z.number().nullable(),
  windows: z.array(RunWindowSchema),
  /** The versions each appliance of the run had in the inventory when the run started, by name. */
  before: z.record(z.string(), z.object({ site: z.string(), base: z.string() })),
  steps: z.array(RunStepSchema),
});

/** What a run is started with. */
export const RunStartSchema = z.object({
  procedure: ProcedureIdSchema,
  appliances: RunAppliancesSchema,
  packages: z.array(StartPackageSchema).max(500).optional(),
  variant: VariantSchema.optional(),
  /** Every wait of the run lasts this long instead of the guide's time (a shorter one is a deviation in the report). */
  waitHours: z.number().min(0).max(24 * 60).optional(),
  windows: z.array(RunWindowSchema).max(4).optional(),
}).strict();

const RunRef = { runId: z.string().uuid(), stepId: z.string().max(200) };

/** The runbook channels; taking a file into the vault as evidence is a job (`evidence-import`). */
export const runbookInvoke = {
  'runbook:list': { input: z.object({}).strict(), output: z.array(RunSchema) },
  'runbook:start': { input: RunStartSchema, output: RunSchema },
  'runbook:complete': {
    input: z.object({ ...RunRef, evidence: z.array(EvidenceInputSchema).max(10), note: z.string().max(2000).default('') }).strict(),
    output: RunSchema,
  },
  /** Skipping needs a reason (the service refuses an empty one or one over 500 characters). */
  'runbook:skip': { input: z.object({ ...RunRef, reason: z.string().max(10_000) }).strict(), output: RunSchema },
  /** Copies a chosen file (a file handle) into the vault as evidence, hashing it on the way. */
  'runbook:importEvidence': { input: z.object({ file: z.string().uuid() }).strict(), output: z.object({ jobId: z.string().uuid() }) },
  /** Saves the run's record for the change ticket as HTML or PDF to a save-target handle. */
  'runbook:saveReport': {
    input: z.object({ runId: z.string().uuid(), language: LanguageSchema, format: z.enum(['html', 'pdf']), saveTarget: z.string().uuid() }).strict(),
    output: z.object({ file: z.string(), sha256: Sha256HexSchema }),
  },
  /** Saves the run's maintenance windows and waits as an iCalendar file. */
  'runbook:saveCalendar': {
    input: z.object({ runId: z.string().uuid(), language: LanguageSchema, saveTarget: z.string().uuid() }).strict(),
    output: z.object({ file: z.string() }),
  },
} as const;

/** A run as services and the UI see it. */
export type Run = z.output<typeof RunSchema>;
/** A step of a run. */
export type RunStep = z.output<typeof RunStepSchema>;
/** Recorded evidence. */
export type Evidence = z.output<typeof EvidenceSchema>;
