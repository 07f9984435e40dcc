/**
 * Volumes on Linux. `list()` takes the mounted block devices from lsblk, plus FUSE mounts of FAT,
 * exFAT or NTFS that lsblk cannot see (fusefat on an image file); `forPath()` needs only the mount
 * table and statfs, so it also works for those. Every input comes through `LinuxSources`, so tests
 * feed captured outputs (tests/fixtures/media/) and real mounts alike.
 *
 * Seen on Debian 12 (util-linux 2.38.1, fusefat 0.1a, exfat-fuse 1.3.0): fusefat mounts as
 * `fuse.fusefat` with the source `fusefat`; exfat-fuse as `fuseblk` with the loop device as source
 * (it needs a block device when run as root) and lsblk's FSTYPE is null without udev — so a
 * `fuseblk` mount's kind comes from lsblk where it knows, else from the device's boot sector.
 */
import { readFile } from 'node:fs/promises';
import { FerryError } from '../../shared/errors.ts';
import { fileSystemInBootSector, readBootSector } from './boot-sector.ts';
import { LSBLK_ARGS, parseLsblk, type LsblkMount } from './lsblk.ts';
import { mountAt, mountForPath, parseMountInfo, type MountEntry } from './mount-table.ts';
import { runCommand } from './run-command.ts';
import { spaceOf, type Space } from './statfs-space.ts';
import { existingRealPath, protectedFolders } from './system-paths.ts';
import { byOffering, fileSystemKindOf } from './volume-facts.ts';
import type { FileSystemKind, SystemPaths, Volume, VolumeProvider } from './volume.ts';

/** Where the Linux provider gets its facts; each defaults to the real system. */
export interface LinuxSources {
  mountInfo(): Promise<string>;
  lsblk(): Promise<string>;
  space(mountPoint: string, fsType: string): Promise<Space>;
  bootSector(device: string): Promise<Uint8Array | null>;
  realPath(path: string): Promise<string>;
}

/** Runs lsblk with the newest columns this version knows (older ones say "unknown column"). */
export async function runLsblk(): Promise<string> {
  for (const [index, args] of LSBLK_ARGS.entries()) {
    try {
      return await runCommand('lsblk', args, { timeoutMs: 10_000 });
    } catch (error) {
      const stderr = String((error as FerryError).details?.['stderr'] ?? '');
      if (index === LSBLK_ARGS.length - 1 || !/unknown column/i.test(stderr)) throw error;
    }
  }
  throw new Error('unreachable: LSBLK_ARGS is not empty');
}

async function readMountInfo(): Promise<string> {
  try {
    return await readFile('/proc/self/mountinfo', 'utf8');
  } catch (error) {
    throw new FerryError('MEDIA_UNDETECTED', `Cannot read the mount table: ${(error as Error).message}`, { command: '/proc/self/mountinfo', problem: 'failed' });
  }
}

const SHARABLE: ReadonlySet<FileSystemKind> = new Set(['fat32', 'exfat', 'ntfs']);
const isOsMount = (point: string): boolean => point === '/' || point === '/usr' || point.startsWith('/boot');

/** Volumes from lsblk, the mount table and statfs. */
export class LinuxVolumeProvider implements VolumeProvider {
  private readonly paths: SystemPaths;
  private readonly sources: LinuxSources;

  constructor(paths: SystemPaths = {}, sources: Partial<LinuxSources> = {}) {
    this.paths = paths;
    this.sources = { mountInfo: readMountInfo, lsblk: runLsblk, space: spaceOf, bootSector: readBootSector, realPath: existingRealPath, ...sources };
  }

  async list(): Promise<Volume[]> {
    const [mounts, devices] = await Promise.all([this.mounts(), this.sources.lsblk().then(parseLsblk)]);
    const found = new Map<string, Promise<Volume | null>>();
    for (const device of devices) {
      const entry = mountAt(device.mountPoint, mounts);
      if (entry && !entry.readOnly && !found.has(entry.mountPoint)) found.set(entry.mountPoint, this.volumeOf(entry, device, mounts));
    }
    for (const entry of mounts) {
      const isFuse = entry.fsType === 'fuseblk' || entry.fsType.startsWith('fuse.');
      if (!isFuse || entry.readOnly || found.has(entry.mountPoint) || mountAt(entry.mountPoint, mounts) !== entry) continue;
      found.set(entry.mountPoint, this.fuseMedium(entry, mounts));
    }
    const volumes = await Promise.all(found.values());
    return volumes.filter((volume): volume is Volume => volume !== null).sort(byOffering);
  }

  async forPath(path: string): Promise<Volume> {
    const real = await this.sources.realPath(path);
    const mounts = await this.mounts();
    const entry = mountForPath(real, mounts);
    if (entry === undefined) throw new FerryError('MEDIA_UNDETECTED', `No mount holds ${real}`, { path: real, problem: 'no-mount' });
    // lsblk adds only the label and "removable"; the mount table and statfs carry what matters.
    const devices = await this.sources.lsblk().then(parseLsblk).catch((): LsblkMount[] => []);
    const volume = await this.volumeOf(entry, devices.find((device) => device.mountPoint === entry.mountPoint), mounts);
    if (volume === null) throw new FerryError('MEDIA_UNDETECTED', `Cannot read the space of ${entry.mountPoint}`, { path: real, problem: 'statfs' });
    return volume;
  }

  private async mounts(): Promise<MountEntry[]> {
    return parseMountInfo(await this.sources.mountInfo());
  }

  private async kindOf(entry: MountEntry, device: LsblkMount | undefined): Promise<FileSystemKind> {
    const named = fileSystemKindOf(entry.fsType);
    if (named !== 'other' || entry.fsType !== 'fuseblk') return named;
    if (device?.fsType) return fileSystemKindOf(device.fsType);
    const sector = await this.sources.bootSector(entry.source);
    return fileSystemKindOf((sector && fileSystemInBootSector(sector)) ?? '');
  }

  /**
   * A FUSE mount lsblk does not list, when it holds FAT, exFAT or NTFS. The kind is settled before
   * statfs, so a hung network FUSE mount (sshfs, gvfs) is never asked.
   */
  private async fuseMedium(entry: MountEntry, mounts: MountEntry[]): Promise<Volume | null> {
    const kind = await this.kindOf(entry, undefined);
    return SHARABLE.has(kind) ? this.volumeOf(entry, undefined, mounts, kind) : null;
  }

  /** The volume mounted by `entry`; null when statfs fails (a mount that vanished). */
  private async volumeOf(entry: MountEntry, device: LsblkMount | undefined, mounts: MountEntry[], kind?: FileSystemKind): Promise<Volume | null> {
    const space = await this.sources.space(entry.mountPoint, entry.fsType).catch(() => null);
    if (space === null) return null;
    const system = isOsMount(entry.mountPoint)
      || protectedFolders(this.paths).some((folder) => mountForPath(folder, mounts)?.mountPoint === entry.mountPoint);
    return {
      id: device?.device ?? (entry.source.startsWith('/dev/') ? entry.source : entry.mountPoint),
      mountPoint: entry.mountPoint,
      label: device?.label ?? null,
      fileSystem: kind ?? (await this.kindOf(entry, device)),
      rawFileSystem: entry.fsType,
      ...space,
      removable: device?.removable ?? false,
      system,
    };
  }
}
