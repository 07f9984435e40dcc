/**
 * Screenshots of every step of the transfer page, both sides, for screenshots.spec.ts: the restricted
 * station `r` writes a request, the connected station `c` opens it, trusts, identifies, writes an
 * incomplete then a complete bundle (and cancels a large one), and `r` verifies, imports and refuses
 * a tampered part.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';
import { addAppliance, fingerprintOf, folderWith } from './transfer-helpers.ts';

/** Sets the language in Settings and the side on the start page, then opens the transfer page. */
async function prepare(app: FerryApp, language: 'de' | 'en', side: 'restricted' | 'connected'): Promise<void> {
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.page.getByTestId('nav-settings').click();
  await app.page.getByTestId('language').selectOption(language);
  await app.page.getByTestId('nav-home').click();
  await app.page.getByTestId(`side-${side}`).click();
  await app.page.getByTestId('nav-transfer').click();
}

/** Takes the transfer page's screenshots into `dir` as `<language>-transfer-NN-name.png`. */
export async function transferShots(r: FerryApp, c: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const shot = (app: FerryApp, name: string, fullPage = true) => app.page.screenshot({ path: join(dir, `${language}-transfer-${name}.png`), fullPage });
  await prepare(r, language, 'restricted');
  await expect(r.page.getByTestId('request-no-appliances')).toBeVisible();
  await shot(r, '01-no-appliances');
  addAppliance(r.cli);
  expect(r.cli('appliance', 'add', '--name', 'Gerät B', '--role', 'backup', '--hostname', 'backup.example.com', '--base', '3.3.2', '--site', '12.2.0').status).toBe(0);
  await r.page.getByTestId('nav-home').click();
  await r.page.getByTestId('nav-transfer').click();
  await r.page.getByTestId('request-target-version').click();
  await r.page.getByTestId('request-version').fill('13.1.0');
  await r.page.getByTestId('request-create').click();
  await shot(r, '02-request-form');
  const written = r.page.getByTestId('request-written');
  await expect(written).toBeVisible();
  await shot(r, '03-request-written');
  const requestFile = (await written.getByTestId('request-file').textContent())!;

  await prepare(c, language, 'connected');
  await shot(c, '04-connected-start');
  await c.answerNextFileDialog(requestFile);
  await c.page.getByTestId('request-open').click();
  await c.page.getByTestId('trust-fingerprint').fill(fingerprintOf(r.cli).slice(0, 40));
  await shot(c, '05-request-untrusted');
  await c.page.getByTestId('trust-fingerprint').fill(fingerprintOf(r.cli));
  await c.page.getByTestId('trust-confirm').click();
  await expect(c.page.getByTestId('request-signer-trusted')).toBeVisible();
  await shot(c, '06-request-trusted');

  const downloads = folderWith({
    'base-software-4.0.0.bin': randomBytes(96 * 1024), 'BeyondTrust-13.1.0.nsu': randomBytes(700 * 1024),
    'update_13.0.5_x64.bin': randomBytes(1024), 'Release notes.pdf': randomBytes(2048),
  });
  await c.answerNextDialog({ kind: 'open-folder', path: downloads });
  await c.page.getByTestId('packages-choose').click();
  await c.page.locator('[data-file="BeyondTrust-13.1.0.nsu"] [data-testid="package-confirm"]').uncheck();
  await c.page.locator('[data-file="update_13.0.5_x64.bin"] [data-testid="package-confirm"]').check();
  await c.page.getByTestId('step-packages').scrollIntoViewIfNeeded();
  await shot(c, '07-packages-unsure', false);
  await c.page.locator('[data-file="update_13.0.5_x64.bin"] [data-testid="package-confirm"]').uncheck();
  await c.page.getByTestId('bundle-create').click();
  await expect(c.page.getByTestId('bundle-written')).toHaveAttribute('data-complete', 'false');
  // Incomplete: no "safe to remove" next to "fetch the rest while the stick is here".
  await expect(c.page.getByTestId('bundle-safe')).toHaveCount(0);
  await expect(c.page.getByTestId('bundle-remove-later')).toBeVisible();
  await shot(c, '08-bundle-incomplete');
  await c.page.locator('[data-file="BeyondTrust-13.1.0.nsu"] [data-testid="package-confirm"]').check();
  await c.page.getByTestId('bundle-max-size').fill('256');
  await c.page.getByTestId('bundle-max-unit').selectOption('KiB');
  await c.page.getByTestId('bundle-create').click();
  await expect(c.page.getByTestId('bundle-written')).toHaveAttribute('data-complete', 'true');
  await shot(c, '09-bundle-written');
  const bundleDir = (await c.page.getByTestId('bundle-dir').textContent())!;

  // A large download to see the progress (speed, time left) and its Cancel.
  const big = folderWith({ 'BeyondTrust-13.2.0.nsu': Buffer.alloc(0) });
  truncateSync(join(big, 'BeyondTrust-13.2.0.nsu'), 6 * 1024 ** 3);
  await c.answerNextDialog({ kind: 'open-folder', path: big });
  await c.page.getByTestId('packages-choose').click();
  await c.page.getByTestId('bundle-max-size').fill('');
  await c.page.getByTestId('bundle-create').click();
  await expect(c.page.getByTestId('progress-left')).toBeVisible();
  await c.page.getByTestId('transfer-progress').scrollIntoViewIfNeeded();
  await shot(c, '10-bundle-progress', false);
  await c.page.getByTestId('progress-cancel').click();
  await expect(c.page.getByTestId('bundle-cancelled')).toBeVisible({ timeout: 30_000 });
  await shot(c, '11-bundle-cancelled', false);

  await r.answerNextDialog({ kind: 'open-folder', path: bundleDir });
  await r.page.getByTestId('bundle-choose').click();
  await expect(r.page.getByTestId('go-trust')).toBeVisible();
  await shot(r, '12-bundle-untrusted');
  const pem = join(c.dataDir, '..', `office-shot-${Date.now()}.pem`);
  expect(c.cli('station', 'export', '--out', pem).status).toBe(0);
  expect(r.cli('station', 'trust', pem, '--fingerprint', fingerprintOf(c.cli), '--name', language === 'de' ? 'Büro Hamburg' : 'Hamburg office').status).toBe(0);
  writeFileSync(join(bundleDir, 'Thumbs.db'), 'not in the manifest');
  await r.page.getByTestId('bundle-verify-again').click();
  await expect(r.page.getByTestId('bundle-report')).toBeVisible();
  await shot(r, '13-bundle-verified');
  await r.page.getByTestId('bundle-import').click();
  await expect(r.page.getByTestId('bundle-imported')).toBeVisible();
  await shot(r, '14-bundle-imported');
  const part = join(bundleDir, 'packages', 'BeyondTrust-13.1.0.nsu.part002');
  const bytes = readFileSync(part);
  bytes[7] = bytes[7]! ^ 1;
  writeFileSync(part, bytes);
  await r.page.getByTestId('bundle-verify-again').click();
  await expect(r.page.getByTestId('error-notice')).toBeVisible();
  await shot(r, '15-bundle-refused');
  await r.page.setViewportSize({ width: 900, height: 800 });
  await shot(r, '16-900-restricted');
  await c.page.setViewportSize({ width: 900, height: 800 });
  await shot(c, '17-900-connected');
  for (const p of [downloads, big, pem]) rmSync(p, { recursive: true, force: true });
}
