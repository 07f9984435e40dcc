/** Handlers of the `media:` channels. */
import { basename } from 'node:path';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';
import { maxFileSizeFor } from './volume.ts';

/** The media this computer has mounted, as handles the renderer can pass back. */
export function setupMediaHandlers(s: Services): DomainHandlers<'media'> {
  return {
    'media:list': async () => {
      const volumes = await s.volumes.list();
      // System volumes (the OS, the home folder, Ferry's data) are never offered as a medium.
      return volumes.filter((v) => !v.system).map((v) => ({
        handle: s.files.registerFolder(v.mountPoint, 'medium').handle,
        name: v.label ?? (basename(v.mountPoint) || v.mountPoint),
        mountPoint: v.mountPoint,
        fileSystem: v.fileSystem,
        totalBytes: v.totalBytes,
        freeBytes: v.freeBytes,
        removable: v.removable,
        maxFileSize: maxFileSizeFor(v.fileSystem),
      }));
    },
  };
}
