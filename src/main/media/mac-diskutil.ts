/**
 * Parses `diskutil list -plist` and `diskutil info -plist <disk>` (macOS). Written without a Mac,
 * not from captured output. Apple's diskutil(8) documents both verbs and that `-plist` emits a
 * property list "instead of the normal user-readable output" for scripts to interpret
 * (https://keith.github.io/xcode-man-pages/diskutil.8.html, http://www.manpagez.com/man/8/diskutil/),
 * but it does not list the keys. The keys read here (AllDisksAndPartitions, Partitions,
 * APFSVolumes, DeviceIdentifier, MountPoint, VolumeName, FilesystemType, FilesystemName,
 * RemovableMedia, Removable, Ejectable, Internal, WritableVolume) are the ones diskutil's output
 * shows in public examples, e.g. https://pastebin.com/7MfKDYUU — so every key is optional, and
 * sizes are taken from statfs instead of diskutil's size keys.
 */
import { FerryError } from '../../shared/errors.ts';
import { parsePlist, type PlistValue } from './plist.ts';

/** A mounted disk or volume in `diskutil list`. */
export interface DiskutilMount {
  identifier: string;
  mountPoint: string;
}

/** What Ferry reads from `diskutil info`. */
export interface DiskutilInfo {
  identifier: string | null;
  mountPoint: string | null;
  volumeName: string | null;
  /** FilesystemType ('msdos', 'exfat', 'apfs', 'hfs', 'ntfs'), else FilesystemName; '' when neither. */
  fileSystem: string;
  removable: boolean;
  writable: boolean;
}

type Dict = { [key: string]: PlistValue };
const isDict = (value: PlistValue | undefined): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: PlistValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

function plistOf(output: string, verb: string): Dict {
  try {
    const root = parsePlist(output);
    if (isDict(root)) return root;
  } catch {
    // reported below, the same way as a root that is not a dict
  }
  throw new FerryError('MEDIA_UNDETECTED', `diskutil ${verb} printed no property list`, { command: 'diskutil', problem: 'not-plist' });
}

function collectMounts(entries: PlistValue | undefined, into: DiskutilMount[]): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    if (!isDict(entry)) continue;
    const identifier = str(entry['DeviceIdentifier']);
    const mountPoint = str(entry['MountPoint']);
    if (identifier && mountPoint?.startsWith('/')) into.push({ identifier, mountPoint });
    collectMounts(entry['Partitions'], into);
    collectMounts(entry['APFSVolumes'], into);
  }
}

/** Every mounted disk, partition and APFS volume in `diskutil list -plist`. */
export function parseDiskutilList(output: string): DiskutilMount[] {
  const mounts: DiskutilMount[] = [];
  collectMounts(plistOf(output, 'list')['AllDisksAndPartitions'], mounts);
  return mounts;
}

/** The facts Ferry needs from `diskutil info -plist`. */
export function parseDiskutilInfo(output: string): DiskutilInfo {
  const info = plistOf(output, 'info');
  return {
    identifier: str(info['DeviceIdentifier']),
    mountPoint: str(info['MountPoint']),
    volumeName: str(info['VolumeName']),
    fileSystem: str(info['FilesystemType']) ?? str(info['FilesystemName']) ?? '',
    // An external disk counts as removable: Ferry only asks "could this be the medium that travels?".
    removable: info['RemovableMedia'] === true || info['Removable'] === true || info['Ejectable'] === true || info['Internal'] === false,
    writable: info['WritableVolume'] !== false,
  };
}
