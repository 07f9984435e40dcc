/**
 * Acceptance (issue 8): `bundle import` killed with SIGKILL at random points of its work, several
 * trials. Afterwards the vault holds only whole, verified files (each file's SHA-256 is its name,
 * every index entry has its file), and a re-run completes the import. Seeded, so a failing trial can
 * be replayed (FERRY_KILL_SEED).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/catalog-generator.ts';
import { ferry } from '../helpers/cli.ts';
import { startFerry } from '../helpers/cli-process.ts';
import { bundleOnMedium } from '../helpers/transfer.ts';

const SEED = Number(process.env.FERRY_KILL_SEED ?? 20261127);
const next = rng(SEED);
const TRIALS = 5;

/** Every vault file's hash equals its name; every index entry has its file. */
async function expectWholeVault(dataDir: string, context: string): Promise<number> {
  const root = join(dataDir, 'vault', 'sha256');
  const files = existsSync(root) ? readdirSync(root, { recursive: true }).map(String).filter((p) => p.includes('/')) : [];
  for (const rel of files) {
    const name = rel.split('/')[1]!;
    const sha = createHash('sha256').update(readFileSync(join(root, rel))).digest('hex');
    expect({ context, name, sha }).toEqual({ context, name, sha: name });
  }
  const listed = (await ferry(dataDir, 'vault', 'list', '--json')).json<{ packages: { sha256: string }[] }>().packages;
  for (const p of listed) expect({ context, present: existsSync(join(root, p.sha256.slice(0, 2), p.sha256)) }).toEqual({ context, present: true });
  return listed.length;
}

/** 24 MiB in 8 MiB parts: long enough to be killed while copying, in staging or while committing. */
const trip = () => bundleOnMedium({ siteBytes: 24 * 1024 * 1024, maxFileSize: 8 * 1024 * 1024 });

/**
 * Runs the import, killing it `delay` ms after it starts staging (null: never). Most of a run is Node
 * starting up, where a kill would prove little; the work starts when `vault/tmp` appears.
 */
async function importKilled(dataDir: string, bundleDir: string, delay: number | null) {
  const staging = join(dataDir, 'vault', 'tmp');
  let seen = 0;
  const { child, done } = startFerry(['bundle', 'import', bundleDir, '--data-dir', dataDir, '--json']);
  const poll = setInterval(() => {
    if (!existsSync(staging)) return;
    clearInterval(poll);
    seen = Date.now();
    if (delay !== null) setTimeout(() => child.kill('SIGKILL'), delay);
  }, 1);
  const run = await done;
  clearInterval(poll);
  return { run, span: Date.now() - seen };
}

describe(`bundle import killed at random points (seed ${SEED})`, () => {
  it(`${TRIALS} trials: only verified files in the vault, and the re-run completes`, async () => {
    const measured = await trip();
    const { run: full, span } = await importKilled(measured.r, measured.bundleDir, null);
    expect(full.code).toBe(0);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const t = await trip();
      const delay = Math.round(span * next());
      const { run } = await importKilled(t.r, t.bundleDir, delay);
      const context = `trial ${trial}: killed ${delay} ms of ${span} ms into the work${run.signal === null ? ' (had finished)' : ''}`;
      await expectWholeVault(t.r, context);
      const again = await ferry(t.r, 'bundle', 'import', t.bundleDir, '--json');
      expect({ context, code: again.code, out: again.code === 0 ? '' : again.out }).toEqual({ context, code: 0, out: '' });
      expect(await expectWholeVault(t.r, context)).toBe(2);
      expect((await ferry(t.r, 'audit', 'verify')).code).toBe(0);
    }
  }, 120_000);
});
