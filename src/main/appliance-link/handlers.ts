/** Handlers of the `link:` channels: the appliance link for the app, over the same service as the CLI. */
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import { checkFetchedClients } from '../jumpclients/jumpclient-check.ts';
import type { Services } from '../services.ts';

export function setupLinkHandlers(s: Services): DomainHandlers<'link'> {
  return {
    'link:certificate': ({ url }) => s.links.certificate(url),
    'link:create': async ({ id, url, clientId, secret, pin }) => {
      const r = await s.links.link(id, { url, clientId, secret, pin });
      return { link: { applianceId: id, origin: r.origin, clientId: r.clientId, pin: r.pin, linkedAt: r.linkedAt }, apiVersion: r.apiVersion, permissions: r.permissions };
    },
    'link:remove': ({ id }) => {
      s.links.unlink(id);
      return { removed: true as const };
    },
    'link:list': () => s.links.list(),
    'link:status': ({ id }) => s.links.status(id),
    'link:readings': ({ id }) => s.links.readings(id),
    'link:backup': ({ id, password }) => {
      const appliance = s.appliances.show(id);
      return {
        jobId: s.jobs.start({
          kind: 'link-backup', key: `link-backup:${appliance.id}`, label: appliance.name,
          run: async ({ signal, progress }) => {
            const added = await s.links.backup(appliance.id, password === undefined || password === '' ? null : password, signal, (phase, done, total) => {
              if (phase === 'downloading' || phase === 'copying' || phase === 'syncing') progress(phase, done, total);
            });
            return { sha256: added.sha256, size: added.size, name: added.fileName };
          },
        }),
      };
    },
    'link:jumpClients': async ({ id, since }) => {
      const at = parseInstant(since);
      if (at === null) throw new FerryError('USAGE', 'The upgrade time is not an ISO-8601 time with a zone', { field: 'since' });
      return checkFetchedClients(await s.links.jumpClients(id), at);
    },
  };
}
