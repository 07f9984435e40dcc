/**
 * The transfer page across the air gap, with two stations (two data directories, two windows) and one
 * fake stick (a folder both harnesses list as a removable FAT32 medium): the acceptance journey
 * restricted → connected → restricted, a tampered part refused, and a cancelled bundle write.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipBytes } from '../../tests/helpers/zip-writer.ts';
import { expect, test, type FerryApp } from '../fixtures.ts';
import { grouped, trustInUi } from '../helpers.ts';
import { bundleFromOffice, DOWNLOAD_KEY, fingerprintOf, folderWith, requestFromJumpHost, vaultPackages } from '../transfer-helpers.ts';

test.skip(({ ferry }) => ferry.target === 'electron', 'the harness lists a folder as the stick; Electron lists the real media');

const KiB = 1024;

/** Chooses a side on the start page and opens the transfer page. */
async function openTransfer(app: FerryApp, side: 'restricted' | 'connected'): Promise<void> {
  await app.page.getByTestId(`side-${side}`).click();
  await app.page.getByTestId('nav-transfer').click();
  await expect(app.page.getByTestId('transfer-side')).toBeVisible();
}

test('restricted → stick → connected → stick → restricted: request, split bundle, verify, import', async ({ ferry: r, ferry2: c }) => {
  test.setTimeout(120_000);
  // Restricted side: the appliance and its download key, entered on the Appliances page.
  await r.page.getByTestId('side-restricted').click();
  await r.page.getByTestId('nav-appliances').click();
  await r.page.getByTestId('appliance-name').fill('Gerät A');
  await r.page.getByTestId('appliance-hostname').fill('support.example.com');
  await r.page.getByTestId('appliance-base').fill('3.3.2');
  await r.page.getByTestId('appliance-site').fill('12.2.0');
  await r.page.getByTestId('appliance-key').fill(DOWNLOAD_KEY);
  await r.page.getByTestId('appliance-add').click();
  await expect(r.page.getByTestId('appliance-added')).toBeFocused();
  await r.page.getByTestId('nav-transfer').click();
  await expect(r.page.getByTestId('transfer-side')).toBeVisible();
  const step1 = r.page.getByTestId('transfer-restricted').getByTestId('step-request');
  await expect(step1.getByTestId('request-appliances')).toContainText('Gerät A');
  await expect(step1.getByTestId('medium-option')).toContainText('FERRY-STICK');
  await expect(step1.getByTestId('medium-option')).toContainText('FAT32');
  await step1.getByTestId('request-target-version').check();
  await step1.getByTestId('request-version').fill('13.1.0');
  await step1.getByTestId('request-create').click();
  const written = step1.getByTestId('request-written');
  await expect(written).toBeFocused();
  await expect(written).toContainText('1 Gerät');
  await expect(step1.getByTestId('request-safe')).toHaveText('Der Stick kann jetzt entfernt werden.');
  const requestFile = (await step1.getByTestId('request-file').textContent())!;
  expect(requestFile).toMatch(/FERRY\/requests\/support\.example\.com-\d{8}T\d{4}\.request\.json$/);
  expect(existsSync(requestFile)).toBe(true);

  // Connected side: open the request; its station is not trusted, and its fingerprint is not shown here.
  await openTransfer(c, 'connected');
  const open = c.page.getByTestId('transfer-connected').getByTestId('step-open');
  await c.answerNextFileDialog(requestFile);
  await open.getByTestId('request-open').click();
  await expect(open.getByTestId('request-target')).toContainText('13.1.0');
  const rFp = fingerprintOf(r.cli);
  await expect(open.getByTestId('request-trust')).toBeVisible();
  await expect(c.page.locator('main')).not.toContainText(grouped(rFp));
  await expect(open.getByTestId('trust-fingerprint')).toBeFocused();
  await open.getByTestId('trust-fingerprint').fill(rFp.toUpperCase());
  await open.getByTestId('trust-confirm').click();
  await expect(open.getByTestId('request-signer-trusted')).toContainText(grouped(rFp));
  await expect(open.getByTestId('request-signer-trusted')).toBeFocused();
  const appliance = open.getByTestId('request-appliance');
  await expect(appliance).toContainText('Gerät A');
  await expect(appliance).toContainText('Base 3.3.2 · Site 12.2.0');
  await expect(appliance.getByTestId('download-key')).not.toContainText(DOWNLOAD_KEY);
  await appliance.getByTestId('key-show').click();
  await expect(appliance.getByTestId('download-key')).toHaveText(DOWNLOAD_KEY);
  await expect(open.getByTestId('vendor-steps')).toContainText('update.bomgar.com');

  // The downloads: two named as the vendor does (sure guesses, confirmed), one unknown (left out).
  const downloads = folderWith({ 'base-software-4.0.0.bin': randomBytes(96 * KiB), 'BeyondTrust-13.1.0.nsu': randomBytes(700 * KiB), 'notes.txt': Buffer.from('not a package') });
  const packages = c.page.getByTestId('transfer-connected').getByTestId('step-packages');
  await c.answerNextDialog({ kind: 'open-folder', path: downloads });
  await packages.getByTestId('packages-choose').click();
  const rows = packages.getByTestId('package-row');
  await expect(rows).toHaveCount(3);
  await expect(packages.locator('[data-file="BeyondTrust-13.1.0.nsu"]')).toHaveAttribute('data-confirmed', 'true');
  await expect(packages.locator('[data-file="base-software-4.0.0.bin"] [data-testid="package-version"]')).toHaveValue('4.0.0');
  await expect(packages.locator('[data-file="notes.txt"]')).toHaveAttribute('data-confirmed', 'false');
  await expect(packages.getByTestId('packages-count')).toContainText('2 von 3 Dateien bestätigt');

  // The bundle: a small largest file, so the 700 KiB site package is split in three.
  const bundle = c.page.getByTestId('transfer-connected').getByTestId('step-bundle');
  await bundle.getByTestId('bundle-max-size').fill('256');
  await bundle.getByTestId('bundle-max-unit').selectOption('KiB');
  await bundle.getByTestId('bundle-create').click();
  const result = bundle.getByTestId('bundle-written');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId('coverage')).toHaveAttribute('data-reachable', 'true');
  await expect(result.locator('[data-testid="bundle-written-package"][data-parts="3"]')).toContainText('BeyondTrust 13.1.0');
  await expect(result.getByTestId('bundle-safe')).toBeVisible();
  const bundleDir = (await result.getByTestId('bundle-dir').textContent())!;
  expect(readdirSync(join(bundleDir, 'packages')).sort()).toEqual(['BeyondTrust-13.1.0.nsu.part001', 'BeyondTrust-13.1.0.nsu.part002', 'BeyondTrust-13.1.0.nsu.part003', 'base-software-4.0.0.bin']);
  expect(existsSync(join(bundleDir, 'manifest.dsse.json'))).toBe(true);

  // Restricted side: the bundle's station is not trusted yet → refused, with the way to Settings.
  const receive = r.page.getByTestId('transfer-restricted').getByTestId('step-receive');
  await r.answerNextDialog({ kind: 'open-folder', path: bundleDir });
  await receive.getByTestId('bundle-choose').click();
  await expect(receive.getByTestId('error-notice')).toHaveAttribute('data-code', 'SIGNER_UNTRUSTED');
  await receive.getByTestId('go-trust').click();
  // The bundle's manifest carries the connected station's key: trusted from the stick, by the fingerprint read off its screen.
  await trustInUi(r.page, { pem: readFileSync(join(bundleDir, 'manifest.dsse.json'), 'utf8') }, fingerprintOf(c.cli), 'Büro');
  await expect(r.page.getByTestId('trust-done')).toBeVisible();

  // Verify: the report says who signed, what it answers and the packages; then import.
  await r.page.getByTestId('nav-transfer').click();
  await receive.getByTestId('bundle-verify-again').click();
  await expect(receive.getByTestId('bundle-verified')).toBeFocused({ timeout: 30_000 });
  const report = receive.getByTestId('bundle-report');
  await expect(report.getByTestId('report-signer')).toContainText('Büro');
  await expect(report.getByTestId('report-signer')).toContainText(grouped(fingerprintOf(c.cli)));
  await expect(report.getByTestId('bundle-package')).toHaveCount(2);
  expect(vaultPackages(r)).toEqual([]);
  await receive.getByTestId('bundle-import').click();
  await expect(receive.getByTestId('bundle-imported')).toContainText('2 Pakete in den Tresor aufgenommen');
  expect(vaultPackages(r).map((p) => p.name).sort()).toEqual(['Base Software 4.0.0', 'BeyondTrust 13.1.0']);
  await receive.getByTestId('to-vault').click();
  await expect(r.page.locator('#page-title')).toHaveText(/Tresor/);
  rmSync(downloads, { recursive: true, force: true });
});

