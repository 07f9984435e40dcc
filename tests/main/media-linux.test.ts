import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinuxVolumeProvider, runLsblk, type LinuxSources } from '../../src/main/media/linux-volumes.ts';
import { tempDir } from '../helpers/temp.ts';

// The Linux provider over outputs captured on the development VM (tests/fixtures/media/README.md):
// a fusefat image at '/tmp/ferry-capture/FAT STICK', exFAT on /dev/loop0 at '/tmp/ferry-capture/exfat'.
const fixturePath = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'media', name);
const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');
const FAT = '/tmp/ferry-capture/FAT STICK';
const EXFAT = '/tmp/ferry-capture/exfat';

function sources(overrides: Partial<LinuxSources> = {}): Partial<LinuxSources> {
  return {
    mountInfo: async () => fixture('mountinfo.txt'),
    lsblk: async () => fixture('lsblk.json'),
    // Distinct sizes per mount, so a mix-up shows.
    space: async (mountPoint) => ({ totalBytes: mountPoint.length * 1000, freeBytes: mountPoint.length }),
    bootSector: async (device) => (device === '/dev/loop0' ? readFileSync(fixturePath('exfat-boot-sector.bin')) : null),
    realPath: async (path) => path,
    ...overrides,
  };
}

const home = { homeDir: '/root', dataDir: '/root/.config/Ferry' };

