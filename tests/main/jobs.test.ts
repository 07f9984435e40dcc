import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFileInWorker } from '../../src/main/jobs/hash-worker.ts';
import { JobManager, type EmitEvent } from '../../src/main/jobs/job-manager.ts';
import type { EventChannel, EventPayload } from '../../src/shared/contract.ts';
import { tempDir } from '../helpers/temp.ts';

type Recorded = { event: EventChannel; payload: EventPayload<EventChannel> };

function recorder() {
  const events: Recorded[] = [];
  const emit: EmitEvent = (event, payload) => { events.push({ event, payload }); };
  const finished = (jobId: string) => new Promise<EventPayload<'job:finished'>>((resolve) => {
    const timer = setInterval(() => {
      const f = events.find((e) => e.event === 'job:finished' && e.payload.jobId === jobId);
      if (f) { clearInterval(timer); resolve(f.payload as EventPayload<'job:finished'>); }
    }, 5);
  });
  return { events, emit, finished };
}

/** A file of `mib` MiB of pseudo-random bytes, and its SHA-256 computed here. */
function bigFile(mib: number): { path: string; sha256: string } {
  const path = join(tempDir(), 'big.bin');
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    chunk.fill(i % 251);
    chunk.writeUInt32LE(i, 0);
    writeSync(fd, chunk);
    hash.update(chunk);
  }
  closeSync(fd);
  return { path, sha256: hash.digest('hex') };
}

function hashJob(manager: JobManager, path: string) {
  return manager.start({
    kind: 'hash-file', key: `hash-file:${path}`, label: 'big.bin',
    run: ({ signal, progress }) => hashFileInWorker(path, { signal, onProgress: (done) => progress('hashing', done, 1) }),
  });
}

describe('hash worker', () => {
  it('computes the same SHA-256 as a direct hash, off the main thread', async () => {
    const file = bigFile(3);
    const seen: number[] = [];
    const result = await hashFileInWorker(file.path, { onProgress: (d) => seen.push(d) });
    expect(result).toEqual({ sha256: file.sha256, size: 3 * 1024 * 1024 });
    expect(seen.at(-1)).toBe(3 * 1024 * 1024);
  });

  it('reports a missing file as FILE_MISSING', async () => {
    await expect(hashFileInWorker(join(tempDir(), 'nope'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
  });
});

describe('job manager', () => {
  it('runs a job to ok with progress events and a final event', async () => {
    const { events, emit, finished } = recorder();
    const manager = new JobManager(emit);
    const file = bigFile(4);
    const jobId = hashJob(manager, file.path);
    const done = await finished(jobId);
    expect(done).toMatchObject({ status: 'ok', result: { sha256: file.sha256 } });
    expect(events.filter((e) => e.event === 'job:progress').length).toBeGreaterThan(0);
    expect(manager.list()).toEqual([]);
  });

  it('cancels a large hash mid-way and reports cancelled', async () => {
    const { events, emit, finished } = recorder();
    const manager = new JobManager(emit);
    const file = bigFile(256);
    const jobId = hashJob(manager, file.path);
    // Wait for real progress, then cancel while bytes remain.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => { if (events.some((e) => e.event === 'job:progress' && (e.payload as { done: number }).done > 0)) { clearInterval(t); resolve(); } }, 1);
    });
    expect(manager.cancel(jobId)).toBe(true);
    const done = await finished(jobId);
    expect(done.status).toBe('cancelled');
    expect(done.error?.code).toBe('JOB_CANCELLED');
    const lastDone = Math.max(...events.filter((e) => e.event === 'job:progress').map((e) => (e.payload as { done: number }).done));
    expect(lastDone).toBeLessThan(256 * 1024 * 1024);
    // The final event is the last one: no progress trails behind it.
    await new Promise((r) => setTimeout(r, 100));
    expect(events.at(-1)!.event).toBe('job:finished');
  });

  it('refuses a second identical job with JOB_ALREADY_RUNNING while the first runs', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const file = bigFile(64);
    const first = hashJob(manager, file.path);
    expect(() => hashJob(manager, file.path)).toThrow(expect.objectContaining({ code: 'JOB_ALREADY_RUNNING' }));
    manager.cancel(first);
    await finished(first);
    const again = hashJob(manager, file.path);
    expect((await finished(again)).status).toBe('ok');
  });

  it('drops progress a runner reports after it was cancelled, so the final event stays last', async () => {
    const { events, emit, finished } = recorder();
    const manager = new JobManager(emit);
    const jobId = manager.start({
      kind: 'hash-file', key: 'late', label: 'late',
      run: ({ signal, progress }) => new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          progress('work', 5, 10);
          reject(signal.reason);
          setTimeout(() => progress('work', 6, 10), 0);
        });
      }),
    });
    await new Promise((r) => setTimeout(r, 10));
    manager.cancel(jobId);
    await finished(jobId);
    await new Promise((r) => setTimeout(r, 20));
    expect(events.map((e) => e.event)).toEqual(['job:finished']);
  });

  it('throttles progress to about ten events per second', async () => {
    let clock = 0;
    const { events, emit, finished } = recorder();
    const manager = new JobManager(emit, () => clock);
    const jobId = manager.start({
      kind: 'hash-file', key: 'k', label: 'l',
      run: async ({ progress }) => {
        for (let i = 1; i <= 1000; i++) { clock += 1; progress('work', i, 1000); }
        return null;
      },
    });
    await finished(jobId);
    const progress = events.filter((e) => e.event === 'job:progress');
    // 1000 ms of simulated time at one event per 100 ms, plus the first and the final one.
    expect(progress.length).toBeLessThanOrEqual(12);
    expect(progress.at(-1)!.payload).toMatchObject({ done: 1000, total: 1000 });
  });

  it('reports a failing runner as failed with its code', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const jobId = hashJob(manager, join(tempDir(), 'missing.bin'));
    expect(await finished(jobId)).toMatchObject({ status: 'failed', error: { code: 'FILE_MISSING' } });
  });
});
