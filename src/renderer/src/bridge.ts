/** Subscribes once to main's events and feeds the stores (the renderer's one event sink). */
import { ferry } from './ipc.ts';
import { useJobsStore } from './stores/jobs-store.ts';

let started = false;

/** Subscribes once to job events. */
export function startEventBridge(): void {
  if (started) return;
  started = true;
  const api = ferry();
  api.on('job:progress', (p) => useJobsStore.getState().onProgress(p));
  api.on('job:finished', (p) => useJobsStore.getState().onFinished(p));
}
