/**
 * Files that must appear whole or not at all, and only once, even when several processes create them
 * at the same moment or one is killed halfway (the database, the key file): each process prepares a
 * private temp file and publishes it with a hard link, which never replaces an existing name.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.new';

/** A new, empty temp file (mode 0600) beside `target`, named after this process. */
export function createPrivateTemp(target: string): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  closeSync(openSync(tmp, 'wx', 0o600));
  return tmp;
}

/** Flushes a file's content, then (where the OS allows) its folder's entry list. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open folders; some file systems refuse fsync on them. The data is written anyway.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Publishes `tmp` as `target` unless `target` exists; returns whether this call published it. The
 * temp name is removed either way.
 */
export function publishExclusive(tmp: string, target: string): boolean {
  try {
    fsyncPath(tmp);
    try {
      linkSync(tmp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // File systems without hard links (FAT, exFAT): a rename, checked first; the window is tiny.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (existsSync(target)) return false;
      renameSync(tmp, target);
    }
    fsyncPath(dirname(target));
    return true;
  } finally {
    removeTemp(tmp);
  }
}

/** Removes a temp file and the journal files SQLite may have left beside it. */
export function removeTemp(tmp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files for `target` that processes no longer running left behind (killed mid-way). */
export function removeStaleTemps(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{8}\.new(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length));
    if (match && Number(match[1]) !== process.pid && !running(Number(match[1]))) rmSync(join(dirname(target), name), { force: true });
  }
}
