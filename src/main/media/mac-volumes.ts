/**
 * Volumes on macOS, from diskutil (see mac-diskutil.ts) and statfs. A folder's volume is found by
 * its device number rather than by path prefix: since Catalina, /Users lies on the Data volume
 * (mounted at /System/Volumes/Data) through a firmlink, so no mount point is a prefix of it.
 */
import { stat } from 'node:fs/promises';
import { FerryError } from '../../shared/errors.ts';
import { isWithin } from '../files/output-path.ts';
import { parseDiskutilInfo, parseDiskutilList, type DiskutilMount } from './mac-diskutil.ts';
import { runCommand } from './run-command.ts';
import { spaceOf, type Space } from './statfs-space.ts';
import { existingRealPath, protectedFolders } from './system-paths.ts';
import { byOffering, fileSystemKindOf } from './volume-facts.ts';
import type { FileSystemKind, SystemPaths, Volume, VolumeProvider } from './volume.ts';

/** Where the macOS provider gets its facts; each defaults to the real system. */
export interface MacSources {
  list(): Promise<string>;
  info(identifier: string): Promise<string>;
  space(mountPoint: string, fsType: string): Promise<Space>;
  /** The device number (`stat().dev`) of a path; null when it cannot be read. */
  deviceOf(path: string): Promise<number | null>;
  realPath(path: string): Promise<string>;
}

const diskutil = (...args: string[]): Promise<string> => runCommand('/usr/sbin/diskutil', args, { timeoutMs: 30_000 });
const deviceOf = (path: string): Promise<number | null> => stat(path).then((info) => info.dev, () => null);

// FilesystemName is a display name ('MS-DOS (FAT32)', 'ExFAT', 'Mac OS Extended (Journaled)').
function kindOf(raw: string): FileSystemKind {
  const named = fileSystemKindOf(raw);
  if (named !== 'other') return named;
  const rules: [RegExp, FileSystemKind][] = [[/exfat/i, 'exfat'], [/fat|ms-dos/i, 'fat32'], [/ntfs/i, 'ntfs'], [/apfs/i, 'apfs'], [/mac os extended|hfs/i, 'hfs']];
  return rules.find(([pattern]) => pattern.test(raw))?.[1] ?? 'other';
}

/** Volumes from diskutil and statfs. */
export class MacVolumeProvider implements VolumeProvider {
  private readonly paths: SystemPaths;
  private readonly sources: MacSources;

  constructor(paths: SystemPaths = {}, sources: Partial<MacSources> = {}) {
    this.paths = paths;
    this.sources = {
      list: () => diskutil('list', '-plist'), info: (id) => diskutil('info', '-plist', id),
      space: spaceOf, deviceOf, realPath: existingRealPath, ...sources,
    };
  }

  async list(): Promise<Volume[]> {
    const mounts = parseDiskutilList(await this.sources.list());
    const volumes = await Promise.all(mounts.map((mount) => this.volumeOf(mount, true)));
    return volumes.filter((volume): volume is Volume => volume !== null).sort(byOffering);
  }

  async forPath(path: string): Promise<Volume> {
    const real = await this.sources.realPath(path);
    const device = await this.sources.deviceOf(real);
    const mounts = parseDiskutilList(await this.sources.list());
    const same = await this.sameDevice(mounts, device);
    // Several mounts of one device are unusual; prefer the one the path lies under.
    const mount = same.find((candidate) => isWithin(real, candidate.mountPoint)) ?? same[0];
    const volume = mount && (await this.volumeOf(mount, false));
    if (!volume) throw new FerryError('MEDIA_UNDETECTED', `diskutil lists no volume holding ${real}`, { path: real, problem: 'no-mount' });
    return volume;
  }

  private async sameDevice(mounts: DiskutilMount[], device: number | null): Promise<DiskutilMount[]> {
    if (device === null) return [];
    const devices = await Promise.all(mounts.map((mount) => this.sources.deviceOf(mount.mountPoint)));
    return mounts.filter((_, index) => devices[index] === device);
  }

  /** The volume at a listed mount; null when it is read-only (and only writable ones are wanted) or statfs fails. */
  private async volumeOf(mount: DiskutilMount, writableOnly: boolean): Promise<Volume | null> {
    const info = parseDiskutilInfo(await this.sources.info(mount.identifier));
    if (writableOnly && !info.writable) return null;
    const space = await this.sources.space(mount.mountPoint, info.fileSystem).catch(() => null);
    if (space === null) return null;
    const device = await this.sources.deviceOf(mount.mountPoint);
    const folderDevices = await Promise.all(protectedFolders(this.paths).map((folder) => this.sources.deviceOf(folder)));
    return {
      id: mount.identifier,
      mountPoint: mount.mountPoint,
      label: info.volumeName,
      fileSystem: kindOf(info.fileSystem),
      rawFileSystem: info.fileSystem,
      ...space,
      removable: info.removable,
      // The OS's volumes (/ and /System/Volumes/…) and the volumes of home and the data directory.
      system: mount.mountPoint === '/' || mount.mountPoint.startsWith('/System/Volumes/')
        || (device !== null && folderDevices.includes(device)),
    };
  }
}
