/**
 * Every refusal of `bundle verify` / `bundle import` (issue 8 acceptance): each case takes a real
 * bundle on disk, alters it in one way, and expects its code and exit 1 from both commands — and,
 * after the import attempt, a vault exactly as it was (no file, no index entry, no staging left).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { readManifest, resign } from '../helpers/resign.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundleOnMedium, downloads, stagingFiles, vaultFiles } from '../helpers/transfer.ts';

type Trip = Awaited<ReturnType<typeof bundleOnMedium>>;

/** Both commands refuse with `code` (exit 1), and the vault stays as it was. */
async function expectRefused(trip: Trip, code: string, extra: string[] = []): Promise<void> {
  const before = { files: vaultFiles(trip.r), list: (await ferry(trip.r, 'vault', 'list', '--json')).json<{ packages: unknown[] }>().packages };
  for (const command of ['verify', 'import']) {
    const run = await ferry(trip.r, 'bundle', command, trip.bundleDir, ...(command === 'verify' ? extra : []), '--json');
    expect({ command, code: run.code, error: run.json<{ error?: { code: string } }>().error?.code }).toEqual({ command, code: 1, error: code });
  }
  expect(vaultFiles(trip.r)).toEqual(before.files);
  // A refused bundle leaves nothing in staging either (only an interrupted one keeps what was verified).
  expect(stagingFiles(trip.r)).toEqual([]);
  expect((await ferry(trip.r, 'vault', 'list', '--json')).json<{ packages: unknown[] }>().packages).toEqual(before.list);
}

const pkg = (trip: Trip, name: string) => join(trip.bundleDir, 'packages', name);
const SITE = 'BeyondTrust-13.1.0.nsu';
const BASE = 'base-software-4.0.0.bin';

