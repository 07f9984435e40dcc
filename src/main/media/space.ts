/** The two checks before Ferry writes to a medium: enough free space, and not a system volume. */
import { FerryError } from '../../shared/errors.ts';
import type { Volume } from './volume.ts';

/** MEDIA_FULL with `{ needed, free, mountPoint }` (bytes) unless `bytesNeeded` fit into the volume's free space. */
export function checkSpace(volume: Volume, bytesNeeded: number): void {
  if (bytesNeeded <= volume.freeBytes) return;
  throw new FerryError('MEDIA_FULL',
    `${volume.mountPoint} has ${volume.freeBytes} bytes free; ${bytesNeeded} are needed`,
    { needed: bytesNeeded, free: volume.freeBytes, mountPoint: volume.mountPoint });
}

/** MEDIA_NOT_WRITABLE with `{ reason: 'system-drive', mountPoint }` when the volume holds the OS, home or Ferry's data. */
export function checkNotSystem(volume: Volume): void {
  if (!volume.system) return;
  throw new FerryError('MEDIA_NOT_WRITABLE',
    `${volume.mountPoint} is a system drive (it holds the operating system, your home folder or Ferry's data); choose a removable medium`,
    { reason: 'system-drive', mountPoint: volume.mountPoint });
}