test('a byte changed in a part: FILE_HASH_MISMATCH with its meaning, nothing imported', async ({ ferry }) => {
  const { bundleDir, cleanup } = bundleFromOffice(ferry, mkdtempSync(join(tmpdir(), 'ferry-e2e-office-')));
  const part = join(bundleDir, 'packages', 'BeyondTrust-13.1.0.nsu.part002');
  const bytes = readFileSync(part);
  bytes[100] = bytes[100]! ^ 0xff;
  writeFileSync(part, bytes);
  await openTransfer(ferry, 'restricted');
  const receive = ferry.page.getByTestId('transfer-restricted').getByTestId('step-receive');
  await ferry.answerNextDialog({ kind: 'open-folder', path: bundleDir });
  await receive.getByTestId('bundle-choose').click();
  const refusal = receive.getByTestId('error-notice');
  await expect(refusal).toHaveAttribute('data-code', 'FILE_HASH_MISMATCH');
  await expect(refusal).toContainText('Prüfsumme stimmt nicht');
  await expect(refusal).toContainText('Die Datei wurde verändert oder beschädigt.');
  await expect(receive.getByTestId('verify-failed')).toBeVisible();
  await expect(receive.getByTestId('bundle-import')).toHaveCount(0);
  expect(vaultPackages(ferry)).toEqual([]);
  cleanup();
});

