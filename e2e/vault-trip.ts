/**
 * Fills the app's vault the way it really fills: by the CLI round trip. The app's station (the
 * fixture's data directory) records an appliance and writes a request; a second station in its own
 * data directory trusts it by fingerprint and bundles two downloaded packages (one split into parts);
 * the app's station trusts that one and imports the bundle. Package bytes are random, so a hash that
 * matches on the page or on disk is not a coincidence.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';

const repo = join(import.meta.dirname, '..');

/** The packages "downloaded" on the connected side: the site package is split at 256 KiB. */
export const TRIP_PACKAGES = [
  { file: 'base-software-4.0.0.bin', size: 96 * 1024, entry: { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' } },
  { file: 'BeyondTrust-13.1.0.nsu', size: 700 * 1024, entry: { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', requires: [{ component: 'base', range: '>=4.0.0' }], upgradesFrom: '>=12.2.0' } },
] as const;

/** Runs the CLI with `--json` on a data directory of its own (the fixture's `cli` is bound to the app's). */
function cliIn(dataDir: string, ...args: string[]): { json: Record<string, unknown>; status: number; stdout: string } {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(repo, 'src/main/cli.ts'), ...args, '--json', '--data-dir', dataDir], { encoding: 'utf8' });
  return { json: r.stdout ? JSON.parse(r.stdout) as Record<string, unknown> : {}, status: r.status ?? -1, stdout: r.stdout + r.stderr };
}

/** The fixture's CLI with `--json`, checked for success. */
function appCli(ferry: FerryApp, ...args: string[]): Record<string, unknown> {
  const r = ferry.cli(...args, '--json');
  expect(r.status, `ferry ${args.join(' ')}: ${r.stdout}`).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** The round trip into the app's vault; returns each package's bytes and SHA-256 by its name. */
export function fillVault(ferry: FerryApp): Map<string, { bytes: Buffer; sha256: string; file: string }> {
  const office = mkdtempSync(join(tmpdir(), 'ferry-e2e-office-'));
  const downloads = mkdtempSync(join(tmpdir(), 'ferry-e2e-downloads-'));
  try {
    appCli(ferry, 'appliance', 'add', '--name', 'Gerät A', '--role', 'standalone', '--hostname', 'support.example.com',
      '--base', '3.3.2', '--site', '12.2.0', '--download-key', 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93');
    const request = appCli(ferry, 'request', 'create', '--out', ferry.medium, '--target', '13.1.0').file as string;
    const jumpHost = appCli(ferry, 'station', 'show').fingerprint as string;
    const ok = <R extends { status: number; stdout: string }>(r: R): R => { expect(r.status, r.stdout).toBe(0); return r; };
    ok(cliIn(office, 'station', 'init', '--name', 'Büro'));
    const officeFp = ok(cliIn(office, 'station', 'show')).json.fingerprint as string;
    ok(cliIn(office, 'station', 'trust', request, '--fingerprint', jumpHost));
    const packages = new Map<string, { bytes: Buffer; sha256: string; file: string }>();
    for (const p of TRIP_PACKAGES) {
      const bytes = randomBytes(p.size);
      writeFileSync(join(downloads, p.file), bytes);
      packages.set(p.entry.name, { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), file: p.file });
    }
    const catalog = join(downloads, 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ packages: TRIP_PACKAGES.map((p) => ({ ...p.entry, file: p.file })) }));
    const bundle = ok(cliIn(office, 'bundle', 'create', '--request', request, '--packages', downloads, '--catalog', catalog,
      '--out', ferry.medium, '--max-file-size', String(256 * 1024))).json.dir as string;
    const pem = join(downloads, 'office.pem');
    ok(cliIn(office, 'station', 'export', '--out', pem));
    appCli(ferry, 'station', 'trust', pem, '--fingerprint', officeFp, '--name', 'Büro');
    expect(appCli(ferry, 'bundle', 'import', bundle)).toMatchObject({ imported: 2 });
    return packages;
  } finally {
    rmSync(office, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  }
}
