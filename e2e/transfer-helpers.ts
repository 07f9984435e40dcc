/**
 * What the transfer specs need besides the windows: an appliance added by the CLI (the appliances page
 * is another spec's), the other station of a trip played by the CLI on its own data directory, and the
 * vault read back through the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';

const repo = join(import.meta.dirname, '..');

/** A download key as the appliance might show it. */
export const DOWNLOAD_KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';

/** Runs the CLI on any data directory (a station that has no window). */
export function cliOn(dataDir: string, ...args: string[]): { stdout: string; status: number } {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(repo, 'src/main/cli.ts'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { stdout: r.stdout + r.stderr, status: r.status ?? -1 };
}

/** Adds "Gerät A" (base 3.3.2, site 12.2.0) with its download key. */
export function addAppliance(run: (...args: string[]) => { stdout: string; status: number }): void {
  const r = run('appliance', 'add', '--name', 'Gerät A', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '3.3.2', '--site', '12.2.0', '--download-key', DOWNLOAD_KEY);
  expect(r.status, r.stdout).toBe(0);
}

/** A station's fingerprint, as its own CLI reports it. */
export function fingerprintOf(run: (...args: string[]) => { stdout: string; status: number }): string {
  return (JSON.parse(run('station', 'show', '--json').stdout) as { fingerprint: string }).fingerprint;
}

/** A new folder holding `files`. */
export function folderWith(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-downloads-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** The packages the vault of `app`'s station lists. */
export function vaultPackages(app: FerryApp): { name: string; sha256: string }[] {
  const r = app.cli('vault', 'list', '--json');
  expect(r.status, r.stdout).toBe(0);
  return (JSON.parse(r.stdout) as { packages: { name: string; sha256: string }[] }).packages;
}

/** A station on `dataDir` (CLI only), created here. */
function newStation(dataDir: string, name: string): (...args: string[]) => { stdout: string; status: number } {
  const run = (...args: string[]) => cliOn(dataDir, ...args);
  expect(run('station', 'init', '--name', name).status).toBe(0);
  return run;
}

/**
 * `app` is the restricted side: it writes a request by CLI onto its medium, an office station on
 * `officeDir` answers it with a bundle (the site package split in three), and `app` trusts the office.
 */
export function bundleFromOffice(app: FerryApp, officeDir: string): { bundleDir: string; cleanup(): void } {
  addAppliance(app.cli);
  const request = app.cli('request', 'create', '--out', app.medium, '--target', '13.1.0', '--json');
  expect(request.status, request.stdout).toBe(0);
  const office = newStation(officeDir, 'Büro');
  expect(office('station', 'trust', (JSON.parse(request.stdout) as { file: string }).file, '--fingerprint', fingerprintOf(app.cli)).status).toBe(0);
  const downloads = folderWith({ 'base-software-4.0.0.bin': randomBytes(96 * 1024), 'BeyondTrust-13.1.0.nsu': randomBytes(700 * 1024) });
  const catalog = join(downloads, '..', `catalog-${Date.now()}.json`);
  writeFileSync(catalog, JSON.stringify({ packages: [
    { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0', file: 'base-software-4.0.0.bin' },
    { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', file: 'BeyondTrust-13.1.0.nsu' },
  ] }));
  const created = office('bundle', 'create', '--request', (JSON.parse(request.stdout) as { file: string }).file, '--packages', downloads, '--catalog', catalog, '--out', app.medium, '--max-file-size', String(256 * 1024), '--json');
  expect(created.status, created.stdout).toBe(0);
  const pem = join(officeDir, '..', `office-${Date.now()}.pem`);
  expect(office('station', 'export', '--out', pem).status).toBe(0);
  expect(app.cli('station', 'trust', pem, '--fingerprint', fingerprintOf(office), '--name', 'Büro').status).toBe(0);
  return {
    bundleDir: (JSON.parse(created.stdout) as { dir: string }).dir,
    cleanup: () => [downloads, catalog, pem, officeDir].forEach((p) => rmSync(p, { recursive: true, force: true })),
  };
}

/** `app` is the connected side: a jump-host station on `jumpDir` writes a request onto `app`'s medium, and `app` trusts it. */
export function requestFromJumpHost(app: FerryApp, jumpDir: string): { requestFile: string; cleanup(): void } {
  const jump = newStation(jumpDir, 'Jump host');
  addAppliance(jump);
  const request = jump('request', 'create', '--out', app.medium, '--target', '13.1.0', '--json');
  expect(request.status, request.stdout).toBe(0);
  const requestFile = (JSON.parse(request.stdout) as { file: string }).file;
  expect(app.cli('station', 'trust', requestFile, '--fingerprint', fingerprintOf(jump)).status).toBe(0);
  return { requestFile, cleanup: () => rmSync(jumpDir, { recursive: true, force: true }) };
}
