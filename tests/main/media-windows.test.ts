import { describe, expect, it } from 'vitest';
import { parseGetVolume } from '../../src/main/media/windows-get-volume.ts';
import { WindowsVolumeProvider } from '../../src/main/media/windows-volumes.ts';

// Inputs WRITTEN BY HAND from Microsoft's documentation of Get-Volume and MSFT_Volume (property
// names, types and value maps; see windows-get-volume.ts), NOT captured on Windows: no Windows
// machine was at hand. Both shapes of enums appear, as ConvertTo-Json may write either.
const FROM_DOCS = JSON.stringify([
  { DriveLetter: 'C', FileSystemLabel: 'Windows', FileSystem: 'NTFS', FileSystemType: 14, DriveType: 3, Size: 511_000_000_000, SizeRemaining: 200_000_000_000 },
  { DriveLetter: 'E', FileSystemLabel: 'STICK', FileSystem: 'FAT32', FileSystemType: 6, DriveType: 2, Size: 31_000_000_000, SizeRemaining: 30_000_000_000 },
  { DriveLetter: 'F', FileSystemLabel: 'BIG STICK', FileSystem: 'exFAT', FileSystemType: 0, DriveType: 'Removable', Size: 128_000_000_000, SizeRemaining: 1_000 },
  { DriveLetter: 'D', FileSystemLabel: 'Data', FileSystem: 'NTFS', FileSystemType: 'NTFS', DriveType: 'Fixed', Size: 1_000_000_000_000, SizeRemaining: 900_000_000_000 },
  { DriveLetter: null, FileSystemLabel: 'Recovery', FileSystem: 'NTFS', FileSystemType: 14, DriveType: 3, Size: 600_000_000, SizeRemaining: 90_000_000 },
  { DriveLetter: 'G', FileSystemLabel: 'DVD', FileSystem: 'UDF', FileSystemType: 0, DriveType: 5, Size: 4_000_000_000, SizeRemaining: 0 },
]);

const provider = (json: string, realPath = async (path: string) => path) =>
  new WindowsVolumeProvider({ homeDir: 'C:\\Users\\tech', dataDir: 'C:\\Users\\tech\\AppData\\Roaming\\Ferry' }, { getVolume: async () => json, realPath });

describe('Get-Volume rows (written from the docs)', () => {
  it('read letters, labels, file systems, drive types and sizes', () => {
    const rows = parseGetVolume(FROM_DOCS);
    expect(rows[1]).toEqual({ driveLetter: 'E', label: 'STICK', fileSystem: 'FAT32', driveType: 'removable', size: 31_000_000_000, sizeRemaining: 30_000_000_000 });
    expect(rows.map((row) => [row.driveLetter, row.driveType])).toEqual([
      ['C', 'fixed'], ['E', 'removable'], ['F', 'removable'], ['D', 'fixed'], [null, 'fixed'], ['G', 'cd-rom'],
    ]);
  });

  it('accept one object instead of an array, nothing at all, a BOM, and missing or odd fields', () => {
    expect(parseGetVolume(JSON.stringify({ DriveLetter: 69, FileSystemType: 6, DriveType: 2, Size: '100', SizeRemaining: 40 }))).toEqual([
      { driveLetter: 'E', label: null, fileSystem: 'FAT32', driveType: 'removable', size: 100, sizeRemaining: 40 },
    ]);
    expect(parseGetVolume('')).toEqual([]);
    expect(parseGetVolume('\uFEFF[]')).toEqual([]);
    expect(parseGetVolume('[{}, null, 3]')).toEqual([{ driveLetter: null, label: null, fileSystem: '', driveType: 'unknown', size: 0, sizeRemaining: 0 }]);
    expect(parseGetVolume(JSON.stringify([{ DriveLetter: 0, FileSystemType: 'CSVFS_NTFS', DriveType: 'CD-ROM', Size: -5 }]))[0])
      .toMatchObject({ driveLetter: null, fileSystem: 'NTFS', driveType: 'cd-rom', size: 0 });
  });

  it('refuse what is not JSON with MEDIA_UNDETECTED', () => {
    expect(() => parseGetVolume('Get-Volume : The term is not recognized')).toThrow(expect.objectContaining({ code: 'MEDIA_UNDETECTED' }));
  });
});

describe('the Windows volume provider', () => {
  it('offers lettered volumes, removable first, never a DVD; C: is the system drive', async () => {
    const volumes = await provider(FROM_DOCS).list();
    expect(volumes.map((volume) => [volume.id, volume.fileSystem, volume.removable, volume.system])).toEqual([
      ['E:', 'fat32', true, false], ['F:', 'exfat', true, false], ['D:', 'ntfs', false, false], ['C:', 'ntfs', false, true],
    ]);
    expect(volumes[0]).toEqual({ id: 'E:', mountPoint: 'E:\\', label: 'STICK', fileSystem: 'fat32', rawFileSystem: 'FAT32',
      totalBytes: 31_000_000_000, freeBytes: 30_000_000_000, removable: true, system: false });
  });

  it('finds a folder’s volume by its drive letter; the data directory’s drive is a system drive', async () => {
    expect(await provider(FROM_DOCS).forPath('e:\\FERRY\\bundles')).toMatchObject({ id: 'E:', fileSystem: 'fat32' });
    const dataOnD = new WindowsVolumeProvider({ homeDir: 'C:\\Users\\tech', dataDir: 'D:\\Ferry' }, { getVolume: async () => FROM_DOCS, realPath: async (path) => path });
    expect(await dataOnD.forPath('D:\\exports')).toMatchObject({ id: 'D:', system: true });
    await expect(provider(FROM_DOCS).forPath('\\\\server\\share\\x')).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
    await expect(provider(FROM_DOCS).forPath('G:\\')).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
  });
});
