/** Writes a file so that readers see either the old or the whole new content, never a torn one. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { fsyncPath } from '../store/exclusive-file.ts';

/**
 * Writes to a new temp file beside `path` (created exclusively, so a planted file or link under the
 * temp name is never followed or removed), fsyncs, renames over `path`, fsyncs the folder. The temp
 * file is removed on any failure. `mode` applies to a new file, less the process umask.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', mode);
    created = true;
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    created = false;
    // The folder's entry list too, so the rename survives a power cut or a pulled USB stick.
    fsyncPath(dirname(path));
  } catch (error) {
    if (created) rmSync(tmp, { force: true });
    // A full disk or quota is MEDIA_FULL here as in copy-verify; anything else is this output's problem.
    throw outputError(error, path);
  }
}

/**
 * Creates `path` exclusively and writes `data` to it, fsynced; false when the name exists already
 * (then nothing is touched). For new files on media that lack hard links (FAT, exFAT), where a
 * rename would replace a file another process just created under the same name.
 */
export function writeNewFile(path: string, data: string | Uint8Array, mode = 0o644): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw outputError(error, path);
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw outputError(error, path);
  }
  fsyncPath(dirname(path));
  return true;
}

function outputError(error: unknown, path: string): FerryError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FerryError(code === 'ENOSPC' || code === 'EDQUOT' ? 'MEDIA_FULL' : 'OUTPUT_NOT_WRITABLE', `Cannot write ${path}: ${(error as Error).message}`, { path, cause: code });
}

/** Writes `data` as `base + suffix`, or `base-2 + suffix`, …: the first name nobody has taken (never replaces a file). */
export function writeUnderFreeName(folder: string, base: string, suffix: string, data: string | Uint8Array, mode = 0o644): string {
  for (let n = 1; n < 1000; n += 1) {
    const path = join(folder, n === 1 ? `${base}${suffix}` : `${base}-${n}${suffix}`);
    if (writeNewFile(path, data, mode)) return path;
  }
  throw new FerryError('OUTPUT_NOT_WRITABLE', `${folder} holds 999 files named ${base} already`, { path: folder, reason: 'exists' });
}
