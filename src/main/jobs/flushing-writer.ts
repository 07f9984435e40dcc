/**
 * Writes chunks to a file with one write in flight (it overlaps the next read and hash) and starts a
 * background flush every SYNC_EVERY bytes, so the disk writes while we hash instead of leaving a
 * gigabyte of dirty pages for the final fsync to wait for.
 */
import type { FileHandle } from 'node:fs/promises';
import { writeAll, writeError } from './copy-verify.ts';

/** Bytes written between two background flushes. */
export const SYNC_EVERY = 32 * 1024 * 1024;

/** See the module comment; `path` names the file in errors. */
export class FlushingWriter {
  private readonly file: FileHandle;
  private readonly path: string;
  private pending: Promise<void> = Promise.resolve();
  private flushing: Promise<void> | null = null;
  private unflushed = 0;

  constructor(file: FileHandle, path: string) {
    this.file = file;
    this.path = path;
  }

  /**
   * Waits for the previous write, then starts writing `chunk`. The chunk must stay unchanged until
   * the next call (read-chunks.ts keeps a ring of buffers for that).
   */
  async write(chunk: Buffer): Promise<void> {
    await this.pending;
    this.pending = writeAll(this.file, chunk).catch((error: unknown) => { throw writeError(error, this.path); });
    this.pending.catch(() => undefined);
    this.unflushed += chunk.length;
    if (this.unflushed >= SYNC_EVERY && this.flushing === null) {
      this.unflushed = 0;
      this.flushing = this.file.datasync().then(() => { this.flushing = null; }, (error: unknown) => { throw writeError(error, this.path); });
      this.flushing.catch(() => undefined);
    }
  }

  /** Waits for the last write and flush; rethrows their failure. */
  async drain(): Promise<void> {
    await this.pending;
    await this.flushing;
  }
}
