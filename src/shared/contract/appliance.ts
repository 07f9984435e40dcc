/** Contract of the `appliance:` domain: the inventory of appliances and their download keys. */
import { z } from 'zod';

/** An appliance's role (DESIGN: Runbooks; the guide's failover and Atlas procedures). */
export const ApplianceRoleSchema = z.enum(['standalone', 'primary', 'backup', 'master', 'traffic']);
/** How appliances are combined: one on its own, a failover pair, an Atlas cluster. */
export const TopologySchema = z.enum(['single', 'failover', 'atlas']);

/** What a person enters for a new appliance; the service checks names, versions and the key. */
export const ApplianceInputSchema = z.object({
  name: z.string().max(10_000),
  hostname: z.string().max(300),
  role: ApplianceRoleSchema,
  region: z.string().max(10_000).optional(),
  topology: TopologySchema.optional(),
  base: z.string().max(100),
  siteVersion: z.string().max(100),
  serial: z.string().max(200).optional(),
  storedDataGib: z.number().nonnegative().max(1_000_000).optional(),
  downloadKey: z.string().max(10_000).optional(),
  /** The appliance's clock as read off Status › Basics (ISO-8601), to compare with this computer's. */
  applianceTime: z.string().max(40).optional(),
}).strict();

/** The download key as the inventory shows it: masked, with its age and the clock comparison. */
export const DownloadKeyInfoSchema = z.object({
  masked: z.string(),
  capturedAt: z.string(),
  ageDays: z.number(),
  stale: z.boolean(),
  /** Appliance clock minus this computer's clock when the key was captured, if it was read. */
  driftSeconds: z.number().int().nullable(),
  driftWarning: z.boolean(),
});

/** An appliance in the inventory. */
export const ApplianceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  hostname: z.string(),
  role: ApplianceRoleSchema,
  region: z.string().nullable(),
  topology: TopologySchema,
  base: z.string(),
  siteVersion: z.string(),
  serial: z.string().nullable(),
  storedDataGib: z.number().nullable(),
  downloadKey: DownloadKeyInfoSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The appliance channels. */
export const applianceInvoke = {
  'appliance:list': { input: z.object({}).strict(), output: z.array(ApplianceSchema) },
  'appliance:add': { input: ApplianceInputSchema, output: ApplianceSchema },
  /** Captures (or replaces) the download key; the appliance's clock, if read, is compared with this computer's. */
  'appliance:setKey': {
    input: z.object({ id: z.string().uuid(), downloadKey: z.string().max(10_000), applianceTime: z.string().max(40).optional() }).strict(),
    output: ApplianceSchema,
  },
  /** The key in clear, for "copy" (it never shows unmasked otherwise). */
  /** Corrects the versions the inventory holds (by hand, or taken from a status reading); audited. */
  'appliance:setVersions': {
    input: z.object({ id: z.string().uuid(), base: z.string().max(100), siteVersion: z.string().max(100), source: z.enum(['hand', 'link-reading']).optional() }).strict(),
    output: ApplianceSchema,
  },
  'appliance:revealKey': { input: z.object({ id: z.string().uuid() }).strict(), output: z.object({ downloadKey: z.string().nullable() }) },
} as const;
