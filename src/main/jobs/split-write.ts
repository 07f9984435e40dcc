/**
 * Writes a package file onto a medium, read once: whole when it fits the medium's largest file, else
 * as `name.part001`, `name.part002`, … of at most `maxFileSize` bytes. Each piece goes to a temp file
 * next to it, is fsynced and renamed when complete; then every piece is read back from the medium and
 * hashed again, so "written" means "readable as written". Where the file system takes direct I/O
 * (chunk-writer.ts) the pieces' whole chunks never enter the page cache, so the read-back reads them
 * from the medium; only a piece's unaligned tail may still come from memory. Runs on the job worker.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { ChunkWriter } from './chunk-writer.ts';
import { syncFolder, writeError } from './copy-verify.ts';
import type { ProgressSink } from './hash-file.ts';
import { ALIGN, cancelled, openSource, readChunks } from './read-chunks.ts';

/** What to write where. */
export interface SplitWriteTask {
  source: string;
  dir: string;
  name: string;
  /** The largest file the medium (or `--max-file-size`) allows. */
  maxFileSize: number;
}

/** One file written: its name in `dir`, size and SHA-256. */
export interface WrittenPiece {
  name: string;
  size: number;
  sha256: string;
}

/** The whole file's hash and size, and its pieces (one piece named `name` when it was not split). */
export interface SplitWriteResult {
  sha256: string;
  size: number;
  pieces: WrittenPiece[];
}

/**
 * The size of the pieces of a file split for a largest file of `max` bytes: `max` rounded down to
 * ALIGN when it is 1 MiB or more (FAT32's 4 GiB − 1 becomes 4 GiB − 64 KiB). Pieces then start at
 * aligned offsets, so every piece — not only the first — is written directly to the medium and read
 * back from it, and the import joins them directly too.
 */
export function pieceSize(max: number): number {
  return max >= 1024 * 1024 ? max - (max % ALIGN) : max;
}

/** Name of piece `index` (1-based) of a split file. */
export function partName(name: string, index: number): string {
  return `${name}.part${String(index).padStart(3, '0')}`;
}

/** Writes, then reads back; see the module comment. */
export async function splitWrite(task: SplitWriteTask, signal: AbortSignal, progress: ProgressSink<'writing' | 'reading-back'>): Promise<SplitWriteResult> {
  const source = await openSource(task.source);
  const split = source.size > task.maxFileSize;
  const pieceBytes = pieceSize(task.maxFileSize);
  const written: string[] = [];
  const pieces: WrittenPiece[] = [];
  const whole = createHash('sha256');
  let size = 0;
  let current: { file: FileHandle; writer: ChunkWriter; temp: string; name: string; hash: ReturnType<typeof createHash>; size: number } | null = null;
  const finish = async (): Promise<void> => {
    if (!current) return;
    const piece = current;
    // The piece stays `current` until renamed, so a failure here removes its temp file too.
    await piece.writer.finish();
    await piece.file.sync().catch((error: unknown) => { throw writeError(error, piece.temp); });
    await piece.file.close();
    await rename(piece.temp, join(task.dir, piece.name)).catch((error: unknown) => { throw writeError(error, task.dir); });
    current = null;
    written.push(piece.name);
    pieces.push({ name: piece.name, size: piece.size, sha256: piece.hash.digest('hex') });
  };
  const begin = async (): Promise<void> => {
    const name = split ? partName(task.name, pieces.length + 1) : task.name;
    const temp = join(task.dir, `.${name}.${randomBytes(6).toString('hex')}.ferry-part`);
    const file = await open(temp, 'wx', 0o644).catch((error: unknown) => { throw writeError(error, task.dir); });
    current = { file, writer: await ChunkWriter.open(file, temp), temp, name, hash: createHash('sha256'), size: 0 };
  };
  try {
    progress('writing', 0, source.size);
    await begin();
    for await (const chunk of readChunks(source, task.source, signal)) {
      let offset = 0;
      while (offset < chunk.length) {
        if (current!.size === pieceBytes) {
          await finish();
          await begin();
        }
        const take = Math.min(chunk.length - offset, pieceBytes - current!.size);
        const slice = chunk.subarray(offset, offset + take);
        current!.hash.update(slice);
        whole.update(slice);
        await current!.writer.write(slice);
        current!.size += take;
        offset += take;
      }
      size += chunk.length;
      progress('writing', size, source.size);
    }
    await finish();
    await syncFolder(task.dir);
    if (signal.aborted) throw cancelled();
    await readBack(task.dir, pieces, signal, (n) => progress('reading-back', n, size));
    return { sha256: whole.digest('hex'), size, pieces };
  } catch (error) {
    const open = current as { file: FileHandle; writer: ChunkWriter; temp: string } | null;
    await open?.writer.abandon();
    await open?.file.close().catch(() => undefined);
    if (open) await rm(open.temp, { force: true });
    // A half-written package is removed: the manifest, written last, will never name it.
    for (const name of written) await rm(join(task.dir, name), { force: true });
    throw error;
  } finally {
    await source.file.close();
  }
}

/** Reads every piece back from the medium and compares its hash with what was written. */
async function readBack(dir: string, pieces: WrittenPiece[], signal: AbortSignal, onBytes: (n: number) => void): Promise<void> {
  let done = 0;
  for (const piece of pieces) {
    const path = join(dir, piece.name);
    const source = await openSource(path);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of readChunks(source, path, signal)) {
        hash.update(chunk);
        size += chunk.length;
        onBytes(done + size);
      }
    } finally {
      await source.file.close();
    }
    const sha256 = hash.digest('hex');
    if (size !== piece.size || sha256 !== piece.sha256) {
      throw new FerryError('MEDIA_NOT_WRITABLE', `${path} does not read back as written (the medium may be failing)`, { path, reason: 'read-back', expected: piece.sha256, actual: sha256 });
    }
    done += size;
  }
}
