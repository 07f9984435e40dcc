/** The `hash-file` job: SHA-256 of a chosen file on a worker thread, with progress and cancel. */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { hashFileInWorker } from '../jobs/hash-worker.ts';
import type { JobManager } from '../jobs/job-manager.ts';

/** Starts hashing `path`; returns the job id. */
export function startHashFileJob(jobs: JobManager, path: string): string {
  return jobs.start({
    kind: 'hash-file',
    key: `hash-file:${path}`,
    label: basename(path),
    run: async ({ signal, progress }) => {
      const total = statSync(path).size;
      progress('hashing', 0, total);
      const result = await hashFileInWorker(path, { signal, onProgress: (done) => progress('hashing', done, total) });
      progress('hashing', result.size, result.size);
      return result;
    },
  });
}
