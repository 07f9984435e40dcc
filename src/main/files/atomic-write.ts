/** Writes a file so that readers see either the old or the whole new content, never a torn one. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';

/** Writes to a temp file beside `path`, fsyncs, then renames over it. */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new FerryError(code === 'ENOSPC' ? 'MEDIA_FULL' : 'OUTPUT_NOT_WRITABLE', `Cannot write ${path}: ${(error as Error).message}`, { path, cause: code });
  }
}
