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
});

/** The audit channels. */
export const auditInvoke = {
  'audit:list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(AuditEntrySchema),
  },
  'audit:verify': { input: NoArgs, output: AuditVerificationSchema },
} as const;
