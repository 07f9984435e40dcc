/**
 * The round trip by CLI (issue 8 acceptance): restricted side adds an appliance with its key and
 * writes a request → connected side trusts it by fingerprint and builds a bundle that splits a file →
 * restricted side trusts the connected station, verifies, imports; the vault lists the packages with
 * the very bytes that were downloaded.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundleOnMedium, DOWNLOAD_KEY, downloads, PACKAGES, restrictedWithRequest, vaultFiles } from '../helpers/transfer.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the round trip by CLI', () => {
  it('request → bundle (split) → verify → import → vault', async () => {
    const trip = await bundleOnMedium();
    // The request on the medium: FAT-safe name under FERRY/requests, carrying the key in full.
    expect(trip.requestFile).toMatch(/FERRY\/requests\/support\.example\.com-\d{8}T\d{4}\.request\.json$/);
    const shown = await ferry(trip.c, 'request', 'show', trip.requestFile, '--json');
    expect(shown.json()).toMatchObject({ appliances: [{ name: 'Gerät A', downloadKey: DOWNLOAD_KEY, base: '3.3.2', siteVersion: '12.2.0' }], target: { siteVersion: '13.1.0' }, signer: { trusted: true } });
    // The bundle: the site package split into parts of at most 256 KiB, the plan complete.
    expect(trip.created).toMatchObject({ complete: true, coverage: [{ appliance: 'Gerät A', reachable: true, steps: ['Base Software 4.0.0', 'BeyondTrust 13.1.0'] }] });
    const files = readdirSync(join(trip.bundleDir, 'packages')).sort();
    expect(files).toEqual(['BeyondTrust-13.1.0.nsu.part001', 'BeyondTrust-13.1.0.nsu.part002', 'BeyondTrust-13.1.0.nsu.part003', 'base-software-4.0.0.bin']);
    for (const f of files) expect(statSync(join(trip.bundleDir, 'packages', f)).size).toBeLessThanOrEqual(256 * 1024);

    const verified = await ferry(trip.r, 'bundle', 'verify', trip.bundleDir, '--json');
    expect(verified.code, verified.out).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, signer: { name: 'Büro' }, extraFiles: [] });
    expect(vaultFiles(trip.r)).toEqual([]);

    const imported = await ferry(trip.r, 'bundle', 'import', trip.bundleDir, '--json');
    expect(imported.code, imported.out).toBe(0);
    expect(imported.json()).toMatchObject({ imported: 2, alreadyInVault: 0 });
    const vault = (await ferry(trip.r, 'vault', 'list', '--json')).json<{ packages: { name: string; sha256: string; size: number }[] }>().packages;
    expect(vault.map((p) => p.name).sort()).toEqual(['Base Software 4.0.0', 'BeyondTrust 13.1.0']);
    for (const p of PACKAGES) {
      const original = trip.downloads.bytes.get(p.file)!;
      const entry = vault.find((v) => v.name === p.entry.name)!;
      expect(entry.sha256).toBe(sha(original));
      const stored = join(trip.r, 'vault', 'sha256', entry.sha256.slice(0, 2), entry.sha256);
      expect(readFileSync(stored).equals(original)).toBe(true);
      expect(statSync(stored).mode & 0o777).toBe(0o400);
    }
    // Nothing left in staging; the audit log says what happened, and the connected station's head was witnessed.
    expect(readdirSync(join(trip.r, 'vault', 'tmp'))).toEqual([]);
    const audit = await ferry(trip.r, 'audit', 'verify', '--json');
    expect(audit.code).toBe(0);
  });

  it('importing the same bundle again changes nothing; a second request makes the other side skip what the vault has', async () => {
    const trip = await bundleOnMedium();
    expect((await ferry(trip.r, 'bundle', 'import', trip.bundleDir)).code).toBe(0);
    const before = vaultFiles(trip.r);
    const again = await ferry(trip.r, 'bundle', 'import', trip.bundleDir, '--json');
    expect(again.code, again.out).toBe(0);
    expect(again.json()).toMatchObject({ alreadyImported: true, imported: 0, alreadyInVault: 2 });
    expect(vaultFiles(trip.r)).toEqual(before);
    const second = await ferry(trip.r, 'request', 'create', '--out', trip.medium, '--json');
    const file = second.json<{ file: string; have: number }>();
    expect(file.have).toBe(2);
    expect(file.file).not.toBe(trip.requestFile);
    const next = await ferry(trip.c, 'bundle', 'create', '--request', file.file, '--packages', trip.downloads.dir, '--catalog', trip.downloads.catalog, '--out', trip.medium, '--json');
    expect(next.code, next.out + next.err).toBe(0);
    expect(next.json()).toMatchObject({ sequence: 2, packages: [], alreadyThere: ['Base Software 4.0.0', 'BeyondTrust 13.1.0'] });
  });

  it('the restricted side can trust the connected station from the bundle it brought (its manifest carries the key)', async () => {
    const trip = await restrictedWithRequest();
    const d = downloads();
    const created = await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', d.dir, '--catalog', d.catalog, '--out', trip.medium, '--json');
    const manifest = join(created.json<{ dir: string }>().dir, 'manifest.dsse.json');
    const wrong = await ferry(trip.r, 'station', 'trust', manifest, '--fingerprint', trip.rFp, '--json');
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('FINGERPRINT_MISMATCH');
    const trusted = await ferry(trip.r, 'station', 'trust', manifest, '--fingerprint', trip.cFp, '--json');
    expect(trusted.json()).toMatchObject({ name: 'Office PC', source: 'manifest', alreadyTrusted: false });
    expect((await ferry(trip.r, 'bundle', 'import', created.json<{ dir: string }>().dir)).code).toBe(0);
  });

  it('the connected side refuses a request from a station it does not trust, and says what is missing before the stick goes back', async () => {
    const trip = await restrictedWithRequest();
    const c2 = tempDir();
    expect((await ferry(c2, 'station', 'init', '--name', 'Other PC')).code).toBe(0);
    const d = downloads();
    const refused = await ferry(c2, 'bundle', 'create', '--request', trip.requestFile, '--packages', d.dir, '--catalog', d.catalog, '--out', trip.medium, '--json');
    expect({ code: refused.code, error: refused.json<{ error: { code: string } }>().error.code }).toEqual({ code: 1, error: 'SIGNER_UNTRUSTED' });
    // Only the site package downloaded: the base it needs is missing, and Ferry says so.
    writeFileSync(d.catalog, JSON.stringify({ packages: [{ ...PACKAGES[1].entry, file: PACKAGES[1].file }] }));
    const partial = await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', d.dir, '--catalog', d.catalog, '--out', trip.medium, '--json');
    expect(partial.code, partial.out).toBe(0);
    expect(partial.json()).toMatchObject({ complete: false, coverage: [{ reachable: false, nextTrip: [{ component: 'base', range: '>=4.0.0' }] }] });
  });
});
