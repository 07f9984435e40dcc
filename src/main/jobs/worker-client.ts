/**
 * Main's side of the job worker: starts one worker thread per task, forwards progress, turns the
 * worker's answer back into a value or a FerryError, and passes cancel down to the task's streams.
 * Hashing and planning thus never block the main process (the app's window stays responsive).
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ERROR_CATALOGUE, FerryError, type ErrorCode } from '../../shared/errors.ts';
import { CANCEL, JOB_WORKER_URL, TASK_KEY, type WorkerMessage } from './job-worker.ts';
import type { WorkerPhases, WorkerResults, WorkerTask } from './worker-tasks.ts';

/** How a caller follows and stops a task. */
export interface WorkerOptions<P extends string> {
  signal?: AbortSignal;
  onProgress?: (phase: P, done: number, total: number) => void;
}

/** How long a cancelled task may take to clean up (close files, remove its temp file) before it is stopped. */
export const CANCEL_GRACE_MS = 5000;

/** Runs `task` on a fresh worker thread; rejects with JOB_CANCELLED when `signal` aborts. */
export function runInWorker<T extends WorkerTask>(task: T, options: WorkerOptions<WorkerPhases[T['type']]> = {}): Promise<WorkerResults[T['type']]> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new FerryError('JOB_CANCELLED', 'Cancelled'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(JOB_WORKER_URL, { workerData: { [TASK_KEY]: task } });
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const end = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      // The task removes its temp file itself; this covers a worker that died before it could.
      if (task.type === 'copy') rmSync(task.temp, { force: true });
      if (task.type === 'parts' && task.output) rmSync(task.output.temp, { force: true });
      fn();
    };
    const onAbort = (): void => {
      worker.postMessage(CANCEL);
      // The task answers JOB_CANCELLED once it has cleaned up; a stuck one is stopped anyway.
      grace = setTimeout(() => end(() => reject(new FerryError('JOB_CANCELLED', 'Cancelled'))), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      switch (m.type) {
        case 'progress': onProgress?.(m.phase as WorkerPhases[T['type']], m.done, m.total); break;
        case 'done': end(() => resolve(m.result as WorkerResults[T['type']])); break;
        case 'error': end(() => reject(fromWorker(m.error, m.ferry))); break;
        default: break;
      }
    });
    worker.on('error', (e) => end(() => reject(e)));
    worker.on('exit', (code) => end(() => reject(new Error(`The job worker stopped (exit ${code})`))));
  });
}

/** A FerryError again for Ferry's codes; anything else stays a program error (a crash report). */
function fromWorker(error: { code: string; message: string; details?: Record<string, unknown> }, ferry: boolean): Error {
  if (ferry && Object.hasOwn(ERROR_CATALOGUE, error.code)) return new FerryError(error.code as ErrorCode, error.message, error.details);
  return new Error(`Job worker: ${error.message}`);
}
