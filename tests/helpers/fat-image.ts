/**
 * Real FAT32 and exFAT media for tests: an image file in a temp folder, formatted and mounted
 * through FUSE (no kernel driver needed), unmounted and removed afterwards. Where the tools or
 * /dev/fuse are missing the helpers say so (`available: false` and why) so a test can skip with
 * that message. `.ci/run` installs the tools (fusefat dosfstools exfat-fuse exfatprogs).
 *
 * What these mounts do (fusefat 0.1a, exfat-fuse 1.3.0, Debian 12), beyond real FAT32 sticks:
 * - fusefat never reports EFBIG. A write past the end fills the gap with zeros first; when that
 *   would take the file to 4 GiB it fails with EPERM (having stopped at 4 GiB − 64 KiB), and a
 *   plain sequential write already fails with EPERM at 2 GiB. Keep files well under 2 GiB here.
 *   Extending a file with ftruncate is silently ignored (the size stays).
 * - fusefat reports space in 1 KiB units rounded down, so clusters of 512 bytes show 0 blocks
 *   (statfs-space.ts copes); the default here is 4 KiB clusters, as on real sticks.
 * - fusefat shows the volume label as an empty file in the root and stores dates a month off.
 * - exfat-fuse run as root needs a block device: the image goes on a loop device (`losetup`).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether this machine can make such a medium, and if not, why. */
export type MediaSupport = { available: true } | { available: false; reason: string };

/** A mounted image. */
export interface MountedImage {
  mountPoint: string;
  image: string;
  /** The loop device (exFAT), or null (fusefat reads the image file itself). */
  device: string | null;
}

/** What `withFatImage` / `withExfatImage` returned: `fn`'s value, or why no medium could be made. */
export type ImageResult<T> = { available: true; value: T } | { available: false; reason: string };

const SEARCH = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];

/** Where a tool is installed (also in the sbin folders a user's PATH lacks), or null. */
export function findTool(name: string): string | null {
  return SEARCH.filter((dir) => dir !== '').map((dir) => join(dir, name)).find((path) => existsSync(path)) ?? null;
}

function missing(tools: string[], devices: string[], root: boolean): MediaSupport {
  const absent = tools.filter((tool) => findTool(tool) === null);
  if (absent.length > 0) return { available: false, reason: `not installed: ${absent.join(', ')} (apt-get install fusefat dosfstools exfat-fuse exfatprogs)` };
  for (const device of devices) {
    try {
      accessSync(device, constants.R_OK | constants.W_OK);
    } catch {
      return { available: false, reason: `${device} is missing or not usable here` };
    }
  }
  if (root && process.getuid?.() !== 0) return { available: false, reason: 'loop devices need root' };
  return { available: true };
}

/** Whether `withFatImage` can run here. */
export function fatImageSupport(): MediaSupport {
  return missing(['mkfs.vfat', 'fsck.fat', 'fusefat'], ['/dev/fuse'], false);
}

/** Whether `withExfatImage` can run here. */
export function exfatImageSupport(): MediaSupport {
  return missing(['mkfs.exfat', 'mount.exfat-fuse', 'losetup'], ['/dev/fuse', '/dev/loop-control'], true);
}

/** Runs a tool; its output goes to a file because FUSE daemons keep their inherited stdout open. */
function run(dir: string, tool: string, args: string[]): string {
  const log = join(dir, 'tool.log');
  const fd = openSync(log, 'w');
  try {
    const result = spawnSync(findTool(tool) ?? tool, args, { stdio: ['ignore', fd, fd], timeout: 60_000 });
    const output = readFileSync(log, 'utf8');
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`);
    return output.trim();
  } finally {
    closeSync(fd);
  }
}

const isMounted = (mountPoint: string): boolean =>
  readFileSync('/proc/self/mountinfo', 'utf8').split('\n').some((line) => line.split(' ')[4] === mountPoint.replace(/ /g, '\\040'));

async function unmount(dir: string, mountPoint: string): Promise<void> {
  const tool = findTool('fusermount') ? 'fusermount' : findTool('fusermount3') ? 'fusermount3' : 'umount';
  for (let attempt = 0; isMounted(mountPoint); attempt++) {
    try {
      run(dir, tool, tool === 'umount' ? [mountPoint] : ['-u', mountPoint]);
    } catch (error) {
      // Busy for a moment after the last file closed: try again, then give up loudly.
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withImage<T>(support: MediaSupport, sizeMiB: number, mount: (dir: string, image: string, mountPoint: string) => string | null,
  fn: (image: MountedImage) => Promise<T> | T): Promise<ImageResult<T>> {
  if (!support.available) return support;
  const dir = mkdtempSync(join(tmpdir(), 'ferry-media-'));
  const image = join(dir, 'medium.img');
  // A space in the mount point, as under /media/<user>/<LABEL> on desktops, keeps the parsers honest.
  const mountPoint = join(dir, 'USB STICK');
  mkdirSync(mountPoint);
  let device: string | null = null;
  try {
    // Sparse: the image takes disk space only as it is written.
    writeFileSync(image, '');
    truncateSync(image, sizeMiB * 1024 * 1024);
    device = mount(dir, image, mountPoint);
    if (!isMounted(mountPoint)) throw new Error(`${mountPoint} did not appear in the mount table`);
    return { available: true, value: await fn({ mountPoint, image, device }) };
  } finally {
    await unmount(dir, mountPoint);
    if (device !== null) run(dir, 'losetup', ['-d', device]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` with a fresh FAT32 image of `sizeMiB` mounted read-write by fusefat (default 4 KiB clusters). */
export function withFatImage<T>(sizeMiB: number, fn: (image: MountedImage) => Promise<T> | T, options: { clusterBytes?: number } = {}): Promise<ImageResult<T>> {
  return withImage(fatImageSupport(), sizeMiB, (dir, image, mountPoint) => {
    run(dir, 'mkfs.vfat', ['-F', '32', '-S', '512', '-s', String((options.clusterBytes ?? 4096) / 512), '-n', 'FERRYTEST', image]);
    run(dir, 'fusefat', ['-o', 'rw+', image, mountPoint]);
    return null;
  }, fn);
}

/** Runs `fn` with a fresh exFAT image of `sizeMiB` on a loop device, mounted by exfat-fuse. */
export function withExfatImage<T>(sizeMiB: number, fn: (image: MountedImage) => Promise<T> | T): Promise<ImageResult<T>> {
  return withImage(exfatImageSupport(), sizeMiB, (dir, image, mountPoint) => {
    run(dir, 'mkfs.exfat', ['-L', 'FERRYTEST', image]);
    const device = run(dir, 'losetup', ['-f', '--show', image]);
    try {
      run(dir, 'mount.exfat-fuse', [device, mountPoint]);
    } catch (error) {
      run(dir, 'losetup', ['-d', device]);
      throw error;
    }
    return device;
  }, fn);
}
