/** Handlers of the `station:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** This station's identity and the stations it trusts. */
export function setupStationHandlers(s: Services): DomainHandlers<'station'> {
  return {
    'station:show': () => s.stations.show(),
    'station:rename': ({ name }) => s.stations.rename(name),
    'station:listTrusted': () => s.stations.listTrusted(),
  };
}
