/**
 * Reading a file in ~1 MiB chunks with one read ahead, so the next chunk arrives from the disk while
 * the caller hashes (and writes) the current one. Runs on the job worker; never holds a whole file.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FerryError } from '../../shared/errors.ts';

/** Size of each read: large enough for USB throughput, small enough for prompt cancel. */
export const CHUNK_BYTES = 1024 * 1024;

/** An open source file and the size it had when opened. */
export interface Source {
  file: FileHandle;
  size: number;
}

/** A read failure as Ferry reports it: the file is missing or unreadable. */
export function readError(error: unknown, path: string): FerryError {
  if (error instanceof FerryError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path}: ${(error as Error).message}`;
  return new FerryError('FILE_MISSING', message, { path, ...(code ? { cause: code } : {}) });
}

/** JOB_CANCELLED, the error a job ends with when its signal aborts. */
export function cancelled(): FerryError {
  return new FerryError('JOB_CANCELLED', 'Cancelled');
}

/** Opens a regular file for reading; a device or FIFO (which never ends) is INPUT_NOT_A_FILE. */
export async function openSource(path: string): Promise<Source> {
  let file: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not hang before we can see it is not a regular file.
    file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readError(error, path);
  }
  const st = await file.stat();
  if (!st.isFile()) {
    await file.close();
    throw new FerryError('INPUT_NOT_A_FILE', `${path} is not a regular file`, { path });
  }
  return { file, size: st.size };
}

/** How many buffers the reader cycles through (see `readChunks`). */
const RING = 4;

/**
 * Yields the file's chunks in order; stops with JOB_CANCELLED as soon as `signal` aborts. Chunks are
 * views into a ring of RING buffers, reused so that gigabytes do not mean a fresh megabyte (and its
 * page faults) per read: a chunk stays valid while the next RING − 2 are read, so a consumer may keep
 * one write in flight, not more.
 */
export async function* readChunks(source: Source, path: string, signal: AbortSignal): AsyncGenerator<Buffer> {
  const ring = Array.from({ length: RING }, () => Buffer.allocUnsafe(CHUNK_BYTES));
  let turn = 0;
  const readNext = async (): Promise<Buffer | null> => {
    const buffer = ring[turn++ % RING]!;
    try {
      const { bytesRead } = await source.file.read(buffer, 0, CHUNK_BYTES, null);
      return bytesRead === 0 ? null : buffer.subarray(0, bytesRead);
    } catch (error) {
      throw readError(error, path);
    }
  };
  let next = readNext();
  // The read ahead may fail while nobody awaits it yet; it is awaited (and rethrown) below.
  next.catch(() => undefined);
  try {
    for (;;) {
      const chunk = await next;
      if (chunk === null) return;
      if (signal.aborted) throw cancelled();
      next = readNext();
      next.catch(() => undefined);
      yield chunk;
    }
  } finally {
    // Let a read still in flight finish before the caller closes the file under it.
    await next.catch(() => undefined);
  }
}
