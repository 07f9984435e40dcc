/**
 * The `copy-verify` job: copy a file into a folder while hashing it, on the job worker (temp file,
 * fsync, rename when complete and verified). The vault import of the transfer work runs this per
 * package with the size and SHA-256 from the signed manifest.
 */
import type { JobManager } from '../jobs/job-manager.ts';
import { tempPathFor } from '../jobs/copy-verify.ts';
import { runInWorker } from '../jobs/worker-client.ts';

/** What to copy and, when known, what it must turn out to be. */
export interface CopyVerifyRequest {
  source: string;
  dir: string;
  name: string;
  expected?: { size?: number; sha256?: string };
  /** Mode of the file written (default 0600: Ferry's data stays private). */
  mode?: number;
}

/** Starts the copy; returns the job id. A second copy to the same target is refused while one runs. */
export function startCopyVerifyJob(jobs: JobManager, request: CopyVerifyRequest): string {
  return jobs.start({
    kind: 'copy-verify',
    key: `copy-verify:${request.dir}:${request.name}`,
    label: request.name,
    run: ({ signal, progress }) => runInWorker(
      { type: 'copy', ...request, temp: tempPathFor(request.dir, request.name) },
      { signal, onProgress: progress },
    ),
  });
}
