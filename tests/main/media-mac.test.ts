import { describe, expect, it } from 'vitest';
import { parseDiskutilInfo, parseDiskutilList } from '../../src/main/media/mac-diskutil.ts';
import { MacVolumeProvider, type MacSources } from '../../src/main/media/mac-volumes.ts';
import { parsePlist } from '../../src/main/media/plist.ts';

// Property lists WRITTEN BY HAND, NOT captured on a Mac (none was at hand): the structure follows
// Apple's property-list format, the keys are those diskutil's output shows in public examples (see
// mac-diskutil.ts; Apple's man page documents -plist but not its keys).
const plist = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${body}\n</plist>\n`;

const LIST = plist(`<dict>
  <key>AllDisks</key><array><string>disk0</string><string>disk3</string><string>disk4</string><string>disk4s1</string></array>
  <key>AllDisksAndPartitions</key>
  <array>
    <dict><key>Content</key><string>GUID_partition_scheme</string><key>DeviceIdentifier</key><string>disk0</string>
      <key>Partitions</key><array><dict><key>Content</key><string>EFI</string><key>DeviceIdentifier</key><string>disk0s1</string></dict></array></dict>
    <dict><key>APFSVolumes</key><array>
        <dict><key>DeviceIdentifier</key><string>disk3s1s1</string><key>MountPoint</key><string>/</string><key>VolumeName</key><string>Macintosh HD</string></dict>
        <dict><key>DeviceIdentifier</key><string>disk3s5</string><key>MountPoint</key><string>/System/Volumes/Data</string><key>VolumeName</key><string>Macintosh HD - Data</string></dict>
        <dict><key>DeviceIdentifier</key><string>disk3s6</string><key>VolumeName</key><string>VM</string></dict>
      </array><key>DeviceIdentifier</key><string>disk3</string></dict>
    <dict><key>Content</key><string>FDisk_partition_scheme</string><key>DeviceIdentifier</key><string>disk4</string>
      <key>Partitions</key><array><dict><key>DeviceIdentifier</key><string>disk4s1</string><key>MountPoint</key><string>/Volumes/USB STICK</string>
      <key>VolumeName</key><string>USB STICK</string></dict></array></dict>
  </array>
