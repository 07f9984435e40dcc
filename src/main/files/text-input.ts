/**
 * The one reader for files that come from outside (catalogs, requests, PEM keys, CSV exports, certificates):
 * refuses anything but a regular file (a device or FIFO passes `stat` size checks and never ends),
 * and stops reading at its limit instead of trusting the size `stat` reported.
 */
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { FerryError } from '../../shared/errors.ts';

/** Limits per kind of input: generous for real files, small enough never to exhaust memory. */
export const INPUT_LIMITS = {
  catalog: 16 * 1024 * 1024,
  request: 4 * 1024 * 1024,
  manifest: 16 * 1024 * 1024,
  key: 64 * 1024,
  csv: 64 * 1024 * 1024,
  export: 256 * 1024 * 1024,
  /** Certificates, keys, PKCS#7 and PKCS#12 files (binary or PEM): a long chain is a few KiB. */
  cert: 1024 * 1024,
} as const;

/** What an input is, for its limit and for messages. */
export type InputKind = keyof typeof INPUT_LIMITS;

const CHUNK = 64 * 1024;

/** Reads `path` as UTF-8 text: INPUT_NOT_A_FILE, INPUT_TOO_LARGE or FILE_MISSING on failure. */
export function readTextInput(path: string, kind: InputKind, maxBytes: number = INPUT_LIMITS[kind]): string {
  return readInputBytes(path, kind, maxBytes).toString('utf8');
}

/** Reads `path` as bytes, by the same rules as `readTextInput`. */
export function readInputBytes(path: string, kind: InputKind, maxBytes: number = INPUT_LIMITS[kind]): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not hang before we can see it is not a regular file.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new FerryError('INPUT_NOT_A_FILE', `${path} is a folder, not a ${kind} file`, { path, kind });
    throw new FerryError('FILE_MISSING', `Cannot read ${path}: ${code ?? (error as Error).message}`, { path, kind, cause: code });
  }
  try {
    if (!fstatSync(fd).isFile()) throw new FerryError('INPUT_NOT_A_FILE', `${path} is not a regular file`, { path, kind });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new FerryError('FILE_MISSING', `Cannot read ${path}: ${code ?? (error as Error).message}`, { path, kind, cause: code });
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        throw new FerryError('INPUT_TOO_LARGE', `${path} is larger than ${maxBytes} bytes, the limit for a ${kind} file`, { path, kind, limit: maxBytes });
      }
      chunks.push(buffer.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
