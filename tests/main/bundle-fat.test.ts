/**
 * Acceptance (issue 8): a bundle written to and verified on a real FAT32 file system (an image
 * mounted by fusefat) and on exFAT (exfat-fuse on a loop device), skipped with the reason where
 * those tools are missing (`.ci/run` installs them). The CLI detects the file system itself; a full
 * stick is refused before anything is written, with the numbers.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { exfatImageSupport, fatImageSupport, withExfatImage, withFatImage, type ImageResult, type MountedImage } from '../helpers/fat-image.ts';
import { tempDir } from '../helpers/temp.ts';
import { downloads, PACKAGES } from '../helpers/transfer.ts';

const fat = fatImageSupport();
const exfat = exfatImageSupport();

function ran<T>(result: ImageResult<T>): T {
  if (!result.available) throw new Error(`no medium although support was reported: ${result.reason}`);
  return result.value;
}

/** The round trip with the medium on `mount`; returns what the restricted side's vault lists. */
async function tripOn(mount: string, maxFileSize: string | null) {
  const r = tempDir('ferry-r-');
  const c = tempDir('ferry-c-');
  await ferry(r, 'station', 'init', '--name', 'Jump host');
  await ferry(c, 'station', 'init', '--name', 'Office PC');
  await ferry(r, 'appliance', 'add', '--name', 'A', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '3.3.2', '--site', '12.2.0');
  const request = await ferry(r, 'request', 'create', '--out', mount, '--target', '13.1.0', '--json');
  expect(request.code, request.out).toBe(0);
  const file = request.json<{ file: string }>().file;
  const fp = async (dir: string) => (await ferry(dir, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
  await ferry(c, 'station', 'trust', file, '--fingerprint', await fp(r));
  const d = downloads();
  const created = await ferry(c, 'bundle', 'create', '--request', file, '--packages', d.dir, '--catalog', d.catalog, '--out', mount, ...(maxFileSize ? ['--max-file-size', maxFileSize] : []), '--json');
  expect(created.code, created.out).toBe(0);
  const dir = created.json<{ dir: string }>().dir;
  const pem = join(tempDir(), 'c.pem');
  await ferry(c, 'station', 'export', '--out', pem);
  await ferry(r, 'station', 'trust', pem, '--fingerprint', await fp(c));
  const verified = await ferry(r, 'bundle', 'verify', dir, '--json');
  expect(verified.code, verified.out).toBe(0);
  const imported = await ferry(r, 'bundle', 'import', dir, '--json');
  expect(imported.code, imported.out).toBe(0);
  const vault = (await ferry(r, 'vault', 'list', '--json')).json<{ packages: { name: string; sha256: string }[] }>().packages;
  for (const p of PACKAGES) {
    const sha = createHash('sha256').update(d.bytes.get(p.file)!).digest('hex');
    expect(vault.find((v) => v.name === p.entry.name)?.sha256).toBe(sha);
  }
  return { r, dir, parts: readdirSync(join(dir, 'packages')).sort() };
}

/** A package bigger than the stick: refused before writing, with the numbers, and nothing left on it. */
async function tooFull(image: MountedImage) {
  const r = tempDir('ferry-r-');
  const c = tempDir('ferry-c-');
  await ferry(r, 'station', 'init', '--name', 'Jump host');
  await ferry(c, 'station', 'init', '--name', 'Office PC');
  await ferry(r, 'appliance', 'add', '--name', 'A', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '3.3.2', '--site', '12.2.0');
  const file = (await ferry(r, 'request', 'create', '--out', image.mountPoint, '--json')).json<{ file: string }>().file;
  const fp = (await ferry(r, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
  await ferry(c, 'station', 'trust', file, '--fingerprint', fp);
  const d = downloads(48 * 1024 * 1024);
  const refused = await ferry(c, 'bundle', 'create', '--request', file, '--packages', d.dir, '--catalog', d.catalog, '--out', image.mountPoint, '--json');
  const error = refused.json<{ error: { code: string; details: { needed: number; free: number } } }>().error;
  expect({ code: refused.code, error: error.code }).toEqual({ code: 3, error: 'MEDIA_FULL' });
  expect(error.details.needed).toBeGreaterThan(error.details.free);
  expect(existsSync(join(image.mountPoint, 'FERRY', 'bundles')) ? readdirSync(join(image.mountPoint, 'FERRY', 'bundles')) : []).toEqual([]);
}

describe.skipIf(!fat.available)(`bundles on FAT32 (fusefat)${fat.available ? '' : ` — skipped: ${fat.reason}`}`, () => {
  it('writes, splits, verifies and imports a bundle on a real FAT32 file system', async () => {
    const { parts } = ran(await withFatImage(64, (image) => tripOn(image.mountPoint, String(256 * 1024))));
    expect(parts).toEqual(['BeyondTrust-13.1.0.nsu.part001', 'BeyondTrust-13.1.0.nsu.part002', 'BeyondTrust-13.1.0.nsu.part003', 'base-software-4.0.0.bin']);
  });

  it('refuses a bundle larger than the free space, with the numbers, writing nothing', async () => {
    ran(await withFatImage(40, tooFull));
  });

  it('a byte changed on the stick afterwards is found by verify', async () => {
    ran(await withFatImage(64, async (image) => {
      const { r, dir } = await tripOn(image.mountPoint, null);
      const file = join(dir, 'packages', 'base-software-4.0.0.bin');
      // In place (fusefat cannot truncate a file it rewrites).
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.from([readFileSync(file)[0]! ^ 0xff]), 0, 1, 0);
      closeSync(fd);
      const run = await ferry(r, 'bundle', 'verify', dir, '--json');
      expect({ code: run.code, error: run.json<{ error: { code: string } }>().error.code }).toEqual({ code: 1, error: 'FILE_HASH_MISMATCH' });
    }));
  });
});

describe.skipIf(!exfat.available)(`bundles on exFAT (exfat-fuse)${exfat.available ? '' : ` — skipped: ${exfat.reason}`}`, () => {
  it('writes, verifies and imports a bundle on a real exFAT file system (no split needed)', async () => {
    const { parts } = ran(await withExfatImage(64, (image) => tripOn(image.mountPoint, null)));
    expect(parts).toEqual(['BeyondTrust-13.1.0.nsu', 'base-software-4.0.0.bin']);
  });
});
