/**
 * Long work runs as a job: `start` returns an id at once, progress events follow (at most ~10 per
 * second per job), and one final event says ok / failed / cancelled. Cancel aborts the job's signal,
 * which runners pass down to their streams. A second job with the same key is refused.
 */
import { randomUUID } from 'node:crypto';
import type { EventChannel, EventPayload, JobKind, JobSummary } from '../../shared/contract.ts';
import { FerryError, isFerryError } from '../../shared/errors.ts';

/** Sends an event to the renderer (Electron window or harness socket). */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

/** What a runner gets: a signal to honour and a progress callback (throttled by the manager). */
export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number): void;
}

export interface JobSpec<T> {
  kind: JobKind;
  /** Identical work has the same key; a second one is refused while the first runs. */
  key: string;
  label: string;
  run(ctx: JobContext): Promise<T>;
}

interface RunningJob {
  summary: JobSummary;
  key: string;
  controller: AbortController;
  done: Promise<void>;
}

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
  start<T>(spec: JobSpec<T>): string {
    for (const job of this.jobs.values()) {
      if (job.key === spec.key) {
        throw new FerryError('JOB_ALREADY_RUNNING', `${spec.label} is already running`, { jobId: job.summary.jobId });
      }
    }
    const jobId = randomUUID();
    const controller = new AbortController();
    const summary: JobSummary = { jobId, kind: spec.kind, label: spec.label, phase: 'starting', done: 0, total: 0 };
    let lastEmit = -Infinity;
    const progress = (phase: string, done: number, total: number): void => {
      // Nothing may follow the final event, and a cancelled job reports no more progress.
      if (controller.signal.aborted || !this.jobs.has(jobId)) return;
      const phaseChanged = phase !== summary.phase;
      Object.assign(summary, { phase, done, total });
      const t = this.now();
      if (!phaseChanged && t - lastEmit < PROGRESS_INTERVAL_MS && done < total) return;
      lastEmit = t;
      this.emit('job:progress', { jobId, phase, done, total });
    };
    const finish = (payload: Omit<EventPayload<'job:finished'>, 'jobId' | 'kind' | 'label'>): void => {
      this.jobs.delete(jobId);
      this.emit('job:finished', { jobId, kind: spec.kind, label: spec.label, ...payload });
    };
    const done = (async () => {
      // Let `start` return the id before the first event.
      await Promise.resolve();
      try {
        const result = await spec.run({ signal: controller.signal, progress });
        if (controller.signal.aborted) finish({ status: 'cancelled', error: cancelledError().toData() });
        else finish({ status: 'ok', result });
      } catch (error) {
        if (controller.signal.aborted) finish({ status: 'cancelled', error: cancelledError().toData() });
        else if (isFerryError(error)) finish({ status: 'failed', error: error.toData() });
        else finish({ status: 'failed', error: { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) } });
      }
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

function cancelledError(): FerryError {
  return new FerryError('JOB_CANCELLED', 'Cancelled');
}