describe('the Linux volume provider on the captured outputs', () => {
  it('lists block devices and the FUSE FAT mount lsblk cannot see; the system volume last', async () => {
    const volumes = await new LinuxVolumeProvider(home, sources()).list();
    expect(volumes).toEqual([
      { id: FAT, mountPoint: FAT, label: null, fileSystem: 'fat32', rawFileSystem: 'fuse.fusefat', totalBytes: FAT.length * 1000, freeBytes: FAT.length, removable: false, system: false },
      { id: '/dev/loop0', mountPoint: EXFAT, label: null, fileSystem: 'exfat', rawFileSystem: 'fuseblk', totalBytes: EXFAT.length * 1000, freeBytes: EXFAT.length, removable: false, system: false },
      { id: '/dev/vda', mountPoint: '/', label: null, fileSystem: 'ext', rawFileSystem: 'ext4', totalBytes: 1000, freeBytes: 1, removable: false, system: true },
    ]);
  });

  it('takes a fuseblk mount’s type from lsblk where udev told it, and says "other" where nothing tells', async () => {
    const told = fixture('lsblk.json').replace('"fstype": null', '"fstype": "ntfs"');
    const fromLsblk = new LinuxVolumeProvider(home, sources({ lsblk: async () => told, bootSector: async () => { throw new Error('not asked') } }));
    expect((await fromLsblk.forPath(EXFAT)).fileSystem).toBe('ntfs');
    const unreadable = new LinuxVolumeProvider(home, sources({ bootSector: async () => null }));
    expect(await unreadable.forPath(`${EXFAT}/FERRY`)).toMatchObject({ fileSystem: 'other', rawFileSystem: 'fuseblk' });
  });

  it('flags the volumes of home and of the data directory as system volumes', async () => {
    const provider = new LinuxVolumeProvider({ homeDir: `${FAT}/home`, dataDir: `${EXFAT}/ferry-data` }, sources());
    const volumes = await provider.list();
    expect(volumes.map((volume) => [volume.mountPoint, volume.system])).toEqual([['/', true], [FAT, true], [EXFAT, true]]);
    // Not by a string prefix: '/tmp/ferry-capture/exfat2' is on '/', not on the exFAT volume.
    const beside = new LinuxVolumeProvider({ homeDir: '/root', dataDir: `${EXFAT}2/data` }, sources());
    expect((await beside.forPath(EXFAT)).system).toBe(false);
  });

  it('finds the volume of a folder by the longest mount point, through the real path', async () => {
    const provider = new LinuxVolumeProvider(home, sources({ realPath: async (path) => path.replace('/link', FAT) }));
    expect(await provider.forPath('/link/FERRY/bundles')).toMatchObject({ mountPoint: FAT, fileSystem: 'fat32', system: false });
    expect(await provider.forPath('/tmp/ferry-capture')).toMatchObject({ mountPoint: '/', system: true });
  });

  it('leaves out read-only mounts (FUSE or block device), and removable block devices come first', async () => {
    const mountInfo = fixture('mountinfo.txt')
      .replace(`${FAT.replace(' ', '\\040')} rw,`, `${FAT.replace(' ', '\\040')} ro,`)
      .replace(`${EXFAT} rw,`, `${EXFAT} ro,`)
      .concat('60 27 8:17 / /media/u/STICK rw,nosuid - vfat /dev/sdb1 rw\n');
    const lsblk = JSON.stringify({ blockdevices: [...JSON.parse(fixture('lsblk.json')).blockdevices,
      { name: 'sdb', rm: true, tran: 'usb', children: [{ name: 'sdb1', path: '/dev/sdb1', fstype: 'vfat', label: 'STICK', mountpoints: ['/media/u/STICK'] }] }] });
    const volumes = await new LinuxVolumeProvider(home, sources({ mountInfo: async () => mountInfo, lsblk: async () => lsblk })).list();
    expect(volumes.map((volume) => [volume.id, volume.label, volume.removable])).toEqual([
      ['/dev/sdb1', 'STICK', true], ['/dev/vda', null, false],
    ]);
  });

  it('never asks statfs about a FUSE mount that is no medium (a hung sshfs would stall it)', async () => {
    const asked: string[] = [];
    const mountInfo = `${fixture('mountinfo.txt')}61 27 0:50 / /mnt/remote rw,nosuid - fuse.sshfs host:/x rw\n62 27 0:51 / /sys/fs/fuse/connections rw - fusectl fusectl rw\n`;
    const base = sources();
    const provider = new LinuxVolumeProvider(home, sources({ mountInfo: async () => mountInfo, space: async (point, type) => (asked.push(point), base.space!(point, type)) }));
    expect((await provider.list()).map((volume) => volume.mountPoint)).toEqual([FAT, EXFAT, '/']);
    expect(asked.sort()).toEqual(['/', FAT, EXFAT]);
  });

  it('answers forPath without lsblk (only label and "removable" are lost); list needs it', async () => {
    const broken = sources({ lsblk: async () => 'not json' });
    expect(await new LinuxVolumeProvider(home, broken).forPath(EXFAT)).toMatchObject({ id: '/dev/loop0', fileSystem: 'exfat' });
    await expect(new LinuxVolumeProvider(home, broken).list()).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
  });

  it('says MEDIA_UNDETECTED when statfs fails, FILE_MISSING for a path that does not exist', async () => {
    const noSpace = sources({ space: async () => { throw new Error('ENOTCONN') } });
    await expect(new LinuxVolumeProvider(home, noSpace).forPath(FAT)).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
    expect(await new LinuxVolumeProvider(home, noSpace).list()).toEqual([]);
    await expect(new LinuxVolumeProvider(home).forPath(join(tempDir(), 'missing'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
  });
});

describe('running lsblk', () => {
  const path = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = path;
  });

  /** A fake lsblk first on PATH: it logs its arguments and behaves as `script` says. */
  function fakeLsblk(script: string): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'lsblk'), `#!/bin/sh\necho "$@" >> "${dir}/calls"\n${script}\n`);
    chmodSync(join(dir, 'lsblk'), 0o755);
    process.env['PATH'] = `${dir}:${path}`;
    return dir;
  }

  it('falls back to the older columns when lsblk says "unknown column"', async () => {
    const dir = fakeLsblk(`case "$*" in *MOUNTPOINTS*) echo "lsblk: unknown column: MOUNTPOINTS" >&2; exit 1;; esac\ncat "${fixturePath('lsblk-fallback-columns.json')}"`);
    expect(await runLsblk()).toBe(fixture('lsblk-fallback-columns.json'));
    expect(readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n')).toEqual([
      '--json --bytes -o NAME,PATH,MOUNTPOINTS,FSTYPE,RM,HOTPLUG,SIZE,FSAVAIL,FSSIZE,LABEL,TRAN,TYPE',
      '--json --bytes --paths -o NAME,MOUNTPOINT,FSTYPE,RM,HOTPLUG,SIZE,LABEL,TRAN,TYPE',
    ]);
  });

  it('reports any other failure at once, with what lsblk said', async () => {
    const dir = fakeLsblk('echo "lsblk: cannot open /sys" >&2; exit 32');
    await expect(runLsblk()).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED', details: { command: 'lsblk', problem: 'failed', stderr: 'lsblk: cannot open /sys' } });
    expect(readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n')).toHaveLength(1);
    process.env['PATH'] = tempDir();
    await expect(runLsblk()).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED', details: { problem: 'not-installed' } });
  });
});
