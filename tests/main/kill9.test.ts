/**
 * Acceptance (issue 6): `station init`, `station trust` and `station export` killed with SIGKILL at
 * random points. Afterwards every command works or names exactly what is wrong with a code; nothing
 * is half-written; the audit chain verifies. Seeded, so a failing trial can be replayed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/catalog-generator.ts';
import { ferry } from '../helpers/cli.ts';
import { startFerry } from '../helpers/cli-process.ts';
import { tempDir } from '../helpers/temp.ts';

const SEED = Number(process.env.FERRY_KILL_SEED ?? 20261127);

const next = rng(SEED);

/**
 * Most of a run is Node starting up, and kills there would prove little: each kill is timed from the
 * moment the command starts touching the data directory (`watch` appears), at a random point of the
 * span a full run takes from there to its end.
 */
async function runWatching(args: string[], watch: string, killAfter: (() => number) | null) {
  const started = Date.now();
  let seen: number | null = null;
  let delay: number | null = null;
  const { child, done } = startFerry(args);
  const poll = setInterval(() => {
    if (seen !== null || !existsSync(watch)) return;
    seen = Date.now() - started;
    if (killAfter) {
      delay = killAfter();
      setTimeout(() => child.kill('SIGKILL'), delay);
    }
  }, 1);
  const run = await done;
  clearInterval(poll);
  return { run, seen, delay, total: Date.now() - started };
}

/** How long a full run works once `watch` appears. */
async function measureSpan(args: string[], watch: string): Promise<number> {
  const { run, seen, total } = await runWatching(args, watch, null);
  expect(run.code).toBe(0);
  return total - (seen ?? 0) + 10;
}

/** Runs `ferry …args` and kills it at a random point of its work. */
async function killSomewhere(args: string[], watch: string, span: number): Promise<{ context: string; finished: boolean }> {
  const { run, delay } = await runWatching(args, watch, () => Math.round(span * next()));
  const finished = run.signal === null;
  return { finished, context: `killed ${delay ?? '-'} ms into the work${finished ? ' (had finished)' : ''}` };
}

function count(dir: string, sql: string): number {
  const db = new DatabaseSync(join(dir, 'ferry.db'));
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function expectChainVerifies(dir: string, context: string): Promise<void> {
  const r = await ferry(dir, 'audit', 'verify', '--json');
  expect({ context, code: r.code, out: r.out }).toMatchObject({ code: 0 });
}

/** A second station's public key to trust. */
async function otherKey(): Promise<{ pem: string; fingerprint: string }> {
  const dir = tempDir();
  await ferry(dir, 'station', 'init', '--name', 'Office PC');
  const pem = join(tempDir(), 'office.pem');
  const fingerprint = (await ferry(dir, 'station', 'export', '--out', pem, '--json')).json<{ fingerprint: string }>().fingerprint;
  return { pem, fingerprint };
}

describe(`kill -9 at random points (seed ${SEED})`, () => {
  it('station init: afterwards the folder is empty of Ferry, or holds a whole station', async () => {
    const other = await otherKey();
    const timing = join(tempDir(), 'data');
    const span = await measureSpan(['station', 'init', '--name', 'Timing', '--data-dir', timing], timing);
    for (let trial = 0; trial < 6; trial += 1) {
      const dir = join(tempDir(), 'data');
      const kill = await killSomewhere(['station', 'init', '--name', 'Jump host', '--data-dir', dir], dir, span);
      const context = `trial ${trial}, ${kill.context}`;
      const show = await ferry(dir, 'station', 'show', '--json');
      if (!existsSync(join(dir, 'ferry.db'))) {
        expect({ context, error: show.json() }).toMatchObject({ error: { error: { code: 'DATA_DIR_UNUSABLE', details: { reason: 'missing' } } } });
      } else {
        expect({ context, code: show.code, out: show.out }).toMatchObject(show.code === 0 ? { code: 0 } : { code: 3, out: expect.stringContaining('STATION_MISSING') });
        // Without a station there is no key to check a log against: verify says so, never "intact".
        if (show.code === 0) await expectChainVerifies(dir, context);
        else expect({ context, ...(await ferry(dir, 'audit', 'verify', '--json')) }).toMatchObject({ code: 3, out: expect.stringContaining('STATION_MISSING') });
      }
      const again = await ferry(dir, 'station', 'init', '--name', 'Jump host', '--json');
      expect({ context, code: again.code, out: again.out }).toMatchObject(again.code === 0 ? { code: 0 } : { code: 1, out: expect.stringContaining('STATION_EXISTS') });
      // The key opens: trusting appends an entry whose head is signed with it.
      expect({ context, ...(await ferry(dir, 'station', 'trust', other.pem, '--fingerprint', other.fingerprint, '--json')) }).toMatchObject({ code: 0 });
      await expectChainVerifies(dir, context);
    }
  }, 120_000);

  it('station trust: the trust and its audit entry are there together or not at all', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const first = await otherKey();
    const wal = join(dir, 'ferry.db-wal');
    const span = await measureSpan(['station', 'trust', first.pem, '--fingerprint', first.fingerprint, '--data-dir', dir], wal);
    for (let trial = 0; trial < 5; trial += 1) {
      const other = await otherKey();
      const kill = await killSomewhere(['station', 'trust', other.pem, '--fingerprint', other.fingerprint, '--data-dir', dir], wal, span);
      const context = `trial ${trial}, ${kill.context}`;
      await expectChainVerifies(dir, context);
      const trusted = count(dir, 'SELECT count(*) AS n FROM trusted_stations');
      expect({ context, trusted }).toEqual({ context, trusted: count(dir, "SELECT count(DISTINCT subject) AS n FROM audit_log WHERE action = 'station.trusted'") });
      expect({ context, ...(await ferry(dir, 'station', 'trust', other.pem, '--fingerprint', other.fingerprint, '--json')) }).toMatchObject({ code: 0 });
    }
  }, 120_000);

  it('station export: the key file is whole or absent, and the station is untouched', async () => {
    const dir = tempDir();
    const pem = (await ferry(dir, 'station', 'init', '--name', 'Jump host', '--json')).json<{ publicKeyPem: string }>().publicKeyPem;
    const wal = join(dir, 'ferry.db-wal');
    const span = await measureSpan(['station', 'export', '--out', join(tempDir(), 'timing.pem'), '--data-dir', dir], wal);
    for (let trial = 0; trial < 4; trial += 1) {
      const out = join(tempDir(), 'station.pem');
      const kill = await killSomewhere(['station', 'export', '--out', out, '--data-dir', dir], wal, span);
      const context = `trial ${trial}, ${kill.context}`;
      if (existsSync(out)) expect({ context, text: readFileSync(out, 'utf8') }).toEqual({ context, text: pem });
      expect({ context, ...(await ferry(dir, 'station', 'export', '--out', out, '--force', '--json')) }).toMatchObject({ code: 0 });
      await expectChainVerifies(dir, context);
    }
  }, 120_000);
});
