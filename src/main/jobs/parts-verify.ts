/**
 * Reads a package from a bundle — one file, or the parts it was split into — exactly once, checking
 * each part's size and SHA-256 and the whole file's, and (for an import) writing the joined bytes to
 * a temp file in the staging folder that takes its name only when everything matched. What lands is
 * exactly what was hashed: a file swapped on the stick after a check cannot slip in. Runs on the job
 * worker.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { syncFolder, writeError } from './copy-verify.ts';
import { ChunkWriter } from './chunk-writer.ts';
import type { ProgressSink } from './hash-file.ts';
import { cancelled, openSource, readChunks } from './read-chunks.ts';

/** One piece to read: its path on disk, the name the manifest gives it, and what it must be. */
export interface PartSource {
  path: string;
  file: string;
  size: number;
  sha256: string;
  /** A part of a split file (missing: PART_MISSING) rather than the whole file (FILE_MISSING). */
  isPart: boolean;
}

/** A package to check (and, with `output`, to join into `output.dir/output.name`). */
export interface PartsTask {
  sources: PartSource[];
  /** The whole file as the manifest names it. */
  expected: { file: string; size: number; sha256: string };
  output?: { dir: string; name: string; temp: string };
}

/** What was read: the whole file's hash and size (equal to the expected ones, or the task failed). */
export interface PartsResult {
  sha256: string;
  size: number;
}

/** Reads every source in order; see the module comment. */
export async function verifyParts(task: PartsTask, signal: AbortSignal, progress: ProgressSink<'verifying' | 'syncing'>): Promise<PartsResult> {
  const output = task.output;
  let out: FileHandle | null = null;
  let writer: ChunkWriter | null = null;
  let created = false;
  try {
    if (output) {
      out = await open(output.temp, 'wx', 0o600).catch((error: unknown) => { throw writeError(error, output.dir); });
      created = true;
      writer = await ChunkWriter.open(out, output.temp);
    }
    const whole = createHash('sha256');
    let done = 0;
    progress('verifying', 0, task.expected.size);
    for (const source of task.sources) {
      done = await readSource(source, whole, writer, signal, (n) => progress('verifying', done + n, task.expected.size));
    }
    await writer?.finish();
    const sha256 = whole.digest('hex');
    if (done !== task.expected.size) throw sizeMismatch(task.expected.file, task.expected.size, done);
    if (sha256 !== task.expected.sha256) throw hashMismatch(task.expected.file, task.expected.sha256, sha256);
    if (out && output) {
      progress('syncing', 0, done);
      await out.sync().catch((error: unknown) => { throw writeError(error, output.temp); });
      await out.close();
      out = null;
      if (signal.aborted) throw cancelled();
      await rename(output.temp, join(output.dir, output.name)).catch((error: unknown) => { throw writeError(error, output.dir); });
      await syncFolder(output.dir);
      progress('syncing', done, done);
    }
    return { sha256, size: done };
  } catch (error) {
    await writer?.abandon();
    await out?.close().catch(() => undefined);
    if (created && output) await rm(output.temp, { force: true });
    throw error;
  }

  /** Reads one source into the whole hash (and the output); returns the running byte count. */
  async function readSource(source: PartSource, whole: Hash, writer: ChunkWriter | null, abort: AbortSignal, onBytes: (n: number) => void): Promise<number> {
    const opened = await openSource(source.path).catch((error: unknown) => { throw missing(source, error); });
    // A file that was not split is its own only part: one hash serves both checks (half the work).
    const alone = task.sources.length === 1 && source.sha256 === task.expected.sha256 && source.size === task.expected.size;
    const own = alone ? null : createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of readChunks(opened, source.path, abort)) {
        size += chunk.length;
        // Endless or swapped data: stop at the first byte beyond what the manifest promised.
        if (size > source.size) throw sizeMismatch(source.file, source.size, size, true);
        own?.update(chunk);
        whole.update(chunk);
        await writer?.write(chunk);
        onBytes(size);
      }
    } finally {
      await opened.file.close();
    }
    if (size !== source.size) throw sizeMismatch(source.file, source.size, size);
    if (own) {
      const sha256 = own.digest('hex');
      if (sha256 !== source.sha256) throw hashMismatch(source.file, source.sha256, sha256);
    }
    return doneBefore(source) + size;
  }

  function doneBefore(source: PartSource): number {
    let sum = 0;
    for (const s of task.sources) {
      if (s === source) return sum;
      sum += s.size;
    }
    return sum;
  }
}

function missing(source: PartSource, error: unknown): Error {
  if (error instanceof FerryError && error.code === 'FILE_MISSING' && source.isPart) {
    return new FerryError('PART_MISSING', `Part ${source.file} is missing`, { file: source.file, verification: true });
  }
  if (error instanceof FerryError && error.code === 'FILE_MISSING') {
    return new FerryError('FILE_MISSING', `${source.file} is missing from the bundle`, { file: source.file, verification: true });
  }
  return error as Error;
}

function sizeMismatch(file: string, expected: number, actual: number, atLeast = false): FerryError {
  return new FerryError('FILE_SIZE_MISMATCH', `${file} has ${atLeast ? 'at least ' : ''}${actual} bytes, the manifest says ${expected}`, { file, expected, actual });
}

function hashMismatch(file: string, expected: string, actual: string): FerryError {
  return new FerryError('FILE_HASH_MISMATCH', `${file} has SHA-256 ${actual}, the manifest says ${expected}`, { file, expected, actual });
}
