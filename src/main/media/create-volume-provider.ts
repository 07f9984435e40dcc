/** Picks the volume provider for the OS Ferry runs on. */
import { FerryError } from '../../shared/errors.ts';
import { LinuxVolumeProvider } from './linux-volumes.ts';
import { MacVolumeProvider } from './mac-volumes.ts';
import type { SystemPaths, VolumeProvider } from './volume.ts';
import { WindowsVolumeProvider } from './windows-volumes.ts';

/**
 * The provider for `platform`: lsblk and the mount table on Linux, Get-Volume on Windows, diskutil
 * on macOS. `paths` names the data directory (and home, default `os.homedir()`) whose volumes are
 * system volumes. Another OS gets a provider that answers MEDIA_UNDETECTED, so that only the media
 * features fail there, not Ferry's start.
 */
export function createVolumeProvider(platform: NodeJS.Platform = process.platform, paths: SystemPaths = {}): VolumeProvider {
  if (platform === 'linux') return new LinuxVolumeProvider(paths);
  if (platform === 'win32') return new WindowsVolumeProvider(paths);
  if (platform === 'darwin') return new MacVolumeProvider(paths);
  const unsupported = (): Promise<never> => Promise.reject(
    new FerryError('MEDIA_UNDETECTED', `Ferry cannot list the volumes of ${platform}`, { platform, problem: 'unsupported-platform' }));
  return { list: unsupported, forPath: unsupported };
}
