/**
 * Contract of the `jumpclients:` domain: the Jump Client list exported from the representative
 * console, checked against the time the upgrade finished; the stragglers saved for the helpdesk; the
 * person's column mapping remembered for lists with the same headers.
 */
import { z } from 'zod';

const Handle = z.string().uuid();
const Column = z.number().int().min(0).max(999).nullable();
export const ColumnMappingSchema = z.object({ name: Column, status: Column, details: Column, lastSeen: Column }).strict();
const Recognition = z.enum(['header', 'content', 'remembered']);

export const StragglerSchema = z.object({
  name: z.string(),
  status: z.string(),
  lastSeen: z.string().nullable(),
  reason: z.enum(['pending', 'not-since', 'no-date']),
  row: z.number().int(),
});

export const JumpClientCheckSchema = z.object({
  total: z.number().int(),
  upgraded: z.number().int(),
  notUpgraded: z.array(StragglerSchema),
  counts: z.object({ pending: z.number().int(), 'not-since': z.number().int(), 'no-date': z.number().int() }),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  how: z.object({ name: Recognition.optional(), status: Recognition.optional(), details: Recognition.optional(), lastSeen: Recognition.optional() }),
  delimiter: z.enum([',', ';', '\t']),
});

const CheckInput = {
  file: Handle,
  /** When the upgrade finished (ISO-8601 with a zone). */
  since: z.string().max(40),
  /** The person's mapping; it is remembered for lists with these headers. */
  mapping: ColumnMappingSchema.partial().optional(),
};

/** The Jump Client channels. */
export const jumpclientsInvoke = {
  /** Checks a list (file handle); a mapping the person gave before for the same headers applies unless one is given. */
  'jumpclients:check': { input: z.object(CheckInput).strict(), output: JumpClientCheckSchema },
  /** Saves the stragglers of a check as CSV (formula cells defused) to a save target. */
  'jumpclients:saveStragglers': {
    input: z.object({ ...CheckInput, language: z.enum(['de', 'en']), saveTarget: Handle }).strict(),
    output: z.object({ file: z.string(), count: z.number().int() }),
  },
} as const;

export type JumpClientCheck = z.output<typeof JumpClientCheckSchema>;
