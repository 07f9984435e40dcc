/**
 * Contract of the `link:` domain: the optional read-only link to an appliance's documented APIs —
 * the certificate shown for the person to confirm, linking with it pinned, status readings kept as
 * evidence, the settings backup into the vault (a job: `link-backup`), the Jump Client list checked.
 * The API secret goes in once (`link:create`) and never comes back out.
 */
import { z } from 'zod';
import { Sha256HexSchema } from './common.ts';
import { StragglerSchema } from './jumpclients.ts';

const Id = z.string().uuid();

/** The certificate an appliance presents, for the person to compare and confirm. */
export const PresentedCertificateSchema = z.object({
  origin: z.string(),
  sha256: Sha256HexSchema,
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  subjectAltName: z.string().nullable(),
});

/** A stored link (without its secret). */
export const ApplianceLinkSchema = z.object({
  applianceId: Id,
  origin: z.string(),
  clientId: z.string(),
  pin: Sha256HexSchema,
  linkedAt: z.string(),
});

/** A status reading as the appliance reported it, with when it was read. */
export const StatusReadingSchema = z.object({
  id: z.string(),
  name: z.string(),
  readAt: z.string(),
  apiVersion: z.string().nullable(),
  applianceId: z.string().nullable(),
  hostname: z.string().nullable(),
  version: z.string().nullable(),
  versionText: z.string().nullable(),
  success: z.boolean(),
  errorMessage: z.string().nullable(),
  failoverRole: z.enum(['none', 'primary', 'backup']),
  sharedIps: z.array(z.string()),
  lastDataSync: z.object({ at: z.string(), status: z.string() }).nullable(),
  syncAgeSeconds: z.number().nullable(),
  inventorySiteVersion: z.string(),
  applianceTime: z.string().nullable().optional(),
  clockSkewSeconds: z.number().nullable().optional(),
  /** What the API account may do, as get_api_info said at this reading (absent in readings before 2026-11-28). */
  permissions: z.record(z.string(), z.string()).optional(),
});

/** The link channels. */
export const linkInvoke = {
  /** The certificate `url` presents now (nothing stored, nothing sent but the TLS handshake). */
  'link:certificate': { input: z.object({ url: z.string().max(2000) }).strict(), output: PresentedCertificateSchema },
  /** Links an appliance with the confirmed certificate pinned; the account must sign in. */
  'link:create': {
    input: z.object({ id: Id, url: z.string().max(2000), clientId: z.string().max(1000), secret: z.string().max(1000), pin: z.string().max(200) }).strict(),
    output: z.object({ link: ApplianceLinkSchema, apiVersion: z.string().nullable(), permissions: z.record(z.string(), z.string()) }),
  },
  'link:remove': { input: z.object({ id: Id }).strict(), output: z.object({ removed: z.literal(true) }) },
  /** Every appliance's link and its latest status reading. */
  'link:list': {
    input: z.object({}).strict(),
    output: z.array(z.object({ link: ApplianceLinkSchema, latest: StatusReadingSchema.nullable() })),
  },
  /** Reads the status now (kept as evidence, audited). */
  'link:status': { input: z.object({ id: Id }).strict(), output: StatusReadingSchema },
  /** The status readings of an appliance, newest first. */
  'link:readings': { input: z.object({ id: Id }).strict(), output: z.array(StatusReadingSchema) },
  /** Takes the settings backup into the vault (a job); the password is sent, never stored. */
  'link:backup': { input: z.object({ id: Id, password: z.string().max(1000).optional() }).strict(), output: z.object({ jobId: Id }) },
  /** Fetches every Jump Client and checks them against when the upgrade finished. */
  'link:jumpClients': {
    input: z.object({ id: Id, since: z.string().max(40) }).strict(),
    output: z.object({
      total: z.number().int(), upgraded: z.number().int(), notUpgraded: z.array(StragglerSchema),
      counts: z.object({ pending: z.number().int(), 'not-since': z.number().int(), 'no-date': z.number().int() }),
    }),
  },
} as const;

export type PresentedCertificateInfo = z.output<typeof PresentedCertificateSchema>;
export type ApplianceLinkInfo = z.output<typeof ApplianceLinkSchema>;
export type StatusReadingInfo = z.output<typeof StatusReadingSchema>;