test('cancelling a bundle write leaves no manifest on the stick', async ({ ferry }) => {
  const { requestFile, cleanup } = requestFromJumpHost(ferry, mkdtempSync(join(tmpdir(), 'ferry-e2e-jump-')));
  // A large download (sparse: it costs no disk until written), so the write is still running when Cancel comes.
  const downloads = folderWith({ 'BeyondTrust-13.1.0.nsu': Buffer.alloc(0) });
  truncateSync(join(downloads, 'BeyondTrust-13.1.0.nsu'), 3 * 1024 ** 3);
  await openTransfer(ferry, 'connected');
  const connected = ferry.page.getByTestId('transfer-connected');
  await ferry.answerNextFileDialog(requestFile);
  await connected.getByTestId('request-open').click();
  await expect(connected.getByTestId('request-signer-trusted')).toBeVisible();
  await ferry.answerNextDialog({ kind: 'open-folder', path: downloads });
  await connected.getByTestId('packages-choose').click();
  await expect(connected.getByTestId('package-row')).toHaveAttribute('data-confirmed', 'true');
  await connected.getByTestId('bundle-create').click();
  const progress = connected.getByTestId('transfer-progress');
  await expect(progress).toBeVisible();
  await progress.getByTestId('progress-cancel').click();
  await expect(connected.getByTestId('bundle-cancelled')).toBeFocused({ timeout: 30_000 });
  await expect(connected.getByTestId('bundle-written')).toHaveCount(0);
  await expect(connected.getByTestId('error-notice')).toHaveCount(0);
  const bundles = join(ferry.medium, 'FERRY', 'bundles');
  const manifests = existsSync(bundles) ? readdirSync(bundles, { recursive: true }).map(String).filter((f) => f.endsWith('manifest.dsse.json')) : [];
  expect(manifests).toEqual([]);
  expect(statSync(join(downloads, 'BeyondTrust-13.1.0.nsu')).size).toBe(3 * 1024 ** 3);
  rmSync(downloads, { recursive: true, force: true });
  cleanup();
});

test('the downloads may come as a ZIP archive: listed without unpacking, bundled like a folder', async ({ ferry }) => {
  const { requestFile, cleanup } = requestFromJumpHost(ferry, mkdtempSync(join(tmpdir(), 'ferry-e2e-jump-')));
  await openTransfer(ferry, 'connected');
  const connected = ferry.page.getByTestId('transfer-connected');
  await ferry.answerNextFileDialog(requestFile);
  await connected.getByTestId('request-open').click();
  await expect(connected.getByTestId('request-signer-trusted')).toBeVisible();
  const folder = folderWith({});
  const archive = join(folder, 'downloads.zip');
  writeFileSync(archive, zipBytes([
    { name: 'updates/base-software-4.0.0.bin', data: randomBytes(96 * KiB), deflate: true },
    { name: 'updates/BeyondTrust-13.1.0.nsu', data: randomBytes(300 * KiB) },
  ]));
  await ferry.answerNextFileDialog(archive);
  await connected.getByTestId('packages-choose-archive').click();
  await expect(connected.getByTestId('package-row')).toHaveCount(2);
  await expect(connected.locator('[data-file="updates/BeyondTrust-13.1.0.nsu"]')).toHaveAttribute('data-confirmed', 'true');
  // Names do not say that 13.1.0 needs Base 4.0.0; a package catalog does: with it, the base is part of the plan, not "superseded".
  const catalog = join(folder, 'catalog.json');
  writeFileSync(catalog, JSON.stringify({ packages: [{ name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', requires: [{ component: 'base', range: '>=4.0.0' }] }] }));
  await ferry.answerNextFileDialog(catalog);
  await connected.getByTestId('requirements-choose').click();
  await expect(connected.getByTestId('requirements-file')).toContainText('catalog.json');
  await connected.getByTestId('bundle-create').click();
  const result = connected.getByTestId('bundle-written');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId('bundle-written-package')).toHaveCount(2);
  await expect(result.getByTestId('coverage').first()).toHaveAttribute('data-reachable', 'true');
  await expect(result.getByTestId('bundle-superseded')).toHaveCount(0);
  rmSync(folder, { recursive: true, force: true });
  cleanup();
});
