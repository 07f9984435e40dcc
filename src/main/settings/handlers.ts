/** Handlers of the `app:` and `settings:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** What the app tells about itself, and the user's settings. */
export function setupAppHandlers(s: Services): DomainHandlers<'app' | 'settings'> {
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
  };
}
