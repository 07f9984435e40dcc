/**
 * The job worker's entry: a module that is both the worker and the address main starts it by. Run on
 * a worker thread (with Ferry's task in `workerData`), it runs the task and reports over
 * `parentPort`; imported on main, it only gives its own URL. The URL is `import.meta.url`: from the
 * sources (`.ts` under Node's type stripping: CLI, tests) that is this file; in the bundle it is the
 * file the bundler put this code in. Since this module is its own entry in electron.vite.config.ts,
 * that file holds only modules of the worker's own import graph, so starting it runs nothing else.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isFerryError } from '../../shared/errors.ts';
import { runTask, type WorkerTask } from './worker-tasks.ts';

/** Where the worker's code is: this very module. */
export const JOB_WORKER_URL = new URL(import.meta.url);

/** Marks `workerData` as Ferry's, so no other worker runs a task by accident. */
export const TASK_KEY = 'ferryJobTask';

/** Messages from the worker to main. */
export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> }; ferry: boolean };

/** Main asks the worker to stop with this message; the task then cleans up and reports JOB_CANCELLED. */
export const CANCEL = 'cancel';

// The bundle also re-exports the client, so a test can drive the bundled worker through it.
export { runInWorker } from './worker-client.ts';

function serve(task: WorkerTask): void {
  const port = parentPort!;
  const controller = new AbortController();
  port.on('message', (m: unknown) => { if (m === CANCEL) controller.abort(); });
  const post = (message: WorkerMessage): void => port.postMessage(message);
  runTask(task, controller.signal, (phase, done, total) => post({ type: 'progress', phase, done, total })).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => {
      const ferry = isFerryError(error);
      const data = ferry ? error.toData() : { code: 'INTERNAL_ERROR', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      post({ type: 'error', error: data, ferry });
    },
  );
}

const data = workerData as Record<string, unknown> | null;
if (!isMainThread && data !== null && typeof data === 'object' && TASK_KEY in data) serve(data[TASK_KEY] as WorkerTask);
