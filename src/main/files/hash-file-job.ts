/** The `hash-file` job: SHA-256 of a chosen file on the job worker, with progress and cancel. */
import { basename } from 'node:path';
import type { JobManager } from '../jobs/job-manager.ts';
import { runInWorker } from '../jobs/worker-client.ts';

/** Starts hashing `path`; returns the job id. */
export function startHashFileJob(jobs: JobManager, path: string): string {
  return jobs.start({
    kind: 'hash-file',
    key: `hash-file:${path}`,
    label: basename(path),
    run: ({ signal, progress }) => runInWorker({ type: 'hash', path }, { signal, onProgress: progress }),
  });
}
