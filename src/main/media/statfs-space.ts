/** Total and free bytes of a mounted volume from statfs, with the one quirk seen on fusefat. */
import { statfs } from 'node:fs/promises';

/** The statfs fields Ferry reads (Node's `StatsFs`). */
export interface StatfsFields {
  bsize: number;
  frsize: number;
  blocks: number;
  bavail: number;
  files: number;
  ffree: number;
}

/** A volume's size and the bytes an ordinary user may still write. */
export interface Space {
  totalBytes: number;
  freeBytes: number;
}

// FAT clusters smaller than 1 KiB can only be 512 bytes (a sector is at least 512 bytes).
const SMALLEST_FAT_CLUSTER = 512;

/**
 * Space from statfs: blocks × fragment size (statvfs counts blocks in `f_frsize`; where Node
 * reports none, in `f_bsize`), free as `bavail` (what a user, not root, may write).
 *
 * fusefat 0.1a (Debian 12) reports its clusters in 1 KiB blocks, rounded down, and the cluster
 * counts as file nodes (seen here: 4 KiB clusters → blocks = 4 × files; 512-byte clusters →
 * blocks = 0, files = clusters). So a fusefat mount with no blocks but file nodes has 512-byte
 * clusters, and its space is counted from those.
 */
export function spaceFromStatfs(stats: StatfsFields, fsType: string): Space {
  if (fsType === 'fuse.fusefat' && stats.blocks === 0 && stats.files > 0) {
    return { totalBytes: stats.files * SMALLEST_FAT_CLUSTER, freeBytes: stats.ffree * SMALLEST_FAT_CLUSTER };
  }
  const unit = stats.frsize > 0 ? stats.frsize : stats.bsize;
  return { totalBytes: stats.blocks * unit, freeBytes: stats.bavail * unit };
}

/** statfs of a mounted path, as Space. */
export async function spaceOf(path: string, fsType: string): Promise<Space> {
  return spaceFromStatfs(await statfs(path), fsType);
}
