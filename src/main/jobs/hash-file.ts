/** SHA-256 of a file, streamed in chunks (the `hash-file` job's body, run on the job worker). */
import { createHash } from 'node:crypto';
import { openSource, readChunks } from './read-chunks.ts';

/** Reports how far a task is: a phase of its job kind, `done` of `total` bytes. */
export type ProgressSink<P extends string> = (phase: P, done: number, total: number) => void;

/** Hashes `path`; rejects with JOB_CANCELLED when `signal` aborts. */
export async function hashFile(path: string, signal: AbortSignal, progress: ProgressSink<'hashing'>): Promise<{ sha256: string; size: number }> {
  const source = await openSource(path);
  try {
    const hash = createHash('sha256');
    let size = 0;
    progress('hashing', 0, source.size);
    for await (const chunk of readChunks(source, path, signal)) {
      hash.update(chunk);
      size += chunk.length;
      progress('hashing', size, source.size);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await source.file.close();
  }
}
