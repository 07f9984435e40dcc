/** Contract of the `audit:` channels: the hash-chained log and its verification. */
import { z } from 'zod';
import { NoArgs, Sha256HexSchema } from './common.ts';

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
  /** When this verification ran (ISO-8601). */
  checkedAt: z.string(),
  /** Whether the stored public key was confirmed to belong to the sealed private key (false where this process cannot open it). */
  keyConfirmed: z.boolean().optional(),
  /** Why the key could not be confirmed, when it could not. */
  keyNote: z.string().nullable().optional(),
  /** Whether the head's signature by the station key was checked (false before a station exists). */
  anchored: z.boolean(),
});

const IsoTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time (ISO-8601)');

/** Which entries to list: newest first, a page of them, optionally one action and a time span. */
export const AuditQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Only entries with this action (e.g. `station.trusted`). */
  action: z.string().min(1).max(100).optional(),
  /** Only entries at or after this time. */
  from: IsoTime.optional(),
  /** Only entries before this time. */
  to: IsoTime.optional(),
}).strict();

/** A page of entries with the counts a reviewer needs for "N of M". */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Entries that match the filter. */
  matching: z.number().int().nonnegative(),
  /** Entries in the whole log. */
  total: z.number().int().nonnegative(),
});

/** The audit channels. */
export const auditInvoke = {
  'audit:list': { input: AuditQuerySchema, output: AuditPageSchema },
  'audit:actions': { input: NoArgs, output: z.array(z.string()) },
  'audit:verify': { input: NoArgs, output: AuditVerificationSchema },
} as const;
