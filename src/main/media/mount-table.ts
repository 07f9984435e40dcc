/**
 * Linux's mount table (`/proc/self/mountinfo`, see proc(5)): the one source that also shows FUSE
 * mounts of image files (fusefat), which lsblk never lists. Pure parsing; the caller reads the file.
 */
import { isWithin } from '../files/output-path.ts';

/** One mount as the kernel describes it. */
export interface MountEntry {
  /** `major:minor` of the mounted device (`0:NN` for FUSE and other virtual file systems). */
  device: string;
  mountPoint: string;
  /** e.g. 'ext4', 'vfat', 'fuse.fusefat', 'fuseblk'. */
  fsType: string;
  /** e.g. '/dev/sdb1', '/dev/loop0', or a FUSE program's own word ('fusefat'). */
  source: string;
  readOnly: boolean;
}

// The kernel writes space, tab, newline and backslash in paths as octal escapes (\040 for a space).
const unescape = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

const hasOption = (options: string | undefined, name: string): boolean =>
  options !== undefined && options.split(',').includes(name);

/** The mounts in mountinfo text, in the kernel's order (later entries cover earlier ones). Malformed lines are skipped. */
export function parseMountInfo(text: string): MountEntry[] {
  const mounts: MountEntry[] = [];
  for (const line of text.split('\n')) {
    // id parent major:minor root mount-point options [optional fields…] - fstype source super-options
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-', 6);
    if (dash < 0 || fields.length < dash + 3) continue;
    const [, , device, , mountPoint, options] = fields;
    if (device === undefined || mountPoint === undefined || !mountPoint.startsWith('/')) continue;
    mounts.push({
      device,
      mountPoint: unescape(mountPoint),
      fsType: fields[dash + 1]!,
      source: unescape(fields[dash + 2]!),
      readOnly: hasOption(options, 'ro') || hasOption(fields[dash + 3], 'ro'),
    });
  }
  return mounts;
}

/** The mount a real (link-free, absolute) path lies on: the longest mount point above it; of equal ones the last. */
export function mountForPath(path: string, mounts: readonly MountEntry[]): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const mount of mounts) {
    if (!isWithin(path, mount.mountPoint)) continue;
    if (best === undefined || mount.mountPoint.length >= best.mountPoint.length) best = mount;
  }
  return best;
}

/** The mount that is visible at `mountPoint` (the last mounted there), if any. */
export function mountAt(mountPoint: string, mounts: readonly MountEntry[]): MountEntry | undefined {
  return mounts.findLast((mount) => mount.mountPoint === mountPoint);
}
