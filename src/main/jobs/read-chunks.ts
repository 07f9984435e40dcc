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

/**
 * How many buffers the reader cycles through (see `readChunks`): the one being hashed, the read
 * ahead, and room for the writes a consumer keeps in flight (chunk-writer.ts keeps two).
 */
const RING = 8;

/**
 * The alignment of what goes to the device directly: memory, file offset and length. Direct I/O asks
 * for the logical block size (at most 4 KiB); this is the largest page size Linux runs with (arm64:
 * 64 KiB), so a direct range never shares a page of the page cache with an ordinary write.
 */
export const ALIGN = 64 * 1024;

/** Memory known to start at a page boundary (WebAssembly memory is allocated in whole pages). */
const alignedMemory = new WeakSet<ArrayBufferLike>();

/**
 * `count` buffers of `size` bytes (a multiple of ALIGN) that start at page boundaries where the
 * runtime allows it, so a chunk can be written with direct I/O without a copy. Where WebAssembly is
 * unavailable they are ordinary buffers, which `isAligned` then never vouches for.
 */
export function alignedBuffers(count: number, size: number): Buffer[] {
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((count * size) / 65536) });
    alignedMemory.add(memory.buffer);
    return Array.from({ length: count }, (_, i) => Buffer.from(memory.buffer, i * size, size));
  } catch {
    return Array.from({ length: count }, () => Buffer.allocUnsafeSlow(size));
  }
}

/** Whether `chunk` starts at an ALIGN boundary of memory from `alignedBuffers` and spans whole blocks. */
export function isAligned(chunk: Buffer): boolean {
  return alignedMemory.has(chunk.buffer) && chunk.byteOffset % ALIGN === 0 && chunk.length % ALIGN === 0;
}

/**
 * Yields the file's chunks in order; stops with JOB_CANCELLED as soon as `signal` aborts. Chunks are
 * views into a ring of RING page-aligned buffers, reused so that gigabytes do not mean a fresh
 * megabyte (and its page faults) per read: chunk k's buffer is read into again for chunk k + RING,
 * which starts when the consumer asks for chunk k + RING − 1, so a consumer may keep writing the last
 * RING − 2 chunks it was given (the last ones, not any RING − 2: see chunk-writer.ts).
 */
export async function* readChunks(source: Source, path: string, signal: AbortSignal): AsyncGenerator<Buffer> {
  const ring = alignedBuffers(RING, CHUNK_BYTES);
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
