/** Handlers of the `jobs:` channels; job bodies live in their domains. */
import { startHashFileJob } from '../files/hash-file-job.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** Start, cancel and list long work. */
export function setupJobsHandlers(s: Services): DomainHandlers<'jobs'> {
  return {
    'jobs:hashFile': ({ handle }) => ({ jobId: startHashFileJob(s.jobs, s.files.resolve(handle, 'file')) }),
    'jobs:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'jobs:list': () => s.jobs.list(),
  };
}
