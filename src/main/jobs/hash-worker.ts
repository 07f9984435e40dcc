/**
 * SHA-256 of a file on a worker thread, streaming in 1 MiB chunks, so that hashing gigabytes never
 * blocks main or holds a file in memory. The worker's source is inline so it runs the same from
 * sources (CLI, tests) and from the bundled app.
 */
import { Worker } from 'node:worker_threads';
import { FerryError } from '../../shared/errors.ts';

/** Size of each read; large enough for USB throughput, small enough for prompt cancel. */
export const HASH_CHUNK_BYTES = 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
let size = 0;
const stream = createReadStream(workerData.path, { highWaterMark: workerData.chunk });
parentPort.on('message', (m) => { if (m === 'cancel') { stream.destroy(); parentPort.postMessage({ type: 'cancelled' }); } });
stream.on('data', (chunk) => { hash.update(chunk); size += chunk.length; parentPort.postMessage({ type: 'progress', done: size }); });
stream.on('error', (e) => parentPort.postMessage({ type: 'error', code: e.code || '', message: e.message }));
stream.on('end', () => parentPort.postMessage({ type: 'done', sha256: hash.digest('hex'), size }));
`;

type WorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; sha256: string; size: number }
  | { type: 'error'; code: string; message: string }
  | { type: 'cancelled' };

export interface HashOptions {
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}

/** Streams `path` through SHA-256 on a worker thread. Rejects with JOB_CANCELLED when aborted. */
export function hashFileInWorker(path: string, options: HashOptions = {}): Promise<{ sha256: string; size: number }> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new FerryError('JOB_CANCELLED', 'Cancelled'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, chunk: HASH_CHUNK_BYTES } });
    let settled = false;
    const end = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => {
      worker.postMessage('cancel');
      end(() => reject(new FerryError('JOB_CANCELLED', 'Cancelled')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      switch (m.type) {
        case 'progress': onProgress?.(m.done); break;
        case 'done': end(() => resolve({ sha256: m.sha256, size: m.size })); break;
        case 'cancelled': end(() => reject(new FerryError('JOB_CANCELLED', 'Cancelled'))); break;
        case 'error':
          end(() => reject(m.code === 'ENOENT'
            ? new FerryError('FILE_MISSING', `File not found: ${path}`, { path })
            : new FerryError('FILE_MISSING', `Cannot read ${path}: ${m.message}`, { path, cause: m.code })));
          break;
      }
    });
    worker.on('error', (e) => end(() => reject(e)));
    worker.on('exit', (code) => end(() => reject(new Error(`Hash worker stopped (exit ${code})`))));
  });
}
