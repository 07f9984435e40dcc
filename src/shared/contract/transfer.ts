/**
 * Contract of the transfer domains: `request:` (write one onto a medium, open one from it) and
 * `bundle:` (scan downloaded packages, write a bundle, verify and import one). Long work runs as jobs
 * (job-kinds.ts); the result schemas here are what those jobs end with.
 */
import { z } from 'zod';
import { Sha256HexSchema } from './common.ts';
import { BlockerSchema } from './plan.ts';

const HandleId = z.string().uuid();
const Kind = z.enum(['base', 'site', 'license', 'other']);

/** What `request create` wrote, and what the connected side will lack. */
export const CreatedRequestSchema = z.object({
  file: z.string(),
  id: z.string().uuid(),
  appliances: z.number().int().nonnegative(),
  have: z.number().int().nonnegative(),
  warnings: z.array(z.object({ appliance: z.string(), problem: z.enum(['noKey', 'keyStale']), ageDays: z.number().optional() })),
});

/** A request as the connected side sees it: its content, and whether its signer is trusted here. */
export const RequestViewSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  site: z.string(),
  target: z.object({ siteVersion: z.string(), base: z.string().optional() }),
  have: z.array(Sha256HexSchema),
  appliances: z.array(z.object({
    id: z.string(), name: z.string(), role: z.string(), hostname: z.string(), base: z.string(), siteVersion: z.string(),
    downloadKey: z.string(), keyCapturedAt: z.string(),
  })),
  signer: z.object({ name: z.string(), fingerprint: Sha256HexSchema, trusted: z.boolean(), trustedAs: z.string().nullable() }),
});

/** A downloaded file as found in the packages folder, with Ferry's guess of what it is. */
export const ScannedFileSchema = z.object({
  file: z.string(),
  size: z.number().int().nonnegative(),
  guess: z.object({ kind: Kind, version: z.string().nullable(), name: z.string(), confidence: z.enum(['high', 'low', 'none']), reason: z.string() }),
});

/** A package the person confirmed: a catalog entry naming its file in the packages folder. */
export const ConfirmedPackageSchema = z.object({
  file: z.string().min(1).max(1024),
  name: z.string().min(1).max(200),
  kind: Kind,
  version: z.string().min(1).max(64),
  requires: z.array(z.object({ component: z.string().min(1), range: z.string().min(1) })).optional(),
  upgradesFrom: z.string().optional(),
}).strict();


/** The planner's verdict per appliance of the request, and what no plan needs. */
export const RequestCoverageSchema = z.object({
  coverage: z.array(z.object({
    appliance: z.string(),
    from: z.object({ base: z.string(), site: z.string() }),
    reachable: z.boolean(),
    steps: z.array(z.string()),
    blockers: z.array(BlockerSchema),
    nextTrip: z.array(z.object({ component: z.string(), range: z.string() })),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })),
  complete: z.boolean(),
  superseded: z.array(z.string()),
});

/** What `bundle create` wrote. */
export const CreatedBundleSchema = RequestCoverageSchema.extend({
  dir: z.string(),
  id: z.string().uuid(),
  sequence: z.number().int().positive(),
  expiresAt: z.string(),
  packages: z.array(z.object({ name: z.string(), file: z.string(), size: z.number().int().nonnegative(), sha256: Sha256HexSchema, parts: z.number().int().nonnegative() })),
  alreadyThere: z.array(z.string()),
});

/** What verifying a bundle found. */
export const BundleReportSchema = z.object({
  id: z.string().uuid(),
  sequence: z.number().int().positive(),
  createdAt: z.string(),
  expiresAt: z.string(),
  inReplyTo: z.string(),
  signer: z.object({ fingerprint: Sha256HexSchema, name: z.string() }),
  packages: z.array(z.object({ name: z.string(), kind: z.string(), version: z.string(), size: z.number().int().nonnegative(), sha256: Sha256HexSchema, parts: z.number().int().nonnegative(), inVault: z.boolean() })),
  extraFiles: z.array(z.string()),
  alreadyImported: z.boolean(),
  clockAheadSeconds: z.number().nullable(),
});

/** What importing a bundle did. */
export const ImportReportSchema = BundleReportSchema.extend({
  imported: z.number().int().nonnegative(),
  alreadyInVault: z.number().int().nonnegative(),
});

/** Where the downloads are: a folder or a ZIP archive, exactly one. */
const PackagesSourceSchema = z.object({ folder: HandleId.optional(), archive: HandleId.optional() }).strict()
  .refine((v) => (v.folder === undefined) !== (v.archive === undefined), 'either folder or archive');

/** The request and bundle channels. */
export const transferInvoke = {
  /** Writes a request for every appliance onto the chosen medium (folder handle). */
  'request:create': {
    input: z.object({ medium: HandleId, target: z.string().max(64).optional(), site: z.string().max(300).optional() }).strict(),
    output: CreatedRequestSchema,
  },
  /** Opens a request file (file handle): its content, signature checked, and whether its signer is trusted. */
  'request:open': { input: z.object({ handle: HandleId }).strict(), output: RequestViewSchema },
  /**
   * Lists the downloaded files — in a folder (`folder`, a folder handle) or a ZIP archive (`archive`, a
   * file handle; every entry checked, nothing unpacked) — with Ferry's guess of each (the person confirms).
   */
  'bundle:scanPackages': { input: PackagesSourceSchema, output: z.array(ScannedFileSchema) },
  /** Starts writing a bundle (job `bundle-create`). */
  'bundle:create': {
    input: z.object({
      request: HandleId, folder: HandleId.optional(), archive: HandleId.optional(), medium: HandleId, packages: z.array(ConfirmedPackageSchema).min(1).max(1000),
      /** A package catalog (file handle) whose entries say what the packages require (file names never do). */
      catalog: HandleId.optional(),
      maxFileSize: z.number().int().positive().optional(), expiresInDays: z.number().int().min(1).max(3650).optional(),
    }).strict().refine((v) => (v.folder === undefined) !== (v.archive === undefined), 'either folder or archive'),
    output: z.object({ jobId: z.string().uuid() }),
  },
  /** Starts verifying a bundle folder (job `bundle-verify`); writes nothing. */
  'bundle:verify': { input: z.object({ folder: HandleId, at: z.string().max(40).optional() }).strict(), output: z.object({ jobId: z.string().uuid() }) },
  /** Starts importing a bundle folder into the vault (job `bundle-import`). */
  'bundle:import': { input: z.object({ folder: HandleId }).strict(), output: z.object({ jobId: z.string().uuid() }) },
} as const;
