/**
 * Writes a file's chunks in order, up to IN_FLIGHT at once so the next read and hash overlap them.
 *
 * Where the file system takes it (Linux, `O_DIRECT`), whole aligned blocks go straight to the device
 * through a second handle on the same file: no copy into the page cache, no gigabyte of dirty pages
 * for the final fsync to wait for, and progress that follows the medium rather than memory (a USB
 * stick no longer sits at 100 % for minutes). Everything else — a short tail, a file system that
 * refuses direct I/O, memory that is not aligned — is written the ordinary way, with a background
 * flush every SYNC_EVERY bytes. Either way the caller fsyncs the file before it counts as written.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { writeAll, writeError } from './copy-verify.ts';
import { ALIGN, isAligned } from './read-chunks.ts';

/**
 * Writes kept in flight at once: at most the last IN_FLIGHT chunks, in order (writes finish out of
 * order, so a count alone would let an old chunk's buffer be read into again; readChunks' ring
 * leaves room for this window and more). Two writes and the read ahead take three of libuv's four
 * threads, which the whole process shares: one stays free for the rest of the app while a slow
 * stick blocks its writes. Three measured no faster (bench/README.md).
 */
export const IN_FLIGHT = 2;

/** Bytes written the ordinary way between two background flushes. */
export const SYNC_EVERY = 32 * 1024 * 1024;

/**
 * A second handle on `file` with `O_DIRECT`, or null where the platform or file system refuses it.
 * Opened through /proc/self/fd, not by its path, so nothing put in the file's place (a FIFO that
 * would block the open) can be opened instead.
 */
async function openDirect(file: FileHandle): Promise<FileHandle | null> {
  const flag = constants.O_DIRECT;
  if (process.platform !== 'linux' || flag === undefined) return null;
  let direct: FileHandle | null = null;
  try {
    direct = await open(`/proc/self/fd/${file.fd}`, constants.O_WRONLY | constants.O_NONBLOCK | flag);
    const [a, b] = await Promise.all([file.stat(), direct.stat()]);
    if (a.dev === b.dev && a.ino === b.ino) return direct;
  } catch {
    // tmpfs, some FUSE file systems, …: the ordinary way.
  }
  await direct?.close().catch(() => undefined);
  return null;
}

/** See the module comment; `path` is the file `file` was opened as (named in errors). */
export class ChunkWriter {
  private readonly file: FileHandle;
  private readonly path: string;
  private direct: FileHandle | null;
  /** Set once the file system refused an aligned direct write: the rest goes the ordinary way. */
  private directRefused = false;
  private position = 0;
  /** The running writes, oldest first. */
  private readonly inFlight: Promise<void>[] = [];
  private failure: Error | null = null;
  private flushing: Promise<void> | null = null;
  private unflushed = 0;
  /** Bytes that went to the device directly (for tests and diagnostics). */
  directBytes = 0;

  private constructor(file: FileHandle, path: string, direct: FileHandle | null) {
    this.file = file;
    this.path = path;
    this.direct = direct;
  }

  /** A writer for `file`, just created (as `path`, named in errors) and still empty. */
  static async open(file: FileHandle, path: string): Promise<ChunkWriter> {
    return new ChunkWriter(file, path, await openDirect(file));
  }

  /**
   * Waits until the write of the chunk IN_FLIGHT calls back has finished (and every one before it),
   * then starts writing `chunk` after the previous ones. The chunk must stay unchanged until the
   * call IN_FLIGHT later returns (readChunks' ring keeps it so). Throws the first failure of an
   * earlier write.
   */
  async write(chunk: Buffer): Promise<void> {
    this.throwFailure();
    while (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    this.throwFailure();
    const position = this.position;
    this.position += chunk.length;
    this.inFlight.push(this.writeAt(chunk, position).catch((error: unknown) => { this.failure ??= writeError(error, this.path); }));
  }

  /** Waits for every write and flush, closes the direct handle, and rethrows the first failure. */
  async finish(): Promise<void> {
    await this.settle();
    this.throwFailure();
  }

  /** Like `finish` but never throws: for the way out after another error. */
  async abandon(): Promise<void> {
    await this.settle();
  }

  private async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
    await this.flushing;
    await this.direct?.close().catch(() => undefined);
    this.direct = null;
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }

  private async writeAt(chunk: Buffer, position: number): Promise<void> {
    let rest = chunk;
    let at = position;
    if (this.direct && !this.directRefused && position % ALIGN === 0 && isAligned(chunk)) {
      try {
        const { bytesWritten } = await this.direct.write(chunk, 0, chunk.length, position);
        this.directBytes += bytesWritten;
        if (bytesWritten === chunk.length) return;
        // A short direct write (a nearly full medium): the ordinary way writes the rest or says why not.
        rest = chunk.subarray(bytesWritten);
        at = position + bytesWritten;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
        this.directRefused = true;
      }
    }
    await writeAll(this.file, rest, at);
    this.unflushed += rest.length;
    if (this.unflushed >= SYNC_EVERY && this.flushing === null) {
      this.unflushed = 0;
      this.flushing = this.file.datasync().then(
        () => { this.flushing = null; },
        (error: unknown) => { this.flushing = null; this.failure ??= writeError(error, this.path); },
      );
    }
  }
}
