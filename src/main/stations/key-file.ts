/**
 * The file key of a data directory (`secret.key`, 32 random bytes, mode 0600): reading it safely and
 * describing it as it really is. Like ssh, a key file that is a link or that group or others may use
 * is refused (SECRET_KEY_EXPOSED); anything but a regular file of 32 bytes is SECRET_KEY_DAMAGED.
 * It is opened without blocking, so a FIFO or device put in its place cannot stall Ferry.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { createPrivateTemp, publishExclusive, removeStaleTemps, removeTemp } from '../store/exclusive-file.ts';

/** The key's length in bytes (AES-256). */
export const KEY_BYTES = 32;
// Windows has no POSIX modes: the data directory under %APPDATA% is protected by its ACL.
const CHECK_MODES = process.platform !== 'win32';
const RESTORE = 'restore secret.key from a backup of this data directory';

/** What is at the key file's path; null when nothing is. */
export type KeyFileKind = 'file' | 'link' | 'folder' | 'FIFO' | 'socket' | 'device';

function kindOf(stat: Stats): KeyFileKind {
  if (stat.isFile()) return 'file';
  if (stat.isSymbolicLink()) return 'link';
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'FIFO';
  return stat.isSocket() ? 'socket' : 'device';
}

const modeText = (stat: Stats) => (stat.mode & 0o7777).toString(8).padStart(4, '0');
const isExposed = (stat: Stats) => CHECK_MODES && (stat.mode & 0o077) !== 0;

// The code's next step already says "restore it from a backup".
const damaged = (path: string, why: string, reason: string) =>
  new FerryError('SECRET_KEY_DAMAGED', `The key file ${path} ${why}`, { path, reason });
const exposed = (path: string, why: string) =>
  new FerryError('SECRET_KEY_EXPOSED', `The key file ${path} ${why}. Fix: chmod 600 ${path}`, { path, fix: `chmod 600 ${path}` });

/** Where the file key of a data directory lives. */
export function fileKeyPath(dataDir: string): string {
  return join(dataDir, 'secret.key');
}

/** The key file as `station show` reports it: what it is, its real mode, and whether Ferry refuses it. */
export function describeKeyFile(path: string): { path: string; kind: KeyFileKind | null; mode: string | null; size: number | null; exposed: boolean } {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return { path, kind: null, mode: null, size: null, exposed: false };
  }
  const kind = kindOf(stat);
  // "link" as the mode too: callers that only look at the mode must not print a link's 0777.
  const mode = kind === 'link' ? 'link' : modeText(stat);
  return { path, kind, mode, size: kind === 'file' ? stat.size : null, exposed: kind === 'link' || (kind === 'file' && isExposed(stat)) };
}

/** The key storage line of `station show` for a file key: the file as it is, and the fix if Ferry refuses it. */
export function keyFileText(path: string): string {
  const key = describeKeyFile(path);
  const shown = escapeForTerminal(path);
  const state = key.kind === null ? 'MISSING: the station key cannot be opened'
    : key.kind === 'link' ? 'a LINK: refused; replace it with the file itself, mode 600'
      : key.kind !== 'file' ? `a ${key.kind}, not a regular file: refused; ${RESTORE}`
        : key.exposed ? `mode ${key.mode}: others may use it, refused until: chmod 600 ${shown}`
          : key.size !== KEY_BYTES ? `mode ${key.mode}, ${key.size} bytes instead of ${KEY_BYTES}: damaged, refused; ${RESTORE}`
            : `mode ${key.mode}`;
  return `file key ${shown} (${state})`;
}

function openKeyFile(path: string): number {
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it would, forever, under the write lock).
    return openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') {
      throw new FerryError('SECRET_KEY_EXPOSED', `The key file ${path} is a link. Fix: replace the link with the file itself (mode 600)`, { path });
    }
    if (code === 'ENOENT') throw damaged(path, 'is missing: the station key cannot be opened without it', 'missing');
    const kind = describeKeyFile(path).kind;
    if (kind !== null && kind !== 'file') throw damaged(path, `is a ${kind}, not a regular file`, 'not-a-file');
    throw new FerryError('SECRET_UNAVAILABLE', `Cannot read the key file ${path}: ${code ?? (error as Error).message}`, { path });
  }
}

/** Reads the key, refusing a link, anything but a regular file of 32 bytes, and a file others may use. */
export function readKeyFile(path: string): Buffer {
  const fd = openKeyFile(path);
  try {
    const stat = fstatSync(fd);
    const kind = kindOf(stat);
    if (kind !== 'file') throw damaged(path, `is a ${kind}, not a regular file`, 'not-a-file');
    if (isExposed(stat)) throw exposed(path, `has mode ${modeText(stat)}: others may read or change it`);
    const key = Buffer.alloc(KEY_BYTES + 1);
    const n = stat.size === KEY_BYTES ? readSync(fd, key, 0, key.length, 0) : stat.size;
    if (n !== KEY_BYTES) throw damaged(path, `holds ${n} bytes instead of ${KEY_BYTES}`, 'length');
    return key.subarray(0, KEY_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** Creates the key file whole or not at all; a key another process created first wins. */
export function createKeyFile(path: string): void {
  removeStaleTemps(path);
  const tmp = createPrivateTemp(path);
  try {
    const fd = openSync(tmp, 'r+');
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
    publishExclusive(tmp, path);
  } finally {
    removeTemp(tmp);
  }
}
