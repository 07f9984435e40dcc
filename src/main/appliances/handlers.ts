/** Handlers of the `appliance:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** The appliance inventory and download keys. */
export function setupApplianceHandlers(s: Services): DomainHandlers<'appliance'> {
  return {
    'appliance:list': () => s.appliances.list(),
    'appliance:add': (input) => s.appliances.add(input),
    'appliance:setKey': ({ id, downloadKey, applianceTime }) => s.appliances.setDownloadKey(id, downloadKey, applianceTime),
    'appliance:setVersions': ({ id, base, siteVersion, source }) => s.appliances.setVersions(id, base, siteVersion, source),
    'appliance:revealKey': ({ id }) => ({ downloadKey: s.appliances.downloadKey(id) }),
  };
}
