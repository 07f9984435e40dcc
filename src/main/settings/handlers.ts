/** Handlers of the `app:` and `settings:` channels. */
import { writeCrashReport } from '../crash-report.ts';
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
    // The renderer's error boundary: its message and stack become a report file like main's own bugs.
    'app:reportError': (args) => ({
      file: writeCrashReport(s.dataDir, { context: 'renderer error boundary', error: rendererError(args), version: s.version }),
    }),
    'settings:get': () => s.settings.get(),
    'settings:set': (args) => s.settings.set(args),
  };
}

/** An Error carrying the renderer's text, so the report shows the renderer's stack, not this one. */
function rendererError(args: { message: string; stack?: string | undefined }): Error {
  const error = new Error(args.message);
  error.name = 'RendererError';
  error.stack = args.stack ?? `RendererError: ${args.message}`;
  return error;
}
