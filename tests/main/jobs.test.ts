import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHashFileJob } from '../../src/main/files/hash-file-job.ts';
import { JobManager } from '../../src/main/jobs/job-manager.ts';
import { runInWorker } from '../../src/main/jobs/worker-client.ts';
import { bigFile, opensslSha256, recorder } from '../helpers/jobs.ts';
import { tempDir } from '../helpers/temp.ts';

describe('job worker (from the sources)', () => {
  it('hashes off the main thread to the same SHA-256 as OpenSSL, reporting progress up to the size', async () => {
    const path = bigFile(3);
    const seen: number[] = [];
    const result = await runInWorker({ type: 'hash', path }, { onProgress: (_phase, done) => seen.push(done) });
    expect(result).toEqual({ sha256: opensslSha256(path), size: 3 * 1024 * 1024 });
    expect(seen.at(-1)).toBe(3 * 1024 * 1024);
  });

  it('reports a missing file as FILE_MISSING and a folder as INPUT_NOT_A_FILE', async () => {
    await expect(runInWorker({ type: 'hash', path: join(tempDir(), 'nope') })).rejects.toMatchObject({ code: 'FILE_MISSING' });
    await expect(runInWorker({ type: 'hash', path: tempDir() })).rejects.toMatchObject({ code: 'INPUT_NOT_A_FILE' });
  });

  it('plans with the shared planner, and its FerryErrors come back with their code', async () => {
    const catalog = [{ name: 'BT 13.0.0', kind: 'site' as const, version: '13.0.0', upgradesFrom: '>=12.2.0' }];
    const plan = await runInWorker({ type: 'plan', args: [catalog, { base: '3.0.0', site: '12.2.0' }, { site: 'latest' }, {}] });
    expect(plan).toMatchObject({ reachable: true, steps: [{ version: '13.0.0' }] });
    await expect(runInWorker({ type: 'plan', args: [catalog, { base: '3.0.0', site: 'x.y' }, { site: 'latest' }, {}] }))
      .rejects.toMatchObject({ name: 'FerryError', code: 'VERSION_INVALID' });
  });
});

describe('job manager', () => {
  it('runs a job to ok with progress events and a final event', async () => {
    const { emit, progress, finished } = recorder();
    const manager = new JobManager(emit);
    const path = bigFile(4);
    const jobId = startHashFileJob(manager, path);
    expect(await finished(jobId)).toMatchObject({ status: 'ok', kind: 'hash-file', result: { sha256: opensslSha256(path) } });
    expect(progress(jobId).length).toBeGreaterThan(0);
    expect(manager.list()).toEqual([]);
  });

  it('lists a running job with its kind, phase and overall figure', async () => {
    const { emit: record, finished } = recorder();
    const seen: { list: ReturnType<JobManager['list']> | null } = { list: null };
    // Read the list at the moment progress is reported: a fast machine may finish right after.
    const emit: typeof record = (event, payload) => {
      record(event, payload);
      if (seen.list === null && event === 'job:progress' && (payload as { done: number }).done > 0) seen.list = manager.list();
    };
    const manager = new JobManager(emit);
    const jobId = startHashFileJob(manager, bigFile(16));
    await finished(jobId);
    const [summary] = seen.list ?? [];
    expect(summary).toMatchObject({ jobId, kind: 'hash-file', label: 'big.bin', phase: 'hashing' });
    expect(summary!.overall).toBeGreaterThan(0);
  });

  it('cancels a large hash mid-way and reports cancelled', async () => {
    const { events, emit, progress, finished, started } = recorder();
    const manager = new JobManager(emit);
    const jobId = startHashFileJob(manager, bigFile(256));
    await started();
    expect(manager.cancel(jobId)).toBe(true);
    const done = await finished(jobId);
    expect(done).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    expect(Math.max(...progress(jobId).map((p) => p.done))).toBeLessThan(256 * 1024 * 1024);
    // The final event is the last one: no progress trails behind it.
    await new Promise((r) => setTimeout(r, 100));
    expect(events.at(-1)!.event).toBe('job:finished');
  });

  it('refuses a second identical job with JOB_ALREADY_RUNNING while the first runs', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const path = bigFile(64);
    const first = startHashFileJob(manager, path);
    expect(() => startHashFileJob(manager, path)).toThrow(expect.objectContaining({ code: 'JOB_ALREADY_RUNNING' }));
    manager.cancel(first);
    await finished(first);
    expect((await finished(startHashFileJob(manager, path))).status).toBe('ok');
  });

  it('reports ok when the work completed although a cancel arrived (a copy already in place is not "cancelled")', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const result = { sha256: 'a'.repeat(64), size: 10 };
    const jobId = manager.start({
      kind: 'hash-file', key: 'done-anyway', label: 'done-anyway',
      // The work is past the point of no return: it finishes whatever the signal says.
      run: ({ signal }) => new Promise((resolve) => { signal.addEventListener('abort', () => resolve(result)); }),
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(manager.cancel(jobId)).toBe(true);
    expect(await finished(jobId)).toMatchObject({ status: 'ok', result });
  });

  it('drops progress a runner reports after it was cancelled, so the final event stays last', async () => {
    const { events, emit, finished } = recorder();
    const manager = new JobManager(emit);
    const jobId = manager.start({
      kind: 'hash-file', key: 'late', label: 'late',
      run: ({ signal, progress }) => new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          progress('hashing', 5, 10);
          reject(signal.reason);
          setTimeout(() => progress('hashing', 6, 10), 0);
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
    const { emit, progress, finished } = recorder();
    const manager = new JobManager(emit, () => clock);
    const jobId = manager.start({
      kind: 'hash-file', key: 'k', label: 'l',
      run: async ({ progress: report }) => {
        for (let i = 1; i <= 1000; i++) { clock += 1; report('hashing', i, 1000); }
        return { sha256: 'a'.repeat(64), size: 1000 };
      },
    });
    await finished(jobId);
    // 1000 ms of simulated time at one event per 100 ms, plus the first and the final one.
    expect(progress().length).toBeLessThanOrEqual(12);
    expect(progress().at(-1)).toMatchObject({ done: 1000, total: 1000, overall: 1 });
  });

  it('reports a failing runner as failed with its code', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const jobId = startHashFileJob(manager, join(tempDir(), 'missing.bin'));
    expect(await finished(jobId)).toMatchObject({ status: 'failed', error: { code: 'FILE_MISSING' } });
  });
});
