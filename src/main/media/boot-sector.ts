/**
 * Tells FAT, exFAT and NTFS apart by the signatures in a volume's first sector. Needed for
 * `fuseblk` mounts: exfat-fuse and ntfs-3g both mount as `fuseblk` with the bare device as source
 * (seen here: exfat-fuse 1.3.0 on /dev/loop0), and lsblk knows the type only where udev probed it.
 */
import { open, stat } from 'node:fs/promises';

const at = (sector: Uint8Array, offset: number, length: number): string =>
  Buffer.from(sector.subarray(offset, offset + length)).toString('latin1');

/**
 * The file system named by a boot sector ('exfat', 'ntfs', 'vfat'), or null when it shows none of them.
 * exFAT and NTFS carry their name at byte 3 (the OEM name); FAT12/16/32 name themselves in the
 * BIOS parameter block's file-system type (byte 54, or 82 for FAT32).
 */
export function fileSystemInBootSector(sector: Uint8Array): string | null {
  if (sector.length < 512 || sector[510] !== 0x55 || sector[511] !== 0xaa) return null;
  if (at(sector, 3, 8) === 'EXFAT   ') return 'exfat';
  if (at(sector, 3, 8) === 'NTFS    ') return 'ntfs';
  if (at(sector, 82, 5) === 'FAT32' || at(sector, 54, 3) === 'FAT') return 'vfat';
  return null;
}

/** The first 512 bytes of a block device, or null when it cannot be read (most users may not read raw devices). */
export async function readBootSector(device: string): Promise<Uint8Array | null> {
  try {
    // Only a block device: a FIFO named as a mount's source must not stall Ferry.
    if (!(await stat(device)).isBlockDevice()) return null;
    const file = await open(device, 'r');
    try {
      const sector = new Uint8Array(512);
      const { bytesRead } = await file.read(sector, 0, 512, 0);
      return bytesRead === 512 ? sector : null;
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}
