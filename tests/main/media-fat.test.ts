import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVolumeProvider, maxFileSizeFor } from '../../src/main/media/volume.ts';
import { exfatImageSupport, fatImageSupport, findTool, withExfatImage, withFatImage, type ImageResult } from '../helpers/fat-image.ts';

// Real media: FAT32 mounted by fusefat, exFAT by exfat-fuse (what they do: tests/helpers/fat-image.ts).
const fat = fatImageSupport();
const exfat = exfatImageSupport();
const MiB = 1024 * 1024;
const linux = (dataDir: string | null = null) => createVolumeProvider('linux', { homeDir: homedir(), dataDir });

/**
 * Free bytes by an independent reader of the image: fsck.fat's "N files, used/total clusters".
 * It exits 1 on a mounted image (fusefat sets the dirty bit); -n changes nothing.
 */
function fsckFree(image: string, clusterBytes: number): number {
  const { stdout } = spawnSync(findTool('fsck.fat')!, ['-n', image], { encoding: 'utf8' });
  const counts = /(\d+)\/(\d+) clusters/.exec(stdout);
  if (counts === null) throw new Error(`fsck.fat printed no cluster counts: ${stdout}`);
  return (Number(counts[2]) - Number(counts[1])) * clusterBytes;
}

function ran<T>(result: ImageResult<T>): T {
  if (!result.available) throw new Error(`no medium although support was reported: ${result.reason}`);
  return result.value;
}

describe.skipIf(!fat.available)(`a FAT32 image mounted by fusefat${fat.available ? '' : ` (skipped: ${fat.reason})`}`, () => {
  it('is fat32 to forPath and list, its free space as statfs and fsck.fat count it, 4 GiB − 1 its largest file', async () => {
    ran(await withFatImage(64, async ({ mountPoint, image }) => {
      mkdirSync(join(mountPoint, 'FERRY'));
      const volume = await linux().forPath(join(mountPoint, 'FERRY'));
      expect(volume).toMatchObject({ id: mountPoint, mountPoint, fileSystem: 'fat32', rawFileSystem: 'fuse.fusefat', system: false });
      const stats = statfsSync(mountPoint);
      expect(volume.freeBytes).toBe(stats.bavail * stats.bsize);
      expect(volume.totalBytes).toBe(stats.blocks * stats.bsize);
      expect(volume.freeBytes).toBe(fsckFree(image, 4096));
      expect(maxFileSizeFor(volume.fileSystem)).toBe(4 * 1024 ** 3 - 1);
      // lsblk cannot see an image mounted by FUSE; the mount table can.
      expect((await linux().list()).map((listed) => listed.mountPoint)).toContain(mountPoint);

      writeFileSync(join(mountPoint, 'FERRY', 'one-mib.bin'), Buffer.alloc(MiB, 1));
      const after = await linux().forPath(mountPoint);
      expect(volume.freeBytes - after.freeBytes).toBe(MiB);
      expect(after.freeBytes).toBe(fsckFree(image, 4096));
      // Ferry's data directory on the stick makes it a system volume.
      expect((await linux(join(mountPoint, 'FERRY')).forPath(mountPoint)).system).toBe(true);
    }));
  });

  it('counts space in 512-byte clusters, for which fusefat reports no blocks', async () => {
    ran(await withFatImage(40, async ({ mountPoint, image }) => {
      expect(statfsSync(mountPoint).blocks).toBe(0);
      writeFileSync(join(mountPoint, 'a.bin'), Buffer.alloc(100_000, 7));
      const volume = await linux().forPath(mountPoint);
      expect(volume.freeBytes).toBeGreaterThan(30 * MiB);
      expect(volume.freeBytes).toBe(fsckFree(image, 512));
    }, { clusterBytes: 512 }));
  });

  it('refuses a file of exactly 4 GiB (fusefat: EPERM, never EFBIG; see the helper) though the space is there', async () => {
    // A sparse 4.3 GiB image; fusefat zero-fills up to the offset, so this writes about 4 GiB (seconds).
    ran(await withFatImage(4400, async ({ mountPoint }) => {
      const volume = await linux().forPath(mountPoint);
      const limit = maxFileSizeFor(volume.fileSystem)!;
      expect(volume.freeBytes).toBeGreaterThan(limit + MiB);
      const path = join(mountPoint, 'four-gib.bin');
      const fd = openSync(path, 'w');
      try {
        // One byte at offset `limit` makes the file limit + 1 = 4 GiB long.
        expect(() => writeSync(fd, Buffer.from([1]), 0, 1, limit)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(EFBIG|EPERM)$/) }));
      } finally {
        closeSync(fd);
      }
      expect(statSync(path).size).toBeLessThanOrEqual(limit);
    }));
  }, 120_000);
});

describe.skipIf(!exfat.available)(`an exFAT image mounted by exfat-fuse on a loop device${exfat.available ? '' : ` (skipped: ${exfat.reason})`}`, () => {
  it('is exfat (from the boot sector where lsblk has no type), free space as statfs counts it, no file-size limit', async () => {
    ran(await withExfatImage(64, async ({ mountPoint, device }) => {
      const volume = await linux().forPath(mountPoint);
      expect(volume).toMatchObject({ id: device, mountPoint, fileSystem: 'exfat', rawFileSystem: 'fuseblk', system: false });
      const stats = statfsSync(mountPoint);
      expect(volume.freeBytes).toBe(stats.bavail * stats.bsize);
      expect(maxFileSizeFor(volume.fileSystem)).toBeNull();
      expect((await linux().list()).find((listed) => listed.mountPoint === mountPoint)?.fileSystem).toBe('exfat');
    }));
  });
});
