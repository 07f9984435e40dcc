/**
 * Pretend volumes for tests and the e2e harness: each given folder stands for a medium with the
 * given file system and space, so a temp folder can act as a nearly full FAT32 stick. Paths under
 * none of the folders are MEDIA_UNDETECTED, never silently some default.
 */
import { FerryError } from '../../shared/errors.ts';
import { isWithin } from '../files/output-path.ts';
import { existingRealPath, realOrResolved } from './system-paths.ts';
import { byOffering } from './volume-facts.ts';
import type { FileSystemKind, Volume, VolumeProvider } from './volume.ts';

/** What a folder pretends to be. */
export interface FolderVolume {
  fileSystem: FileSystemKind;
  totalBytes: number;
  freeBytes: number;
  removable: boolean;
  label?: string | null;
  /** Pretend the folder is a system drive (default false). */
  system?: boolean;
}

/** Volumes made up from a map `folder → what it pretends to be`. */
export class FolderVolumeProvider implements VolumeProvider {
  private readonly volumes: Volume[];

  constructor(folders: Record<string, FolderVolume>) {
    this.volumes = Object.entries(folders).map(([folder, spec]) => {
      const mountPoint = realOrResolved(folder);
      return {
        id: `folder:${mountPoint}`,
        mountPoint,
        label: spec.label ?? null,
        fileSystem: spec.fileSystem,
        // Says plainly that no OS reported it.
        rawFileSystem: `folder:${spec.fileSystem}`,
        totalBytes: spec.totalBytes,
        freeBytes: spec.freeBytes,
        removable: spec.removable,
        system: spec.system ?? false,
      };
    });
  }

  async list(): Promise<Volume[]> {
    return this.volumes.map((volume) => ({ ...volume })).sort(byOffering);
  }

  async forPath(path: string): Promise<Volume> {
    const real = await existingRealPath(path);
    let best: Volume | undefined;
    for (const volume of this.volumes) {
      if (isWithin(real, volume.mountPoint) && (!best || volume.mountPoint.length > best.mountPoint.length)) best = volume;
    }
    if (!best) throw new FerryError('MEDIA_UNDETECTED', `${real} is not in any of the test media folders`, { path: real, problem: 'no-mount' });
    return { ...best };
  }
}
