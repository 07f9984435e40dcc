import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyVerify, tempPathFor, writeError } from '../../src/main/jobs/copy-verify.ts';
import { runInWorker } from '../../src/main/jobs/worker-client.ts';
import { bigFile, opensslSha256 } from '../helpers/jobs.ts';
import { tempDir } from '../helpers/temp.ts';

const MIB = 1024 * 1024;

function copyTask(source: string, dir: string, name = 'copy.bin', expected?: { size?: number; sha256?: string }) {
  return { type: 'copy' as const, source, dir, name, temp: tempPathFor(dir, name), ...(expected ? { expected } : {}) };
}

describe('copy while hashing (job worker)', () => {
  it('copies byte for byte, returns the SHA-256 OpenSSL computes, and leaves only the named file (0600)', async () => {
    const source = bigFile(5);
    const dir = tempDir();
    const phases: string[] = [];
    const result = await runInWorker(copyTask(source, dir), { onProgress: (phase) => { if (phases.at(-1) !== phase) phases.push(phase); } });
    expect(result).toEqual({ sha256: opensslSha256(source), size: 5 * MIB, name: 'copy.bin' });
    expect(readFileSync(join(dir, 'copy.bin')).equals(readFileSync(source))).toBe(true);
    expect(readdirSync(dir)).toEqual(['copy.bin']);
    expect(statSync(join(dir, 'copy.bin')).mode & 0o777).toBe(0o600);
    expect(phases).toEqual(['copying', 'syncing']);
  });

  it('accepts a file that matches the expected size and hash', async () => {
    const source = bigFile(2);
    const dir = tempDir();
    const expected = { size: 2 * MIB, sha256: opensslSha256(source) };
    await expect(runInWorker(copyTask(source, dir, 'ok.bin', expected))).resolves.toMatchObject({ sha256: expected.sha256 });
  });

  it('refuses a hash mismatch with FILE_HASH_MISMATCH and keeps nothing', async () => {
    const source = bigFile(2);
    const dir = tempDir();
    await expect(runInWorker(copyTask(source, dir, 'x.bin', { sha256: '0'.repeat(64) }))).rejects.toMatchObject({ code: 'FILE_HASH_MISMATCH' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at the first byte beyond the expected size (endless data) with FILE_SIZE_MISMATCH', async () => {
    const source = bigFile(64);
    const dir = tempDir();
    const seen: number[] = [];
    await expect(runInWorker(copyTask(source, dir, 'x.bin', { size: MIB }), { onProgress: (_p, done) => seen.push(done) }))
      .rejects.toMatchObject({ code: 'FILE_SIZE_MISMATCH' });
    expect(Math.max(0, ...seen)).toBeLessThanOrEqual(MIB);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a short file with FILE_SIZE_MISMATCH', async () => {
    const source = bigFile(1);
    const dir = tempDir();
    await expect(runInWorker(copyTask(source, dir, 'x.bin', { size: 2 * MIB }))).rejects.toMatchObject({ code: 'FILE_SIZE_MISMATCH' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never replaces an existing file (OUTPUT_NOT_WRITABLE) and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.bin'), 'keep me');
    await expect(runInWorker(copyTask(bigFile(1), dir, 'taken.bin'))).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITABLE' });
    expect(readFileSync(join(dir, 'taken.bin'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['taken.bin']);
  });

  it('refuses a name that is a path', async () => {
    const dir = tempDir();
    await expect(runInWorker(copyTask(bigFile(1), dir, '../escape.bin'))).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITABLE' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a missing source as FILE_MISSING and a missing destination folder as MEDIA_NOT_WRITABLE', async () => {
    const dir = tempDir();
    await expect(runInWorker(copyTask(join(dir, 'nope'), dir))).rejects.toMatchObject({ code: 'FILE_MISSING' });
    await expect(runInWorker(copyTask(bigFile(1), join(dir, 'gone')))).rejects.toMatchObject({ code: 'MEDIA_NOT_WRITABLE' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the temp file when cancelled mid-way', async () => {
    const source = bigFile(256);
    const dir = tempDir();
    const controller = new AbortController();
    let sawTemp = false;
    const run = runInWorker(copyTask(source, dir), {
      signal: controller.signal,
      onProgress: (_phase, done) => {
        if (done > 0 && !controller.signal.aborted) {
          sawTemp = readdirSync(dir).some((f) => f.endsWith('.ferry-part'));
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(sawTemp).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes its own temp file on failure and cancel (not only the client, which backs it up)', async () => {
    const source = bigFile(8);
    const dir = tempDir();
    const bad = copyTask(source, dir, 'x.bin', { sha256: '0'.repeat(64) });
    await expect(copyVerify(bad, new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'FILE_HASH_MISMATCH' });
    expect(readdirSync(dir)).toEqual([]);
    const controller = new AbortController();
    const cancelled = copyVerify(copyTask(source, dir), controller.signal, (_phase, done) => { if (done > 0) controller.abort(); });
    await expect(cancelled).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('maps a full medium (a real ENOSPC from /dev/full) to MEDIA_FULL, and EFBIG to MEDIA_FILE_TOO_LARGE', () => {
    let enospc: unknown;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (error) {
      enospc = error;
    }
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(writeError(enospc, '/media/stick/x')).toMatchObject({ code: 'MEDIA_FULL', details: { cause: 'ENOSPC' } });
    expect(writeError(Object.assign(new Error('too big'), { code: 'EFBIG' }), 'x').code).toBe('MEDIA_FILE_TOO_LARGE');
  });

  // A real full file system: a 1 MiB tmpfs, where mounting is allowed (root, as in CI's container).
  const mountable = process.platform === 'linux' && process.getuid?.() === 0;
  it.runIf(mountable)('stops with MEDIA_FULL on a full file system and removes its temp file', async () => {
    const dir = join(tempDir(), 'small');
    mkdirSync(dir);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    expect(mount.status, String(mount.stderr)).toBe(0);
    try {
      await expect(runInWorker(copyTask(bigFile(4), dir))).rejects.toMatchObject({ code: 'MEDIA_FULL' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
