/** Contract of the `jobs:` channels and the `job:*` events: long work with progress and cancel. */
import { z } from 'zod';
import { ErrorDataSchema, NoArgs } from './common.ts';
import { JOB_KIND_NAMES, JOB_KINDS, type JobKind } from './job-kinds.ts';

export { JOB_KINDS, overallProgress, type JobPhase, type JobResult } from './job-kinds.ts';

export const JobIdSchema = z.string().uuid();
export const JobStatusSchema = z.enum(['ok', 'failed', 'cancelled']);
export const JobKindSchema = z.enum(JOB_KIND_NAMES);

const Bytes = z.number().nonnegative();
/** The one overall figure over all phases, by the kind's weights. */
const Overall = z.number().min(0).max(1);

// Each kind's payloads carry its own phase names and result schema; unions over the kinds follow.
function progressOf<K extends JobKind>(kind: K) {
  const phase = z.enum(JOB_KINDS[kind].phases as unknown as [(typeof JOB_KINDS)[K]['phases'][number]]);
  return z.object({ jobId: JobIdSchema, kind: z.literal(kind), phase, done: Bytes, total: Bytes, overall: Overall });
}

function summaryOf<K extends JobKind>(kind: K) {
  return progressOf(kind).extend({ label: z.string() });
}

function finishedOf<K extends JobKind>(kind: K) {
  const base = { jobId: JobIdSchema, kind: z.literal(kind), label: z.string() };
  return z.discriminatedUnion('status', [
    z.object({ ...base, status: z.literal('ok'), result: JOB_KINDS[kind].result as (typeof JOB_KINDS)[K]['result'] }),
    z.object({ ...base, status: z.literal('failed'), error: ErrorDataSchema }),
    z.object({ ...base, status: z.literal('cancelled'), error: ErrorDataSchema }),
  ]);
}

/** A running job as `jobs:list` reports it (for a renderer that reloads). */
export const JobSummarySchema = z.discriminatedUnion('kind', [
  summaryOf('hash-file'), summaryOf('copy-verify'), summaryOf('bundle-create'), summaryOf('bundle-verify'), summaryOf('bundle-import'),
  summaryOf('vault-verify'), summaryOf('vault-export'), summaryOf('evidence-import'), summaryOf('link-backup'),
]);
/** `job:progress`: the phase's own figures (`done` of `total`) and the overall figure. */
export const JobProgressSchema = z.discriminatedUnion('kind', [
  progressOf('hash-file'), progressOf('copy-verify'), progressOf('bundle-create'), progressOf('bundle-verify'), progressOf('bundle-import'),
  progressOf('vault-verify'), progressOf('vault-export'), progressOf('evidence-import'), progressOf('link-backup'),
]);
/** `job:finished`: by kind, then by status; an ok job carries its kind's result. */
export const JobFinishedSchema = z.discriminatedUnion('kind', [
  finishedOf('hash-file'), finishedOf('copy-verify'), finishedOf('bundle-create'), finishedOf('bundle-verify'), finishedOf('bundle-import'),
  finishedOf('vault-verify'), finishedOf('vault-export'), finishedOf('evidence-import'), finishedOf('link-backup'),
]);

// Every kind of the table appears in each union above.
type Covers<U extends { kind: JobKind }> = [JobKind] extends [U['kind']] ? true : false;
const unionsCoverKinds: [Covers<z.output<typeof JobSummarySchema>>, Covers<z.output<typeof JobProgressSchema>>, Covers<z.output<typeof JobFinishedSchema>>] = [true, true, true];
void unionsCoverKinds;

/** The job channels. */
export const jobsInvoke = {
  'jobs:hashFile': { input: z.object({ handle: z.string().uuid() }).strict(), output: z.object({ jobId: JobIdSchema }) },
  'jobs:cancel': { input: z.object({ jobId: JobIdSchema }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { input: NoArgs, output: z.array(JobSummarySchema) },
} as const;

/** The job events. */
export const jobEvents = {
  'job:progress': JobProgressSchema,
  'job:finished': JobFinishedSchema,
} as const;
