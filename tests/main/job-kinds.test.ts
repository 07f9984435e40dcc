/** One test per job kind: its phases (in order), their weights in the overall figure, its result schema. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startCopyVerifyJob } from '../../src/main/files/copy-verify-job.ts';
import { startHashFileJob } from '../../src/main/files/hash-file-job.ts';
import { JobManager } from '../../src/main/jobs/job-manager.ts';
import { JOB_KINDS, JobFinishedSchema, overallProgress, type EventPayload, type JobKind } from '../../src/shared/contract.ts';
import { bigFile, opensslSha256, recorder } from '../helpers/jobs.ts';
import { tempDir } from '../helpers/temp.ts';

const MIB = 1024 * 1024;

/** What every kind must satisfy in the events of a real run. */
function checkRun(kind: JobKind, progress: EventPayload<'job:progress'>[]): void {
  const phases = JOB_KINDS[kind].phases as readonly string[];
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.every((p) => p.kind === kind)).toBe(true);
  // Phases only move forward, in the declared order.
  const order = progress.map((p) => phases.indexOf(p.phase));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // The overall figure never goes back, and ends at 1.
  const overall = progress.map((p) => p.overall);
  expect(overall).toEqual([...overall].sort((a, b) => a - b));
  expect(overall.at(-1)).toBe(1);
}

describe('job kinds', () => {
  it('hash-file: one phase, hashing, weighing all; its result is { sha256, size }', async () => {
    expect(JOB_KINDS['hash-file'].phases).toEqual(['hashing']);
    expect(overallProgress('hash-file', 'hashing', 1, 4)).toBe(0.25);
    const { emit, progress, finished } = recorder();
    const path = bigFile(3);
    const done = await finished(startHashFileJob(new JobManager(emit), path));
    checkRun('hash-file', progress());
    expect(done).toEqual({ jobId: done.jobId, kind: 'hash-file', label: 'big.bin', status: 'ok', result: { sha256: opensslSha256(path), size: 3 * MIB } });
    expect(JOB_KINDS['hash-file'].result.safeParse({ sha256: 'not hex', size: 1 }).success).toBe(false);
  });

  it('copy-verify: copying then syncing, weighted 19 : 1; its result is { sha256, size, name }', async () => {
    expect(JOB_KINDS['copy-verify'].phases).toEqual(['copying', 'syncing']);
    expect(overallProgress('copy-verify', 'copying', 1, 1)).toBeCloseTo(0.95);
    expect(overallProgress('copy-verify', 'syncing', 0, 1)).toBeCloseTo(0.95);
    expect(overallProgress('copy-verify', 'syncing', 1, 1)).toBe(1);
    const { emit, progress, finished } = recorder();
    const source = bigFile(3);
    const dir = tempDir();
    const done = await finished(startCopyVerifyJob(new JobManager(emit), { source, dir, name: 'pkg.bin' }));
    checkRun('copy-verify', progress());
    // A phase change is always reported, so syncing shows up starting at the copying share.
    expect(progress().find((p) => p.phase === 'syncing')?.overall).toBeCloseTo(0.95);
    expect(done).toMatchObject({ kind: 'copy-verify', status: 'ok', result: { sha256: opensslSha256(source), size: 3 * MIB, name: 'pkg.bin' } });
    expect(readdirSync(dir)).toEqual(['pkg.bin']);
    expect(JOB_KINDS['copy-verify'].result.safeParse({ sha256: 'a'.repeat(64), size: 1 }).success).toBe(false);
  });

  it('a result outside its kind’s schema fails the job as INTERNAL_ERROR instead of reaching the renderer', async () => {
    const { emit, finished } = recorder();
    const manager = new JobManager(emit);
    const jobId = manager.start({
      kind: 'copy-verify', key: 'bad', label: 'bad',
      // The hash-file shape where copy-verify's is due (the compiler would refuse it; JS callers would not).
      run: async () => ({ sha256: 'a'.repeat(64), size: 1 }) as never,
    });
    expect(await finished(jobId)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL_ERROR' } });
  });

  it('job:finished is a union by kind and status: ok needs its kind’s result, failures need an error', () => {
    const base = { jobId: crypto.randomUUID(), label: 'x' };
    const hash = { sha256: 'a'.repeat(64), size: 1 };
    expect(JobFinishedSchema.safeParse({ ...base, kind: 'hash-file', status: 'ok', result: hash }).success).toBe(true);
    expect(JobFinishedSchema.safeParse({ ...base, kind: 'copy-verify', status: 'ok', result: hash }).success).toBe(false);
    expect(JobFinishedSchema.safeParse({ ...base, kind: 'hash-file', status: 'ok' }).success).toBe(false);
    expect(JobFinishedSchema.safeParse({ ...base, kind: 'hash-file', status: 'failed' }).success).toBe(false);
    expect(JobFinishedSchema.safeParse({ ...base, kind: 'other', status: 'ok', result: hash }).success).toBe(false);
  });

  it('every kind’s weights are positive and every phase has one', () => {
    for (const [kind, def] of Object.entries(JOB_KINDS)) {
      expect(Object.keys(def.weights).sort(), kind).toEqual([...def.phases].sort());
      expect(Object.values(def.weights).every((w) => w > 0), kind).toBe(true);
    }
  });
});
