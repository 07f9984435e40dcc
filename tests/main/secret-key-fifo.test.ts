/**
 * Review 6: a `secret.key` that is a FIFO made `station trust` / `station init` wait forever for a
 * writer while holding the database's write lock. The key file is opened without blocking, and
 * anything but a regular file is SECRET_KEY_DAMAGED. Run as separate processes, so that a blocking
 * open cannot hang the test runner: each is killed if it has not ended by itself.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateStationKeys, pemFromRaw, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { describeKeyFile, keyFileText } from '../../src/main/stations/secret-protector.ts';
import { sql } from '../helpers/audit-station.ts';
import { ferry } from '../helpers/cli.ts';
import { startFerry, type ProcessRun } from '../helpers/cli-process.ts';
import { tempDir } from '../helpers/temp.ts';

/** `ferry …args --json` as a process, killed after `ms`; the run says whether it ended by itself. */
async function within(ms: number, args: string[]): Promise<ProcessRun> {
  const { child, done } = startFerry([...args, '--json']);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

function fifo(path: string): void {
  execFileSync('mkfifo', ['-m600', path]);
}

const damaged = (r: ProcessRun) => ({ signal: r.signal, code: r.code, error: (JSON.parse(r.out || '{}') as { error?: { code: string } }).error?.code });

describe.skipIf(process.platform === 'win32')('a FIFO as secret.key (review 6)', () => {
  it('station trust ends at once with SECRET_KEY_DAMAGED and trusts nothing', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    rmSync(join(dir, 'secret.key'));
    fifo(join(dir, 'secret.key'));
    const { publicKey } = generateStationKeys();
    const raw = rawPublicKey(publicKey);
    const pem = join(tempDir(), 'other.pem');
    writeFileSync(pem, pemFromRaw(raw));
    const r = await within(15_000, ['station', 'trust', pem, '--fingerprint', fingerprintOf(raw), '--data-dir', dir]);
    expect(damaged(r)).toEqual({ signal: null, code: 3, error: 'SECRET_KEY_DAMAGED' });
    expect(sql(dir, (db) => db.prepare('SELECT count(*) AS n FROM trusted_stations').get())).toEqual({ n: 0 });
  }, 30_000);

  it('station init on a folder whose secret.key is a FIFO ends with SECRET_KEY_DAMAGED and creates no station', async () => {
    const dir = tempDir();
    fifo(join(dir, 'secret.key'));
    const r = await within(15_000, ['station', 'init', '--name', 'Jump host', '--data-dir', dir]);
    expect(damaged(r)).toEqual({ signal: null, code: 3, error: 'SECRET_KEY_DAMAGED' });
    expect((await ferry(dir, 'station', 'show', '--json')).json()).toMatchObject({ error: { code: 'STATION_MISSING' } });
  }, 30_000);

  it('station show’s key storage says it is not a regular file, not "mode 0600"', () => {
    const path = join(tempDir(), 'secret.key');
    fifo(path);
    expect(describeKeyFile(path)).toMatchObject({ kind: 'FIFO', exposed: false });
    expect(keyFileText(path)).toMatch(/a FIFO, not a regular file: refused/);
    expect(keyFileText(path)).not.toMatch(/mode 0600\)/);
  });
});
