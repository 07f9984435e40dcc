/**
 * The round trip by CLI, for tests: a restricted station (R) with an appliance and its download key
 * writes a request onto a "medium" folder; a connected station (C) trusts R by the fingerprint,
 * builds a bundle from a packages folder and a catalog; R trusts C. Package bytes are random, so a
 * hash that matches is not a coincidence.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ferry } from './cli.ts';
import { tempDir } from './temp.ts';

export const DOWNLOAD_KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';

/** Packages as the vendor might name them, with catalog entries; one larger than the split size. */
export const PACKAGES = [
  { file: 'base-software-4.0.0.bin', bytes: 96 * 1024, entry: { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' } },
  { file: 'BeyondTrust-13.1.0.nsu', bytes: 700 * 1024, entry: { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', requires: [{ component: 'base', range: '>=4.0.0' }], upgradesFrom: '>=12.2.0' } },
] as const;

/** Split size used by the round trip: the site package (700 KiB) becomes three parts. */
export const MAX_FILE_SIZE = 256 * 1024;

/** Two stations with trust, an appliance, a request on the medium. */
export async function restrictedWithRequest() {
  const r = tempDir('ferry-r-');
  const c = tempDir('ferry-c-');
  const medium = tempDir('ferry-medium-');
  expect((await ferry(r, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  expect((await ferry(c, 'station', 'init', '--name', 'Office PC')).code).toBe(0);
  const added = await ferry(r, 'appliance', 'add', '--name', 'Gerät A', '--role', 'standalone', '--hostname', 'support.example.com',
    '--base', '3.3.2', '--site', '12.2.0', '--download-key', DOWNLOAD_KEY, '--json');
  expect(added.code, added.out + added.err).toBe(0);
  const request = await ferry(r, 'request', 'create', '--out', medium, '--target', '13.1.0', '--json');
  expect(request.code, request.out + request.err).toBe(0);
  const requestFile = request.json<{ file: string }>().file;
  const rFp = (await ferry(r, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
  const cFp = (await ferry(c, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
  expect((await ferry(c, 'station', 'trust', requestFile, '--fingerprint', rFp)).code).toBe(0);
  return { r, c, medium, requestFile, rFp, cFp };
}

/** A folder of downloaded packages and a catalog naming them. */
export function downloads(siteBytes?: number): { dir: string; catalog: string; bytes: Map<string, Buffer> } {
  const dir = tempDir('ferry-downloads-');
  const bytes = new Map<string, Buffer>();
  for (const p of PACKAGES) {
    const data = randomBytes(p.entry.kind === 'site' && siteBytes !== undefined ? siteBytes : p.bytes);
    writeFileSync(join(dir, p.file), data);
    bytes.set(p.file, data);
  }
  const catalog = join(tempDir('ferry-catalog-'), 'catalog.json');
  writeFileSync(catalog, JSON.stringify({ packages: PACKAGES.map((p) => ({ ...p.entry, file: p.file })) }));
  return { dir, catalog, bytes };
}

/** The whole trip up to a bundle on the medium that R trusts; returns its folder. */
export async function bundleOnMedium(options: { siteBytes?: number; maxFileSize?: number } = {}) {
  const trip = await restrictedWithRequest();
  const d = downloads(options.siteBytes);
  const created = await ferry(trip.c, 'bundle', 'create', '--request', trip.requestFile, '--packages', d.dir, '--catalog', d.catalog,
    '--out', trip.medium, '--max-file-size', String(options.maxFileSize ?? MAX_FILE_SIZE), '--json');
  expect(created.code, created.out + created.err).toBe(0);
  const pem = join(tempDir(), 'office.pem');
  expect((await ferry(trip.c, 'station', 'export', '--out', pem)).code).toBe(0);
  expect((await ferry(trip.r, 'station', 'trust', pem, '--fingerprint', trip.cFp, '--name', 'Büro')).code).toBe(0);
  return { ...trip, downloads: d, bundleDir: created.json<{ dir: string }>().dir, created: created.json() };
}

/** Every file under the vault folder of a data directory (relative paths), to prove nothing changed. */
export function vaultFiles(dataDir: string): string[] {
  const root = join(dataDir, 'vault', 'sha256');
  try {
    return readdirSync(root, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

/** Every file in the vault's staging folder (relative paths). */
export function stagingFiles(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, 'vault', 'tmp'), { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

/** Makes a folder (and parents). */
export function folder(...parts: string[]): string {
  const dir = join(...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