describe('bundle refusals, each on a real bundle altered one way', () => {
  it('SIGNATURE_INVALID: the manifest changed after signing', async () => {
    const trip = await bundleOnMedium();
    const file = join(trip.bundleDir, 'manifest.dsse.json');
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
    const manifest = readManifest(trip.bundleDir);
    manifest.expiresAt = '2099-01-01T00:00:00.000Z';
    envelope.payload = Buffer.from(JSON.stringify(manifest)).toString('base64');
    writeFileSync(file, JSON.stringify(envelope));
    await expectRefused(trip, 'SIGNATURE_INVALID');
  });

  it('SIGNER_UNTRUSTED: the restricted side no longer trusts the connected station', async () => {
    const trip = await bundleOnMedium();
    const s = createServices({ dataDir: trip.r, create: false });
    s.stations.removeTrusted(trip.cFp);
    await s.close();
    await expectRefused(trip, 'SIGNER_UNTRUSTED');
  });

  it('MANIFEST_EXPIRED: judged 31 days later (verify --at; import with the clock moved on)', async () => {
    const trip = await bundleOnMedium();
    const later = new Date(Date.now() + 31 * 86_400_000);
    const run = await ferry(trip.r, 'bundle', 'verify', trip.bundleDir, '--at', later.toISOString(), '--json');
    expect({ code: run.code, error: run.json<{ error: { code: string; details: { lateSeconds: number } } }>().error }).toMatchObject({ code: 1, error: { code: 'MANIFEST_EXPIRED' } });
    expect(run.json<{ error: { details: { lateSeconds: number } } }>().error.details.lateSeconds).toBeGreaterThan(86_000);
    const s = createServices({ dataDir: trip.r, create: false, now: () => later, tasks: 'in-process' });
    await expect(s.bundles.import(trip.bundleDir, new AbortController().signal)).rejects.toMatchObject({ code: 'MANIFEST_EXPIRED' });
    await s.close();
    expect(vaultFiles(trip.r)).toEqual([]);
  });

  it('MANIFEST_ROLLBACK: an older bundle of the same station after a newer one', async () => {
    const trip = await bundleOnMedium();
    const newer = await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', trip.downloads.dir, '--catalog', trip.downloads.catalog, '--out', trip.medium, '--json');
    expect((await ferry(trip.r, 'bundle', 'import', newer.json<{ dir: string }>().dir)).code).toBe(0);
    await expectRefused(trip, 'MANIFEST_ROLLBACK');
  });

  it('MANIFEST_MALFORMED: the manifest is not a DSSE envelope', async () => {
    const trip = await bundleOnMedium();
    writeFileSync(join(trip.bundleDir, 'manifest.dsse.json'), '{"payloadType": 1}');
    await expectRefused(trip, 'MANIFEST_MALFORMED');
  });

  it('REQUEST_MISMATCH: a bundle answering another station’s request', async () => {
    const trip = await bundleOnMedium();
    const other = tempDir();
    expect((await ferry(other, 'station', 'init', '--name', 'Other jump host')).code).toBe(0);
    await ferry(other, 'appliance', 'add', '--name', 'B', '--role', 'standalone', '--hostname', 'b.example.com', '--base', '3.3.2', '--site', '12.2.0');
    const request = (await ferry(other, 'request', 'create', '--out', tempDir(), '--json')).json<{ file: string }>().file;
    const otherFp = (await ferry(other, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
    await ferry(trip.c, 'station', 'trust', request, '--fingerprint', otherFp);
    const d = downloads();
    const created = await ferry(trip.c, 'bundle', 'create', '--request', request, '--packages', d.dir, '--catalog', d.catalog, '--out', tempDir(), '--json');
    await expectRefused({ ...trip, bundleDir: created.json<{ dir: string }>().dir }, 'REQUEST_MISMATCH');
  });

  it('FILE_MISSING: a whole package file is gone (exit 1: a failed check, not this computer’s problem)', async () => {
    const trip = await bundleOnMedium();
    rmSync(pkg(trip, BASE));
    await expectRefused(trip, 'FILE_MISSING');
  });

  it('FILE_MISSING: no manifest, as after an interrupted write', async () => {
    const trip = await bundleOnMedium();
    rmSync(join(trip.bundleDir, 'manifest.dsse.json'));
    await expectRefused(trip, 'FILE_MISSING');
  });

  it('PART_MISSING: one part of a split file is gone', async () => {
    const trip = await bundleOnMedium();
    rmSync(pkg(trip, `${SITE}.part002`));
    await expectRefused(trip, 'PART_MISSING');
  });

  it('FILE_SIZE_MISMATCH: a byte appended', async () => {
    const trip = await bundleOnMedium();
    appendFileSync(pkg(trip, BASE), 'x');
    await expectRefused(trip, 'FILE_SIZE_MISMATCH');
  });

  it('FILE_HASH_MISMATCH: one byte changed in the last part (after two good parts were copied)', async () => {
    const trip = await bundleOnMedium();
    const file = pkg(trip, `${SITE}.part003`);
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(file, bytes);
    await expectRefused(trip, 'FILE_HASH_MISMATCH');
    expect(vaultFiles(trip.r)).toEqual([]);
  });

  it('FILE_HASH_MISMATCH: parts swapped', async () => {
    const trip = await bundleOnMedium();
    renameSync(pkg(trip, `${SITE}.part001`), pkg(trip, 'tmp'));
    renameSync(pkg(trip, `${SITE}.part002`), pkg(trip, `${SITE}.part001`));
    renameSync(pkg(trip, 'tmp'), pkg(trip, `${SITE}.part002`));
    await expectRefused(trip, 'FILE_HASH_MISMATCH');
  });

  for (const [label, path] of [['..', 'packages/../../outside.bin'], ['absolute', '/etc/passwd'], ['drive letter', 'C:/packages/x.bin'], ['backslash', 'packages\\x.bin'], ['outside packages/', 'manifest.dsse.json.bin'], ['an NTFS stream', 'packages/x.bin:hidden'], ['a reserved device name', 'packages/CON.bin']] as const) {
    it(`PATH_OUTSIDE_BUNDLE: a signed manifest naming ${label}`, async () => {
      const trip = await bundleOnMedium();
      await resign(trip.c, trip.bundleDir, (m) => { m.packages[0]!.file = path; });
      await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
    });
  }

  it('PATH_OUTSIDE_BUNDLE: two names that differ only in case', async () => {
    const trip = await bundleOnMedium();
    await resign(trip.c, trip.bundleDir, (m) => { m.packages[1]!.file = m.packages[0]!.file.toUpperCase().replace('PACKAGES/', 'packages/'); });
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
  });

  it('PATH_OUTSIDE_BUNDLE: a package file replaced by a link to the same bytes elsewhere', async () => {
    const trip = await bundleOnMedium();
    const elsewhere = join(tempDir(), 'copy.bin');
    writeFileSync(elsewhere, readFileSync(pkg(trip, BASE)));
    rmSync(pkg(trip, BASE));
    symlinkSync(elsewhere, pkg(trip, BASE));
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
  });

  it('PATH_OUTSIDE_BUNDLE: the packages folder replaced by a link', async () => {
    const trip = await bundleOnMedium();
    const elsewhere = tempDir();
    renameSync(join(trip.bundleDir, 'packages'), join(elsewhere, 'packages'));
    symlinkSync(join(elsewhere, 'packages'), join(trip.bundleDir, 'packages'));
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
  });

  it('PATH_OUTSIDE_BUNDLE: a FIFO (a device-like file that never ends) instead of a package', async () => {
    const trip = await bundleOnMedium();
    rmSync(pkg(trip, BASE));
    execFileSync('mkfifo', [pkg(trip, BASE)]);
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
  });

  it('PATH_OUTSIDE_BUNDLE: a manifest that is a link (or a FIFO) instead of a file', async () => {
    const trip = await bundleOnMedium();
    const file = join(trip.bundleDir, 'manifest.dsse.json');
    const elsewhere = join(tempDir(), 'manifest.dsse.json');
    renameSync(file, elsewhere);
    symlinkSync(elsewhere, file);
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
    rmSync(file);
    execFileSync('mkfifo', [file]);
    await expectRefused(trip, 'PATH_OUTSIDE_BUNDLE');
  });

  it('a folder that does not exist is the person’s mistake: FILE_MISSING with exit 3', async () => {
    const trip = await bundleOnMedium();
    const run = await ferry(trip.r, 'bundle', 'verify', join(trip.medium, 'no-such-bundle'), '--json');
    expect({ code: run.code, error: run.json<{ error: { code: string } }>().error.code }).toEqual({ code: 3, error: 'FILE_MISSING' });
  });

  it('extra files are reported and never imported', async () => {
    const trip = await bundleOnMedium();
    writeFileSync(pkg(trip, 'evil.exe'), 'MZ');
    mkdirSync(join(trip.bundleDir, 'more'));
    writeFileSync(join(trip.bundleDir, 'more', 'autorun.inf'), '[autorun]');
    const run = await ferry(trip.r, 'bundle', 'import', trip.bundleDir, '--json');
    expect(run.code, run.out).toBe(0);
    expect(run.json()).toMatchObject({ imported: 2, extraFiles: ['more/autorun.inf', 'packages/evil.exe'] });
    expect(vaultFiles(trip.r)).toHaveLength(4);
  });
});
