import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemInBootSector } from '../../src/main/media/boot-sector.ts';
import { parseLsblk } from '../../src/main/media/lsblk.ts';
import { mountAt, mountForPath, parseMountInfo } from '../../src/main/media/mount-table.ts';
import { spaceFromStatfs } from '../../src/main/media/statfs-space.ts';
import { fileSystemKindOf } from '../../src/main/media/volume-facts.ts';
import { FAT32_MAX_FILE_SIZE, maxFileSizeFor } from '../../src/main/media/volume.ts';

// Outputs captured on the development VM, see tests/fixtures/media/README.md.
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'media', name));

describe('the mount table (/proc/self/mountinfo)', () => {
  const mounts = parseMountInfo(fixture('mountinfo.txt').toString('utf8'));

  it('reads the FUSE mounts with their real types and sources, spaces unescaped', () => {
    expect(mountAt('/tmp/ferry-capture/FAT STICK', mounts)).toEqual({
      device: '0:39', mountPoint: '/tmp/ferry-capture/FAT STICK', fsType: 'fuse.fusefat', source: 'fusefat', readOnly: false,
    });
    expect(mountAt('/tmp/ferry-capture/exfat', mounts)).toMatchObject({ fsType: 'fuseblk', source: '/dev/loop0', device: '7:0' });
    expect(mountAt('/', mounts)).toMatchObject({ fsType: 'ext4', source: '/dev/vda' });
  });

  it('finds the mount a path lies on by the longest mount point, not by a string prefix', () => {
    expect(mountForPath('/tmp/ferry-capture/FAT STICK/FERRY/bundles', mounts)?.fsType).toBe('fuse.fusefat');
    // '/tmp/ferry-capture/FAT STICKS' starts with the mount point's text but is not below it.
    expect(mountForPath('/tmp/ferry-capture/FAT STICKS', mounts)?.mountPoint).toBe('/');
    expect(mountForPath('/dev/pts/0', mounts)?.fsType).toBe('devpts');
  });

  it('takes the last of several mounts at one place (it covers the others)', () => {
    const [first, second] = mounts.filter((mount) => mount.mountPoint === '/dev/shm');
    expect(first?.device).toBe('0:23');
    expect(mountAt('/dev/shm', mounts)?.device).toBe(second?.device);
    expect(mountForPath('/dev/shm/x', mounts)?.device).toBe('0:27');
  });

  it('unescapes tab, newline and backslash too, reads optional fields and read-only flags, skips junk', () => {
    const text = [
      '50 27 8:17 / /media/u/A\\011B\\012C\\134D ro,nosuid shared:7 master:2 - vfat /dev/sdb1 rw,fmask=0022',
      '51 27 8:18 / /media/u/E rw - exfat /dev/sdb2 ro',
      'garbage line',
      '52 27 8:19 / relative rw - ext4 /dev/sdb3 rw',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      { device: '8:17', mountPoint: '/media/u/A\tB\nC\\D', fsType: 'vfat', source: '/dev/sdb1', readOnly: true },
      { device: '8:18', mountPoint: '/media/u/E', fsType: 'exfat', source: '/dev/sdb2', readOnly: true },
    ]);
  });
});

describe('lsblk --json', () => {
  it('lists the mounted devices of the captured output (the fusefat image is not among them)', () => {
    expect(parseLsblk(fixture('lsblk.json').toString('utf8'))).toEqual([
      { device: '/dev/loop0', mountPoint: '/tmp/ferry-capture/exfat', fsType: null, label: null, removable: false },
      { device: '/dev/vda', mountPoint: '/', fsType: null, label: null, removable: false },
    ]);
  });

  it('reads the older columns (MOUNTPOINT, --paths) to the same result', () => {
    expect(parseLsblk(fixture('lsblk-fallback-columns.json').toString('utf8')))
      .toEqual(parseLsblk(fixture('lsblk.json').toString('utf8')));
  });

  it('walks partitions, inherits "removable" from the disk, and reads strings as old versions print them', () => {
    const text = JSON.stringify({ blockdevices: [
      { name: 'sda', rm: '0', hotplug: '0', tran: 'sata', mountpoint: null, children: [
        { name: 'sda1', fstype: 'vfat', mountpoint: '/boot/efi', label: null },
        { name: 'sda2', fstype: 'swap', mountpoint: '[SWAP]' },
      ] },
      { name: 'sdb', rm: '1', tran: 'usb', children: [
        { name: 'sdb1', path: '/dev/sdb1', fstype: 'vfat', label: 'STICK', mountpoints: ['/media/u/STICK', null, '/mnt/again'] },
      ] },
      { name: 'sdc', hotplug: true, fstype: 'exfat', mountpoints: ['/media/u/DISK'] },
      { name: 'nvme0n1', tran: 'usb', mountpoint: '/media/u/SSD' },
    ] });
    expect(parseLsblk(text)).toEqual([
      { device: '/dev/sda1', mountPoint: '/boot/efi', fsType: 'vfat', label: null, removable: false },
      { device: '/dev/sdb1', mountPoint: '/media/u/STICK', fsType: 'vfat', label: 'STICK', removable: true },
      { device: '/dev/sdb1', mountPoint: '/mnt/again', fsType: 'vfat', label: 'STICK', removable: true },
      { device: '/dev/sdc', mountPoint: '/media/u/DISK', fsType: 'exfat', label: null, removable: true },
      { device: '/dev/nvme0n1', mountPoint: '/media/u/SSD', fsType: null, label: null, removable: true },
    ]);
  });

  it('refuses what is not lsblk JSON with MEDIA_UNDETECTED', () => {
    for (const text of ['', 'lsblk: unknown column', '{"devices": []}', 'null']) {
      expect(() => parseLsblk(text), text).toThrow(expect.objectContaining({ code: 'MEDIA_UNDETECTED' }));
    }
  });
});

