/** Handlers of the `files:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** Files the person chooses, handed to the renderer as opaque handles. */
export function setupFilesHandlers(s: Services): DomainHandlers<'files'> {
  return {
    'files:pick': async ({ purpose }) => {
      const path = await s.dialog.openFile({ purpose });
      return path === null ? null : s.files.register(path);
    },
  };
}
