/**
 * Long work runs as a job: `start` returns an id at once, progress events follow (at most ~10 per
 * second per job, each with the overall figure by the kind's phase weights), and one final event
 * says ok / failed / cancelled. Cancel aborts the job's signal, which runners pass down to their
 * streams. A second job with the same key is refused. A result is checked against its kind's schema
 * before it is reported, so the renderer can rely on the shape.
 */
import { randomUUID } from 'node:crypto';
import {
  JOB_KINDS,
  overallProgress,
  type EventChannel,
  type ErrorData,
  type EventPayload,
  type JobKind,
  type JobPhase,
  type JobResult,
  type JobSummary,
} from '../../shared/contract.ts';
import { FerryError, toErrorData } from '../../shared/errors.ts';

/** Sends an event to the renderer (Electron window or harness socket). */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

/** What a runner gets: a signal to honour and a progress callback (throttled by the manager). */
export interface JobContext<K extends JobKind> {
  signal: AbortSignal;
  progress(phase: JobPhase<K>, done: number, total: number): void;
}

/** One job to start: its kind decides its phases and the schema of its result. */
export interface JobSpec<K extends JobKind> {
  kind: K;
  /** Identical work has the same key; a second one is refused while the first runs. */
  key: string;
  label: string;
  run(ctx: JobContext<K>): Promise<JobResult<K>>;
}

interface RunningJob {
  summary: JobSummary;
  key: string;
  controller: AbortController;
  done: Promise<void>;
}

type Final = { status: 'ok'; result: unknown } | { status: 'failed' | 'cancelled'; error: ErrorData };

/** Minimum time between two progress events of one job. */
export const PROGRESS_INTERVAL_MS = 100;

/** Runs jobs and reports them through `emit`. */
export class JobManager {
  private readonly emit: EmitEvent;
  private readonly now: () => number;
  private readonly jobs = new Map<string, RunningJob>();

  constructor(emit: EmitEvent, now: () => number = () => performance.now()) {
    this.emit = emit;
    this.now = now;
  }

  /** Starts a job and returns its id; throws JOB_ALREADY_RUNNING for a duplicate key. */
  start<K extends JobKind>(spec: JobSpec<K>): string {
    for (const job of this.jobs.values()) {
      if (job.key === spec.key) {
        throw new FerryError('JOB_ALREADY_RUNNING', `${spec.label} is already running`, { jobId: job.summary.jobId });
      }
    }
    const jobId = randomUUID();
    const controller = new AbortController();
    const { kind, label } = spec;
    const first = JOB_KINDS[kind].phases[0];
    // The payloads are built per kind here; the casts are where a generic K meets the union by kind.
    const summary = { jobId, kind, label, phase: first, done: 0, total: 0, overall: 0 } as JobSummary;
    let lastEmit = -Infinity;
    const progress = (phase: JobPhase<K>, done: number, total: number): void => {
      // Nothing may follow the final event, and a cancelled job reports no more progress.
      if (controller.signal.aborted || !this.jobs.has(jobId)) return;
      const phaseChanged = phase !== summary.phase;
      const overall = overallProgress(kind, phase, done, total);
      Object.assign(summary, { phase, done, total, overall });
      const t = this.now();
      if (!phaseChanged && t - lastEmit < PROGRESS_INTERVAL_MS && done < total) return;
      lastEmit = t;
      this.emit('job:progress', { jobId, kind, phase, done, total, overall } as EventPayload<'job:progress'>);
    };
    const finish = (final: Final): void => {
      this.jobs.delete(jobId);
      this.emit('job:finished', { jobId, kind, label, ...final } as EventPayload<'job:finished'>);
    };
    const done = (async () => {
      // Let `start` return the id before the first event.
      await Promise.resolve();
      finish(await settle(spec, { signal: controller.signal, progress }));
    })();
    this.jobs.set(jobId, { summary, key: spec.key, controller, done });
    return jobId;
  }

  /** Requests cancellation; false when no such job runs. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.controller.abort(cancelledError());
    return true;
  }

  /** Jobs still running, for a renderer that reloads. */
  list(): JobSummary[] {
    return [...this.jobs.values()].map((j) => ({ ...j.summary }));
  }

  /** Cancels every job and waits for them (shutdown). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()];
    for (const job of running) job.controller.abort(cancelledError());
    await Promise.all(running.map((j) => j.done));
  }
}

/** Runs a job's body and turns its outcome into the final event's status. */
async function settle<K extends JobKind>(spec: JobSpec<K>, ctx: JobContext<K>): Promise<Final> {
  try {
    const result = await spec.run(ctx);
    // A cancel that arrives after the work completed is too late: the file is copied, the hash is
    // known. Saying "cancelled" would hide a result that exists (and a retry would find it in the way).
    const checked = JOB_KINDS[spec.kind].result.safeParse(result);
    if (!checked.success) {
      // A program error: the runner broke its kind's contract. Say so instead of passing it on.
      return { status: 'failed', error: { code: 'INTERNAL_ERROR', message: `The ${spec.kind} job returned a result outside its schema: ${checked.error.message}` } };
    }
    return { status: 'ok', result: checked.data };
  } catch (error) {
    if (ctx.signal.aborted) return { status: 'cancelled', error: cancelledError().toData() };
    return { status: 'failed', error: toErrorData(error) };
  }
}

function cancelledError(): FerryError {
  return new FerryError('JOB_CANCELLED', 'Cancelled');
}
