import { createHash, generateKeyPairSync } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';

test('switches the language to English and back', async ({ ferry }) => {
  const { page } = ferry;
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toHaveText('Einstellungen');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await expect(page.locator('h1')).toHaveText('Settings');
  await page.getByTestId('language').selectOption('de');
  await expect(page.getByTestId('nav-settings')).toHaveText('Einstellungen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('choosing a side shows that side’s journey, and it survives a reload', async ({ ferry }) => {
  const { page } = ferry;
  await expect(page.getByTestId('side-connected')).toBeVisible();
  await page.getByTestId('side-connected').click();
  await expect(page.getByTestId('journey').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('current-side')).toContainText('Verbundene Seite');
  await page.reload();
  await expect(page.getByTestId('journey').locator('li')).toHaveCount(4);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('side').selectOption('restricted');
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('journey').locator('li')).toHaveCount(7);
});

test('settings shows the station fingerprint that `ferry station show --json` reports', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-settings').click();
  // The settings page loads the station asynchronously: wait for the value, never read an empty cell.
  const fingerprint = page.getByTestId('station-fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  const shown = (await fingerprint.textContent()) ?? '';
  const { stdout, status } = ferry.cli('station', 'show', '--json');
  expect(status).toBe(0);
  expect(shown.replaceAll(' ', '')).toBe((JSON.parse(stdout) as { fingerprint: string }).fingerprint);
});

test('every domain page shows an honest empty state', async ({ ferry }) => {
  const { page } = ferry;
  // Built pages with nothing in them yet say what to do first.
  await page.getByTestId('nav-clients').click();
  await expect(page.getByTestId('clients-since')).toHaveValue('');
  await expect(page.getByTestId('clients-no-file')).toHaveText('Noch keine Liste gewählt.');
  await expect(page.getByTestId('clients-check')).toBeDisabled();
  await expect(page.getByTestId('clients-check-needs')).toHaveText('Zum Prüfen geben Sie an, wann das Upgrade fertig war, und wählen die Liste.');
  await page.getByTestId('nav-certificates').click();
  await expect(page.getByTestId('cert-inspect')).toBeDisabled();
  await expect(page.locator('.cert-inspect .hint').first()).toHaveText('Noch keine Dateien gewählt.');
  await page.getByTestId('nav-runbook').click();
  await expect(page.getByTestId('rb-no-runs')).toHaveText('Noch keine Abläufe. Starten Sie unten den ersten.');
  await expect(page.getByTestId('rb-no-appliances')).toContainText('erfassen Sie sie zuerst auf der Seite Geräte');
  await page.getByTestId('nav-appliances').click();
  await expect(page.getByTestId('appliances-empty')).toContainText('Noch keine Geräte erfasst.');
  await page.getByTestId('nav-vault').click();
  await expect(page.getByTestId('vault-empty')).toContainText('Noch keine Pakete.');
  // The plan works today: its empty state says what to do.
  await page.getByTestId('nav-plan').click();
  await expect(page.getByTestId('empty-plan')).toContainText('Noch kein Katalog geöffnet.');
});

test('the audit page lists real entries and an intact chain', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('side-restricted').click();
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-status')).toContainText('Kette intakt: 2 Einträge');
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(2);
  // Actions in words, with what changed.
  await expect(page.getByTestId('audit-table')).toContainText('Seite geändert');
  await expect(page.getByTestId('audit-table')).toContainText('— → Abgeschottete Seite');
  await expect(page.getByTestId('audit-table')).toContainText('Station eingerichtet');
});

test('hashes a chosen file with progress and shows its SHA-256', async ({ ferry }) => {
  const { page } = ferry;
  const file = join(ferry.dataDir, 'package.bin');
  writeFileSync(file, 'Ferry\n');
  await page.getByTestId('nav-vault').click();
  await ferry.answerNextFileDialog(file);
  await page.getByTestId('hash-choose').click();
  // sha256sum of "Ferry\n", computed outside Ferry.
  await expect(page.getByTestId('hash-result')).toHaveText('92a214dd0de19a889b89eec23e58ccd58369d95370cd5e8cd87e6e68e8859e63');
});

test('a long hash shows progress and can be cancelled from the UI', async ({ ferry }) => {
  const { page } = ferry;
  // A sparse 4 GiB file: takes seconds to hash, no disk space.
  const file = join(ferry.dataDir, 'large.iso');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 4 * 1024 ** 3);
  closeSync(fd);
  await page.getByTestId('nav-vault').click();
  await ferry.answerNextFileDialog(file);
  await page.getByTestId('hash-choose').click();
  const running = page.getByTestId('job-running');
  await expect(running.locator('progress')).toBeVisible();
  await running.getByRole('button', { name: 'Abbrechen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-finished')).toHaveAttribute('data-status', 'cancelled');
  // The Cancel button is gone with its row; the focus follows the job to its finished row.
  await expect(page.getByTestId('job-finished')).toBeFocused();
  await expect(page.getByTestId('job-finished')).toContainText('Abgebrochen');
  await expect(page.getByTestId('job-running')).toHaveCount(0);
});

test('a station trusted on the command line appears in settings with its fingerprint', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const fingerprint = createHash('sha256').update(raw).digest('hex');
  const pem = join(ferry.dataDir, 'office.pem');
  writeFileSync(pem, publicKey.export({ format: 'pem', type: 'spki' }));
  expect(ferry.cli('station', 'trust', pem, '--fingerprint', fingerprint).status).toBe(0);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('trusted-list')).toContainText(fingerprint.slice(0, 4) + ' ' + fingerprint.slice(4, 8));
});

test.describe('on an English system', () => {
  test.use({ systemLocale: 'en-US' });

  test('starts in English until the person chooses German', async ({ ferry }) => {
    const { page } = ferry;
    await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
