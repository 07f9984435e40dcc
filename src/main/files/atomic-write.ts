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
    const code = (error as NodeJS.ErrnoException).code;
    // A full disk or quota is MEDIA_FULL here as in copy-verify; anything else is this output's problem.
    throw new FerryError(code === 'ENOSPC' || code === 'EDQUOT' ? 'MEDIA_FULL' : 'OUTPUT_NOT_WRITABLE', `Cannot write ${path}: ${(error as Error).message}`, { path, cause: code });
  }
}
