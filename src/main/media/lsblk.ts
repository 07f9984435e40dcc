/**
 * Parses `lsblk --json --bytes -o …` (util-linux ≥ 2.27) into one record per mounted block device.
 * Tolerant of what older versions print: `mountpoint` (one string) instead of `mountpoints`
 * (an array, 2.37+), every value as a string (before 2.33), and missing columns (PATH, FSAVAIL and
 * FSSIZE are 2.33+). Captured outputs of this machine are in tests/fixtures/media/.
 */
import { FerryError } from '../../shared/errors.ts';

/** One mount of a block device, as lsblk reports it. */
export interface LsblkMount {
  /** The device path, e.g. '/dev/sdb1'. */
  device: string;
  mountPoint: string;
  /** null where lsblk could not tell (no udev database, as in containers). */
  fsType: string | null;
  label: string | null;
  /** Removable medium, hot-plugged device or USB transport, of the device or the disk it is part of. */
  removable: boolean;
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const flag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

function mountPointsOf(row: Row): string[] {
  const all = Array.isArray(row['mountpoints']) ? row['mountpoints'] : [row['mountpoint']];
  // '[SWAP]' is how lsblk shows swap; only absolute paths are mounts.
  return all.filter((point): point is string => typeof point === 'string' && point.startsWith('/'));
}

function collect(rows: unknown, parentRemovable: boolean, into: LsblkMount[]): void {
  if (!Array.isArray(rows)) return;
  for (const row of rows as Row[]) {
    if (row === null || typeof row !== 'object') continue;
    const removable = parentRemovable || flag(row['rm']) || flag(row['hotplug']) || row['tran'] === 'usb';
    const name = text(row['name']);
    const device = text(row['path']) ?? (name === null ? null : name.startsWith('/') ? name : `/dev/${name}`);
    if (device !== null) {
      for (const mountPoint of mountPointsOf(row)) {
        into.push({ device, mountPoint, fsType: text(row['fstype']), label: text(row['label']), removable });
      }
    }
    collect(row['children'], removable, into);
  }
}

/** Every mounted block device in lsblk's JSON; MEDIA_UNDETECTED when the text is not lsblk's JSON. */
export function parseLsblk(output: string): LsblkMount[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    throw new FerryError('MEDIA_UNDETECTED', 'lsblk printed something other than JSON', { command: 'lsblk', problem: 'not-json' });
  }
  const devices = (parsed as Row | null)?.['blockdevices'];
  if (!Array.isArray(devices)) {
    throw new FerryError('MEDIA_UNDETECTED', 'lsblk printed no list of block devices', { command: 'lsblk', problem: 'no-blockdevices' });
  }
  const mounts: LsblkMount[] = [];
  collect(devices, false, mounts);
  return mounts;
}

/**
 * The arguments Ferry runs lsblk with, newest first: a version that says "unknown column" gets the
 * next. The second set has no MOUNTPOINTS (2.37+) and no PATH, FSAVAIL, FSSIZE (2.33+); `--paths`
 * makes NAME the device path there. Sizes are not taken from lsblk: Ferry asks statfs, the same
 * source lsblk's FSAVAIL uses, so `list()` and `forPath()` agree.
 */
export const LSBLK_ARGS = [
  ['--json', '--bytes', '-o', 'NAME,PATH,MOUNTPOINTS,FSTYPE,RM,HOTPLUG,SIZE,FSAVAIL,FSSIZE,LABEL,TRAN,TYPE'],
  ['--json', '--bytes', '--paths', '-o', 'NAME,MOUNTPOINT,FSTYPE,RM,HOTPLUG,SIZE,LABEL,TRAN,TYPE'],
] as const;
