import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderVolumeProvider } from '../../src/main/media/folder-volumes.ts';
import { LinuxVolumeProvider } from '../../src/main/media/linux-volumes.ts';
import { MacVolumeProvider } from '../../src/main/media/mac-volumes.ts';
import { checkNotSystem, checkSpace } from '../../src/main/media/space.ts';
import { createVolumeProvider, type Volume } from '../../src/main/media/volume.ts';
import { WindowsVolumeProvider } from '../../src/main/media/windows-volumes.ts';
import { tempDir } from '../helpers/temp.ts';

const GiB = 1024 ** 3;

describe('the folder volume provider (tests and the harness)', () => {
  it('pretends a temp folder is a nearly full FAT32 stick, for every path below it, links resolved', async () => {
    const root = tempDir();
    const stick = join(root, 'stick');
    mkdirSync(join(stick, 'FERRY', 'bundles'), { recursive: true });
    symlinkSync(stick, join(root, 'via-link'));
    const provider = new FolderVolumeProvider({ [stick]: { fileSystem: 'fat32', totalBytes: 8 * GiB, freeBytes: 1000, removable: true, label: 'STICK' } });
    const volume = await provider.forPath(join(root, 'via-link', 'FERRY', 'bundles'));
    expect(volume).toEqual({ id: `folder:${stick}`, mountPoint: stick, label: 'STICK', fileSystem: 'fat32', rawFileSystem: 'folder:fat32',
      totalBytes: 8 * GiB, freeBytes: 1000, removable: true, system: false });
    expect(() => checkSpace(volume, 1001)).toThrow(expect.objectContaining({ code: 'MEDIA_FULL', details: { needed: 1001, free: 1000, mountPoint: stick } }));
  });

  it('picks the innermost folder, lists removable first and system last, and knows no other path', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'disk', 'inner'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    const provider = new FolderVolumeProvider({
      [join(root, 'disk')]: { fileSystem: 'ext', totalBytes: 100, freeBytes: 50, removable: false, system: true },
      [join(root, 'disk', 'inner')]: { fileSystem: 'exfat', totalBytes: 10, freeBytes: 5, removable: true },
    });
    expect((await provider.forPath(join(root, 'disk', 'inner'))).fileSystem).toBe('exfat');
    expect((await provider.forPath(join(root, 'disk'))).system).toBe(true);
    expect((await provider.list()).map((volume) => volume.fileSystem)).toEqual(['exfat', 'ext']);
    await expect(provider.forPath(join(root, 'elsewhere'))).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
    await expect(provider.forPath(join(root, 'missing'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
    // What a caller gets is a copy: changing it changes nothing for the next caller.
    (await provider.list())[0]!.freeBytes = 0;
    expect((await provider.list())[0]!.freeBytes).toBe(5);
  });
});

describe('the checks before writing', () => {
  const volume: Volume = { id: '/dev/sdb1', mountPoint: '/media/u/STICK', label: null, fileSystem: 'fat32', rawFileSystem: 'vfat',
    totalBytes: 16 * GiB, freeBytes: 2 * GiB, removable: true, system: false };

  it('MEDIA_FULL carries needed and free bytes and the mount point; exactly enough is enough', () => {
    expect(() => checkSpace(volume, 2 * GiB)).not.toThrow();
    expect(() => checkSpace(volume, 2 * GiB + 1)).toThrow(expect.objectContaining({
      code: 'MEDIA_FULL', details: { needed: 2 * GiB + 1, free: 2 * GiB, mountPoint: '/media/u/STICK' },
    }));
  });

  it('a system drive is MEDIA_NOT_WRITABLE with reason system-drive', () => {
    expect(() => checkNotSystem(volume)).not.toThrow();
    expect(() => checkNotSystem({ ...volume, system: true })).toThrow(expect.objectContaining({
      code: 'MEDIA_NOT_WRITABLE', details: { reason: 'system-drive', mountPoint: '/media/u/STICK' },
    }));
  });
});

describe('createVolumeProvider', () => {
  it('picks the provider for each OS, and one that answers MEDIA_UNDETECTED elsewhere', async () => {
    expect(createVolumeProvider('linux')).toBeInstanceOf(LinuxVolumeProvider);
    expect(createVolumeProvider('win32')).toBeInstanceOf(WindowsVolumeProvider);
    expect(createVolumeProvider('darwin')).toBeInstanceOf(MacVolumeProvider);
    const other = createVolumeProvider('freebsd');
    await expect(other.list()).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED', details: { platform: 'freebsd' } });
    await expect(other.forPath('/')).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
  });

  it.runIf(process.platform === 'linux')('on this Linux machine, places a temp folder on a system volume and the data directory’s volume too', async () => {
    const dir = tempDir();
    const volume = await createVolumeProvider(process.platform, { dataDir: dir }).forPath(dir);
    expect(volume.system).toBe(true);
    expect(volume.freeBytes).toBeGreaterThan(0);
    expect(volume.totalBytes).toBeGreaterThanOrEqual(volume.freeBytes);
  });
});
