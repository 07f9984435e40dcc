/**
 * Maps every contract channel to the service call that answers it. The Electron shell and the e2e
 * harness both register exactly this table; only the transport differs.
 */
import { statSync } from 'node:fs';
import { hashFileInWorker } from '../jobs/hash-worker.ts';
import type { Services } from '../services.ts';
import type { HandlerTable } from './dispatcher.ts';

/** The handler table over a set of services. */
export function createHandlerTable(s: Services): HandlerTable {
  return {
    'app:info': () => ({
      version: s.version,
      dataDir: s.dataDir,
      secretProtection: s.protector.kind,
      secretKeyFile: s.protector.keyFile,
      systemLocale: s.systemLocale,
      transport: s.transport,
    }),
    'settings:get': () => s.settings.get(),
    'settings:set': (args) => s.settings.set(args),
    'station:show': () => s.stations.show(),
    'station:rename': ({ name }) => s.stations.rename(name),
    'station:listTrusted': () => s.stations.listTrusted(),
    'audit:list': ({ limit }) => s.audit.list(limit),
    'audit:verify': () => s.audit.verify(),
    'files:pick': async () => {
      const path = await s.dialog.openFile();
      return path === null ? null : s.files.register(path);
    },
    'jobs:hashFile': ({ handle }) => {
      const path = s.files.resolve(handle);
      const jobId = s.jobs.start({
        kind: 'hash-file',
        key: `hash-file:${path}`,
        label: path.split(/[\\/]/).pop() ?? path,
        run: async ({ signal, progress }) => {
          const total = statSync(path).size;
          progress('hashing', 0, total);
          const result = await hashFileInWorker(path, { signal, onProgress: (done) => progress('hashing', done, total) });
          progress('hashing', result.size, result.size);
          return result;
        },
      });
      return { jobId };
    },
    'jobs:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'jobs:list': () => s.jobs.list(),
    'plan:openCatalog': async () => {
      const path = await s.dialog.openFile({ title: 'Package catalog', filters: [{ name: 'Catalog (JSON)', extensions: ['json'] }] });
      return path === null ? null : s.plans.openCatalog(path);
    },
    'plan:compute': (request) => s.plans.compute(request),
  };
}
