/** Handlers of the `station:` channels. */
import type { KeySource } from '../../shared/contract.ts';
import { readTextInput } from '../files/text-input.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** This station's identity and the stations it trusts. */
export function setupStationHandlers(s: Services): DomainHandlers<'station'> {
  // A key or request is pasted, or read (bounded) from a file the person chose.
  const keyText = (source: KeySource): string =>
    source.kind === 'text' ? source.text : readTextInput(s.files.resolve(source.handle), 'request');
  return {
    'station:show': () => s.stations.show(),
    'station:rename': ({ name }) => s.stations.rename(name),
    'station:listTrusted': () => s.stations.listTrusted(),
    'station:previewKey': ({ source }) => s.stations.preview(keyText(source)),
    'station:trust': ({ source, fingerprint, name }) => s.stations.trust(keyText(source), fingerprint, name),
    'station:renameTrusted': ({ fingerprint, name }) => s.stations.renameTrusted(fingerprint, name),
    'station:removeTrusted': ({ fingerprint }) => {
      s.stations.removeTrusted(fingerprint);
      return { removed: true as const };
    },
  };
}