describe('file-system kinds', () => {
  it('recognise the boot sectors mkfs wrote, and nothing else', () => {
    expect(fileSystemInBootSector(fixture('fat32-boot-sector.bin'))).toBe('vfat');
    expect(fileSystemInBootSector(fixture('exfat-boot-sector.bin'))).toBe('exfat');
    const ntfs = Buffer.from(fixture('exfat-boot-sector.bin'));
    ntfs.write('NTFS    ', 3, 'latin1');
    expect(fileSystemInBootSector(ntfs)).toBe('ntfs');
    const unsigned = Buffer.from(fixture('fat32-boot-sector.bin'));
    unsigned[511] = 0;
    expect(fileSystemInBootSector(unsigned)).toBeNull();
    expect(fileSystemInBootSector(Buffer.alloc(512))).toBeNull();
    expect(fileSystemInBootSector(fixture('fat32-boot-sector.bin').subarray(0, 511))).toBeNull();
  });

  it('map the names Linux, Windows and macOS use', () => {
    const cases: [string, string][] = [['vfat', 'fat32'], ['fuse.fusefat', 'fat32'], ['FAT32', 'fat32'], ['msdos', 'fat32'], ['FAT', 'fat32'],
      ['exfat', 'exfat'], ['exFAT', 'exfat'], ['fuseblk.exfat', 'exfat'], ['NTFS', 'ntfs'], ['ntfs3', 'ntfs'], ['fuse.ntfs-3g', 'ntfs'],
      ['apfs', 'apfs'], ['hfsplus', 'hfs'], ['ext4', 'ext'], ['fuseblk', 'other'], ['fuse.sshfs', 'other'], ['constructor', 'other'], ['', 'other']];
    for (const [raw, kind] of cases) expect(fileSystemKindOf(raw), raw).toBe(kind);
  });

  it('limit a file to 4 GiB − 1 byte on FAT only', () => {
    expect(FAT32_MAX_FILE_SIZE).toBe(4_294_967_295);
    expect(maxFileSizeFor('fat32')).toBe(4_294_967_295);
    for (const kind of ['exfat', 'ntfs', 'apfs', 'hfs', 'ext', 'other'] as const) expect(maxFileSizeFor(kind)).toBeNull();
  });
});

describe('space from statfs', () => {
  it('counts blocks in the fragment size, free as what a user may write', () => {
    const ext4 = { bsize: 4096, frsize: 4096, blocks: 1000, bfree: 600, bavail: 500, files: 10, ffree: 5 };
    expect(spaceFromStatfs(ext4, 'ext4')).toEqual({ totalBytes: 4_096_000, freeBytes: 2_048_000 });
    expect(spaceFromStatfs({ ...ext4, frsize: 0 }, 'apfs')).toEqual({ totalBytes: 4_096_000, freeBytes: 2_048_000 });
  });

  it('counts fusefat’s 512-byte clusters where it reports no blocks (as it did here: 129022 clusters, 0 blocks)', () => {
    const seen = { bsize: 1024, frsize: 1024, blocks: 0, bavail: 0, files: 129_022, ffree: 127_067 };
    expect(spaceFromStatfs(seen, 'fuse.fusefat')).toEqual({ totalBytes: 129_022 * 512, freeBytes: 127_067 * 512 });
    // Another file system with no blocks really is empty.
    expect(spaceFromStatfs(seen, 'tmpfs')).toEqual({ totalBytes: 0, freeBytes: 0 });
  });
});
