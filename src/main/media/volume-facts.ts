/**
 * What the volume providers share: naming a file system's kind from what the OS says, and the order
 * in which volumes are offered. Kept apart from volume.ts so the providers import only types from it.
 */
import type { FileSystemKind, Volume } from './volume.ts';

// Names from Linux (/proc/self/mountinfo, lsblk), Windows (Get-Volume's FileSystem) and macOS
// (diskutil's FilesystemType), lower-cased, without a FUSE prefix ('fuse.fusefat', 'fuseblk.exfat').
// FAT12 and FAT16 count as `fat32`: every FAT has the same 4 GiB − 1 limit, and the limit is all
// Ferry needs the kind for.
const KINDS = new Map<string, FileSystemKind>([
  ...['vfat', 'msdos', 'fat', 'fat12', 'fat16', 'fat32', 'fusefat'].map((name) => [name, 'fat32'] as const),
  ...['exfat', 'exfat-fuse'].map((name) => [name, 'exfat'] as const),
  ...['ntfs', 'ntfs3', 'ntfs-3g'].map((name) => [name, 'ntfs'] as const),
  ['apfs', 'apfs'], ['hfs', 'hfs'], ['hfsplus', 'hfs'],
  ...['ext2', 'ext3', 'ext4'].map((name) => [name, 'ext'] as const),
]);

/** The kind for a file-system name any of the three OSes reports ('fuseblk' alone names none: `other`). */
export function fileSystemKindOf(raw: string): FileSystemKind {
  return KINDS.get(raw.trim().toLowerCase().replace(/^fuse(blk)?\./, '')) ?? 'other';
}

/** Removable volumes first, system volumes last, then by mount point: the order `list()` promises. */
export function byOffering(a: Volume, b: Volume): number {
  return Number(a.system) - Number(b.system) || Number(b.removable) - Number(a.removable)
    || (a.mountPoint < b.mountPoint ? -1 : a.mountPoint > b.mountPoint ? 1 : 0);
}
