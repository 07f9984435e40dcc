/**
 * What Ferry knows about a mounted volume (a USB stick, a disk, a test folder) before it writes a
 * request or a bundle there: its file system (FAT32 cannot hold a file of 4 GiB), its free space,
 * and whether it is a system volume that Ferry never offers and refuses to write to.
 * The services receive a `VolumeProvider` by injection; `createVolumeProvider` picks the OS's.
 */

/** The file systems Ferry distinguishes; everything else is `other`. */
export type FileSystemKind = 'fat32' | 'exfat' | 'ntfs' | 'apfs' | 'hfs' | 'ext' | 'other';

/** A mounted volume as the OS reports it. */
export interface Volume {
  /** Stable per OS: Linux the device path (a FUSE mount without one: its mount point), Windows `E:`, macOS the disk identifier. */
  id: string;
  /** Absolute path where the volume is mounted. */
  mountPoint: string;
  label: string | null;
  fileSystem: FileSystemKind;
  /** What the OS said, e.g. 'vfat', 'fuse.fusefat', 'fuseblk', 'exFAT', 'msdos'. */
  rawFileSystem: string;
  totalBytes: number;
  /** Bytes an ordinary user may still write. */
  freeBytes: number;
  removable: boolean;
  /** Holds the OS, the user's home or Ferry's data: never offered, writes refused. */
  system: boolean;
}

/** Lists volumes and finds the one a folder lies on. */
export interface VolumeProvider {
  /** Mounted, writable-looking volumes: removable first, system volumes last (flagged, for the UI to explain). */
  list(): Promise<Volume[]>;
  /** The volume an existing folder or file lies on (links resolved first). */
  forPath(path: string): Promise<Volume>;
}

/** Folders whose volumes are system volumes besides the OS's own. */
export interface SystemPaths {
  /** The user's home folder (default: `os.homedir()`). */
  homeDir?: string | undefined;
  /** Ferry's data directory: its volume is never a medium. */
  dataDir?: string | null | undefined;
}

/** FAT32's largest file: 4 GiB − 1 byte (its directory entry holds the size in 32 bits). */
export const FAT32_MAX_FILE_SIZE = 4 * 1024 ** 3 - 1;

/** Largest single file the file system stores: FAT32 4 GiB − 1 byte; others null (no limit we split for). */
export function maxFileSizeFor(fs: FileSystemKind): number | null {
  return fs === 'fat32' ? FAT32_MAX_FILE_SIZE : null;
}

/** The provider for this OS (Linux, Windows, macOS); see create-volume-provider.ts. */
export { createVolumeProvider } from './create-volume-provider.ts';
