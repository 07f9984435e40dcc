/**
 * Copies a file into a folder while hashing it, so slow media are read once and what lands is
 * exactly what was hashed. The bytes go to a temp file in the destination folder, are fsynced, and
 * take their name by rename only when complete and (if expected values are given) verified; on
 * cancel or any error the temp file is removed. Runs on the job worker.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { ProgressSink } from './hash-file.ts';
import { ChunkWriter } from './chunk-writer.ts';
import { cancelled, openSource, readChunks, type Source } from './read-chunks.ts';

/** What to copy where; `expected` values (from a signed manifest) are checked before the rename. */
export interface CopyVerifyTask {
  source: string;
  dir: string;
  name: string;
  /** The temp file in `dir`, chosen by the caller so it can clean up even if the worker dies. */
  temp: string;
  expected?: { size?: number; sha256?: string };
  mode?: number;
}

/** What was copied: the hash of the bytes written and their count. */
export interface CopyVerifyResult {
  sha256: string;
  size: number;
  name: string;
}

/** A fresh temp path for `name` in `dir` (hidden, random, recognisable as Ferry's by `.ferry-part`). */
export function tempPathFor(dir: string, name: string): string {
  return join(dir, `.${name}.${randomBytes(6).toString('hex')}.ferry-part`);
}

/** A write failure as Ferry reports it: full, too large for the file system, or not writable. */
export function writeError(error: unknown, path: string): FerryError {
  if (error instanceof FerryError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const details = { path, ...(code ? { cause: code } : {}) };
  const message = `Cannot write ${path}: ${(error as Error).message}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new FerryError('MEDIA_FULL', message, details);
  // FAT32 refuses files of 4 GiB and more this way.
  if (code === 'EFBIG') return new FerryError('MEDIA_FILE_TOO_LARGE', message, details);
  return new FerryError('MEDIA_NOT_WRITABLE', message, details);
}

/** Writes all of `chunk` at `position` (null: where the file stands), continuing after short writes. */
export async function writeAll(file: FileHandle, chunk: Buffer, position: number | null = null): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset, position === null ? null : position + offset);
    offset += bytesWritten;
  }
}

function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) {
    throw new FerryError('OUTPUT_NOT_WRITABLE', `Not a file name: ${name}`, { name, reason: 'not-a-file-name' });
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/** Copies `task.source` to `task.dir/task.name`, hashing while copying. */
export async function copyVerify(task: CopyVerifyTask, signal: AbortSignal, progress: ProgressSink<'copying' | 'syncing'>): Promise<CopyVerifyResult> {
  checkName(task.name);
  const target = join(task.dir, task.name);
  if (await exists(target)) throw new FerryError('OUTPUT_NOT_WRITABLE', `${target} exists already`, { path: target, reason: 'exists' });
  const source = await openSource(task.source);
  let out: FileHandle | null = null;
  let created = false;
  try {
    out = await open(task.temp, 'wx', task.mode ?? 0o600).catch((error: unknown) => { throw writeError(error, task.dir); });
    created = true;
    const { sha256, size } = await copyChunks(task, source, out, signal, progress);
    progress('syncing', 0, size);
    await out.sync().catch((error: unknown) => { throw writeError(error, task.temp); });
    await out.close();
    out = null;
    if (signal.aborted) throw cancelled();
    await rename(task.temp, target).catch((error: unknown) => { throw writeError(error, target); });
    await syncFolder(task.dir);
    progress('syncing', size, size);
    return { sha256, size, name: task.name };
  } catch (error) {
    // Only a temp file this task created is removed (never one that happened to exist).
    await out?.close().catch(() => undefined);
    if (created) await rm(task.temp, { force: true });
    throw error;
  } finally {
    await source.file.close();
  }
}

async function copyChunks(task: CopyVerifyTask, source: Source, out: FileHandle, signal: AbortSignal, progress: ProgressSink<'copying'>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const limit = task.expected?.size;
  const writer = await ChunkWriter.open(out, task.temp);
  let size = 0;
  progress('copying', 0, source.size);
  try {
    for await (const chunk of readChunks(source, task.source, signal)) {
      size += chunk.length;
      // Endless or swapped data: stop at the first byte beyond the size the manifest promised.
      if (limit !== undefined && size > limit) throw sizeMismatch(task.source, limit, size, true);
      hash.update(chunk);
      await writer.write(chunk);
      progress('copying', size, source.size);
    }
    await writer.finish();
  } finally {
    await writer.abandon();
  }
  const sha256 = hash.digest('hex');
  if (limit !== undefined && size !== limit) throw sizeMismatch(task.source, limit, size, false);
  const want = task.expected?.sha256;
  if (want !== undefined && want !== sha256) {
    throw new FerryError('FILE_HASH_MISMATCH', `${task.source} has SHA-256 ${sha256}, expected ${want}`, { path: task.source, expected: want, actual: sha256 });
  }
  return { sha256, size };
}

function sizeMismatch(path: string, expected: number, actual: number, atLeast: boolean): FerryError {
  const got = atLeast ? `at least ${actual}` : String(actual);
  return new FerryError('FILE_SIZE_MISMATCH', `${path} has ${got} bytes, expected ${expected}`, { path, expected, actual });
}

/** Makes the rename durable; Windows cannot open a folder for fsync, which is fine there. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the file's own data is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
