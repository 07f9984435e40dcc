/** Handlers of the `files:` channels: dialogs whose answers reach the renderer as opaque handles. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** Files, folders and save targets the person chooses. */
export function setupFilesHandlers(s: Services): DomainHandlers<'files'> {
  return {
    'files:pick': async ({ purpose }) => {
      const path = await s.dialog.openFile({ purpose });
      return path === null ? null : s.files.register(path);
    },
    'files:pickMany': async ({ purpose }) => (await s.dialog.openFiles({ purpose })).map((path) => s.files.register(path)),
    'files:pickFolder': async ({ purpose }) => {
      const path = await s.dialog.openFolder({ purpose });
      return path === null ? null : s.files.registerFolder(path);
    },
    'files:pickSaveTarget': async ({ purpose, defaultName }) => {
      const path = await s.dialog.saveFile({ purpose, ...(defaultName === undefined ? {} : { defaultName }) });
      return path === null ? null : s.files.registerSaveTarget(path);
    },
  };
}
