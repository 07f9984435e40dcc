/**
 * Review findings on import: two bundles of one signer imported at once cannot both pass the rollback
 * check (one waits its turn: JOB_ALREADY_RUNNING); every entry of a bundle is read even when its bytes
 * are in the vault already; a vault file changed by hand is replaced, never registered as verified.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { readManifest, resign } from '../helpers/resign.ts';
import { bundleOnMedium } from '../helpers/transfer.ts';

const never = new AbortController().signal;

describe('imports under pressure', () => {
  it('a second bundle of the same signer waits while the first is imported (no rollback through a race)', async () => {
    const trip = await bundleOnMedium({ siteBytes: 16 * 1024 * 1024 });
    const newer = (await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', trip.downloads.dir, '--catalog', trip.downloads.catalog, '--out', trip.medium, '--json')).json<{ dir: string }>().dir;
    const s = createServices({ dataDir: trip.r, create: false, tasks: 'in-process' });
    let second: Promise<unknown> | null = null;
    const first = s.bundles.import(trip.bundleDir, never, () => {
      second ??= s.bundles.import(newer, never).then(() => 'imported', (e: { code: string }) => e.code);
    });
    await first;
    expect(await second).toBe('JOB_ALREADY_RUNNING');
    // Afterwards the newer one imports, and the older one is a rollback.
    await s.bundles.import(newer, never);
    await s.close();
    const older = await ferry(trip.r, 'bundle', 'import', trip.bundleDir, '--json');
    expect(older.json()).toMatchObject({ ok: true, alreadyImported: true });
  });

  it('an entry whose bytes are in the vault already is still read: a bad file there refuses the import', async () => {
    const trip = await bundleOnMedium();
    expect((await ferry(trip.r, 'bundle', 'import', trip.bundleDir)).code).toBe(0);
    const newer = (await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', trip.downloads.dir, '--catalog', trip.downloads.catalog, '--out', trip.medium, '--json')).json<{ dir: string }>().dir;
    // A second entry with the same hash, pointing at a file with other bytes.
    writeFileSync(join(newer, 'packages', 'evil.bin'), Buffer.alloc(96 * 1024, 7));
    await resign(trip.c, newer, (m) => { m.packages.push({ ...m.packages[0]!, name: 'Evil 1.0', file: 'packages/evil.bin' }); });
    for (const command of ['verify', 'import']) {
      const run = await ferry(trip.r, 'bundle', command, newer, '--json');
      expect({ command, code: run.code, error: run.json<{ error?: { code: string } }>().error?.code }).toEqual({ command, code: 1, error: 'FILE_HASH_MISMATCH' });
    }
  });

  it('a vault file changed by hand (its entry gone) is replaced by the verified copy on the next import', async () => {
    const trip = await bundleOnMedium();
    expect((await ferry(trip.r, 'bundle', 'import', trip.bundleDir)).code).toBe(0);
    const sha = readManifest(trip.bundleDir).packages[0]!.sha256;
    const path = join(trip.r, 'vault', 'sha256', sha.slice(0, 2), sha);
    const good = readFileSync(path);
    chmodSync(path, 0o600);
    writeFileSync(path, Buffer.alloc(good.length));
    const s = createServices({ dataDir: trip.r, create: false });
    s.vault.remove(sha);
    await s.close();
    writeFileSync(path, Buffer.alloc(good.length));
    const newer = (await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', trip.downloads.dir, '--catalog', trip.downloads.catalog, '--out', trip.medium, '--json')).json<{ dir: string }>().dir;
    const run = await ferry(trip.r, 'bundle', 'import', newer, '--json');
    expect(run.json()).toMatchObject({ ok: true, imported: 1, alreadyInVault: 1 });
    expect(readFileSync(path).equals(good)).toBe(true);
  });
});