</dict>`);

const info = (fields: string): string => plist(`<dict>${fields}</dict>`);
const INFO: Record<string, string> = {
  disk3s1s1: info('<key>DeviceIdentifier</key><string>disk3s1s1</string><key>FilesystemType</key><string>apfs</string><key>WritableVolume</key><false/><key>Internal</key><true/>'),
  disk3s5: info('<key>FilesystemType</key><string>apfs</string><key>VolumeName</key><string>Macintosh HD - Data</string><key>WritableVolume</key><true/><key>Internal</key><true/>'),
  disk4s1: info(`<key>DeviceIdentifier</key><string>disk4s1</string><key>MountPoint</key><string>/Volumes/USB STICK</string>
    <key>VolumeName</key><string>USB STICK</string><key>FilesystemType</key><string>msdos</string><key>FilesystemName</key><string>MS-DOS FAT32</string>
    <key>RemovableMedia</key><true/><key>Internal</key><false/><key>WritableVolume</key><true/><key>TotalSize</key><integer>15997075456</integer>`),
};
// Device numbers as stat() gives them: /Users lies on the Data volume through a firmlink.
const DEVICES: Record<string, number> = { '/': 1, '/System/Volumes/Data': 2, '/Users/tech': 2, '/Users/tech/Library/Application Support/Ferry': 2, '/Volumes/USB STICK': 3, '/Volumes/USB STICK/FERRY': 3 };

const sources = (overrides: Partial<MacSources> = {}): Partial<MacSources> => ({
  list: async () => LIST,
  info: async (id) => INFO[id] ?? info(''),
  space: async (mountPoint) => ({ totalBytes: mountPoint.length * 1000, freeBytes: mountPoint.length }),
  deviceOf: async (path) => DEVICES[path] ?? null,
  realPath: async (path) => path,
  ...overrides,
});
const paths = { homeDir: '/Users/tech', dataDir: '/Users/tech/Library/Application Support/Ferry' };

describe('the XML property-list reader', () => {
  it('reads every element kind, entities and empty forms', () => {
    expect(parsePlist(plist(`<!-- a comment --><dict><key>A &amp; B</key><string>x &lt;y&gt; &#x41;&#66; &unknown;</string>
      <key>n</key><integer>-12</integer><key>r</key><real>1.5</real><key>t</key><true/><key>f</key><false></false>
      <key>d</key><date>2024-01-01T00:00:00Z</date><key>e</key><array><string/><dict/><array/></array></dict>`)))
      .toEqual({ 'A & B': 'x <y> AB &unknown;', n: -12, r: 1.5, t: true, f: false, d: '2024-01-01T00:00:00Z', e: ['', {}, []] });
  });

  it('refuses what is not a property list, and keys never reach Object.prototype', () => {
    for (const text of ['', '<dict></dict>', plist('<dict><string>x</string></dict>'), plist('<integer>ten</integer>'), plist('<string>open'), plist('<foo/>'), plist('text<dict/>')]) {
      expect(() => parsePlist(text), text).toThrow();
    }
    const parsed = parsePlist(plist('<dict><key>__proto__</key><dict><key>polluted</key><true/></dict></dict>')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });
});

describe('diskutil output (written by hand)', () => {
  it('lists mounted disks, partitions and APFS volumes', () => {
    expect(parseDiskutilList(LIST)).toEqual([
      { identifier: 'disk3s1s1', mountPoint: '/' }, { identifier: 'disk3s5', mountPoint: '/System/Volumes/Data' },
      { identifier: 'disk4s1', mountPoint: '/Volumes/USB STICK' },
    ]);
  });

  it('reads a volume’s facts, each key optional', () => {
    expect(parseDiskutilInfo(INFO['disk4s1']!)).toEqual({ identifier: 'disk4s1', mountPoint: '/Volumes/USB STICK', volumeName: 'USB STICK', fileSystem: 'msdos', removable: true, writable: true });
    expect(parseDiskutilInfo(info(''))).toEqual({ identifier: null, mountPoint: null, volumeName: null, fileSystem: '', removable: false, writable: true });
    expect(() => parseDiskutilInfo('Could not find disk: disk9')).toThrow(expect.objectContaining({ code: 'MEDIA_UNDETECTED' }));
  });
});

describe('the macOS volume provider', () => {
  it('lists writable volumes: the stick first, the Data volume flagged system, the sealed / left out', async () => {
    const volumes = await new MacVolumeProvider(paths, sources()).list();
    expect(volumes).toEqual([
      { id: 'disk4s1', mountPoint: '/Volumes/USB STICK', label: 'USB STICK', fileSystem: 'fat32', rawFileSystem: 'msdos', totalBytes: 18_000, freeBytes: 18, removable: true, system: false },
      { id: 'disk3s5', mountPoint: '/System/Volumes/Data', label: 'Macintosh HD - Data', fileSystem: 'apfs', rawFileSystem: 'apfs', totalBytes: 20_000, freeBytes: 20, removable: false, system: true },
    ]);
  });

  it('finds a folder’s volume by device number, through firmlinks', async () => {
    const provider = new MacVolumeProvider(paths, sources());
    expect(await provider.forPath('/Volumes/USB STICK/FERRY')).toMatchObject({ id: 'disk4s1', system: false });
    expect(await provider.forPath('/Users/tech')).toMatchObject({ id: 'disk3s5', mountPoint: '/System/Volumes/Data', system: true });
    await expect(provider.forPath('/Volumes/Network/x')).rejects.toMatchObject({ code: 'MEDIA_UNDETECTED' });
  });

  it('reads the kind from FilesystemName when FilesystemType is missing, and a data dir on the stick makes it a system volume', async () => {
    const named = info('<key>FilesystemName</key><string>ExFAT</string><key>RemovableMedia</key><true/>');
    const provider = new MacVolumeProvider({ homeDir: '/Users/tech', dataDir: '/Volumes/USB STICK/FERRY' }, sources({ info: async () => named }));
    expect(await provider.forPath('/Volumes/USB STICK')).toMatchObject({ fileSystem: 'exfat', rawFileSystem: 'ExFAT', removable: true, system: true });
  });
});
