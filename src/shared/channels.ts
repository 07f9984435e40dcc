/**
 * The channel names alone, without their schemas, so the sandboxed preload can build `window.ferry`
 * without bundling zod. `contract.ts` is checked against these lists at compile time.
 */

/** Every request → response channel. */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:reportError',
  'settings:get',
  'settings:set',
  'station:show',
  'station:rename',
  'station:listTrusted',
  'station:previewKey',
  'station:trust',
  'station:renameTrusted',
  'station:removeTrusted',
  'audit:list',
  'audit:actions',
  'audit:verify',
  'files:pick',
  'files:pickMany',
  'files:pickFolder',
  'files:pickSaveTarget',
  'jobs:hashFile',
  'jobs:cancel',
  'jobs:list',
  'plan:openCatalog',
  'plan:compute',
  'plan:saveCalendar',
  'appliance:list',
  'appliance:add',
  'appliance:setKey',
  'appliance:revealKey',
  'appliance:setVersions',
  'request:create',
  'request:open',
  'bundle:scanPackages',
  'bundle:create',
  'bundle:verify',
  'bundle:import',
  'vault:list',
  'vault:reverify',
  'vault:export',
  'vault:remove',
  'media:list',
  'runbook:list',
  'runbook:start',
  'runbook:complete',
  'runbook:skip',
  'runbook:importEvidence',
  'runbook:saveReport',
  'runbook:saveCalendar',
  'cert:inspect',
  'cert:export',
  'cert:exportToMedium',
  'jumpclients:check',
  'jumpclients:saveStragglers',
  'link:certificate',
  'link:create',
  'link:remove',
  'link:list',
  'link:status',
  'link:readings',
  'link:backup',
  'link:jumpClients',
] as const;

/** Every main → renderer event. */
export const EVENT_CHANNELS = ['job:progress', 'job:finished'] as const;

export type InvokeChannelName = (typeof INVOKE_CHANNELS)[number];
export type EventChannelName = (typeof EVENT_CHANNELS)[number];
