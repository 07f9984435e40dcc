/** Contract of the `jobs:` channels and the `job:*` events: long work with progress and cancel. */
import { z } from 'zod';
import { ErrorDataSchema, NoArgs } from './common.ts';

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

/** The job channels. */
export const jobsInvoke = {
  'jobs:hashFile': { input: z.object({ handle: z.string().uuid() }).strict(), output: z.object({ jobId: JobIdSchema }) },
  'jobs:cancel': { input: z.object({ jobId: JobIdSchema }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { input: NoArgs, output: z.array(JobSummarySchema) },
} as const;

/** The job events. */
export const jobEvents = {
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
} as const;
