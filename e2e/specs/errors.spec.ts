import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { otherStationKey, trustInUi } from '../helpers.ts';

// English words the services write into their messages; none may appear on a German page.
const ENGLISH = /\b(The|is empty|Cannot|not found|Invalid|expected)\b|ENOENT/;

test('a German page shows code, title, next step and worded details, never the English message', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-settings').click();
  // An empty name: a mistake of the person, not a program error.
  await page.getByTestId('station-rename').click();
  await page.getByTestId('station-input').fill('   ');
  await page.getByTestId('station-save').click();
  const nameError = page.getByTestId('errors-station.rename').getByTestId('error-notice');
  await expect(nameError).toHaveAttribute('data-code', 'NAME_INVALID');
  await expect(nameError).toHaveAttribute('data-severity', 'mistake');
  await expect(nameError).toContainText('Name ungültig');
  await expect(nameError).toContainText('höchstens 80 Zeichen');
  await expect(nameError).not.toContainText('Programmfehler');
  // What is wrong, in German (the English message says "The station name is empty").
  await expect(nameError.getByTestId('error-details')).toHaveText('Der Stationsname ist leer.');
  await expect(nameError.getByTestId('error-message')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Text that is neither a key nor a request.
  await page.getByTestId('trust-text').fill('hello, this is not a key');
  await page.getByTestId('trust-read').click();
  const keyError = page.getByTestId('errors-station.trust').getByTestId('error-notice');
  await expect(keyError).toHaveAttribute('data-code', 'PUBLIC_KEY_INVALID');
  await expect(keyError.getByTestId('error-details')).toHaveText('Die Datei ist weder ein PEM-Schlüssel noch eine Ferry-Anfrage.');

  // A catalog file that is not there: the system's ENOENT appears as words.
  await page.getByTestId('nav-plan').click();
  const missing = join(ferry.dataDir, 'no-such-catalog.json');
  await ferry.answerNextFileDialog(missing);
  await page.getByTestId('plan-open-catalog').click();
  const fileError = page.getByTestId('error-queue').getByTestId('error-notice');
  await expect(fileError).toBeVisible();
  await expect(fileError).toContainText('Datei: no-such-catalog.json');
  await expect(fileError).not.toContainText(ENGLISH);
  await expect(page.locator('main')).not.toContainText(ENGLISH);

  // A catalog with a wrong version, and one that is not JSON: the path and the problem, in German.
  const wrongVersion = join(ferry.dataDir, 'wrong-version.json');
  writeFileSync(wrongVersion, JSON.stringify({ packages: [{ name: 'x', kind: 'site', version: '1.x' }] }));
  await page.getByTestId('error-dismiss').click();
  await ferry.answerNextFileDialog(wrongVersion);
  await page.getByTestId('plan-open-catalog').click();
  await expect(page.getByTestId('error-notice').getByTestId('error-details')).toHaveText('packages.0.version: keine Version (z. B. 12.2.0)');
  const notJson = join(ferry.dataDir, 'not-json.json');
  writeFileSync(notJson, '{ "packages": [');
  await ferry.answerNextFileDialog(notJson);
  await page.getByTestId('plan-open-catalog').click();
  await expect(page.getByTestId('error-notice').getByTestId('error-details')).toHaveText('Die Datei ist kein JSON.');
  await expect(page.locator('main')).not.toContainText(ENGLISH);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('trust-text').fill('hello, this is not a key');
  await page.getByTestId('trust-read').click();
  await expect(page.locator('main')).not.toContainText(ENGLISH);

  // In English the service's own message is shown where the details do not already say it.
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('station-rename').click();
  await page.getByTestId('station-input').fill('');
  await page.getByTestId('station-save').click();
  // The details say what the English message says: it is not repeated.
  await expect(page.getByTestId('errors-station.rename').getByTestId('error-details')).toHaveText('The station name is empty.');
  await expect(page.getByTestId('errors-station.rename').getByTestId('error-message')).toHaveCount(0);
  await page.keyboard.press('Escape');
  const key = otherStationKey(ferry.dataDir);
  await trustInUi(page, key, '0'.repeat(64));
  await expect(page.getByTestId('errors-trust-fingerprint').getByTestId('error-message')).toHaveText('The key’s fingerprint differs from the one entered');
});

test('errors queue up, are dismissed one by one, and clear on navigation and on the next success', async ({ ferry }) => {
  const { page } = ferry;
  const broken = join(ferry.dataDir, 'broken.json');
  writeFileSync(broken, '{ "packages": [');
  const good = join(ferry.dataDir, 'catalog.json');
  writeFileSync(good, JSON.stringify({ packages: [{ name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' }] }));
  const notices = page.getByTestId('error-queue').getByTestId('error-notice');
  const open = async (path: string) => {
    await ferry.answerNextFileDialog(path);
    await page.getByTestId('plan-open-catalog').click();
  };

  await page.getByTestId('nav-plan').click();
  await open(broken);
  await expect(notices).toHaveCount(1);
  await open(join(ferry.dataDir, 'missing.json'));
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toHaveAttribute('data-code', 'CATALOG_INVALID');
  await notices.first().getByTestId('error-dismiss').click();
  await expect(notices).toHaveCount(1);
  await expect(notices.first()).not.toHaveAttribute('data-code', 'CATALOG_INVALID');

  await open(good);
  await expect(page.getByTestId('plan-catalog')).toBeVisible();
  await expect(notices).toHaveCount(0);

  await open(broken);
  await expect(notices).toHaveCount(1);
  await page.getByTestId('nav-settings').click();
  await expect(notices).toHaveCount(0);
});

test('a program error in the window writes a report and offers a restart', async ({ ferry }) => {
  const { page } = ferry;
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.evaluate(() => { setTimeout(() => { throw new Error('boom from the e2e test'); }, 0); });
  const notice = page.getByTestId('error-notice');
  await expect(notice).toHaveAttribute('data-code', 'INTERNAL_ERROR');
  await expect(notice).toHaveAttribute('data-severity', 'bug');
  await expect(notice).toContainText('Programmfehler');
  await expect(notice.getByTestId('error-report')).toContainText('Fehlerbericht: ');
  const file = ((await notice.getByTestId('error-report').textContent()) ?? '').replace('Fehlerbericht: ', '');
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, 'utf8')).toContain('boom from the e2e test');
  // Program errors outlive navigation until dismissed; the restart reloads the window.
  await page.getByTestId('nav-settings').click();
  await expect(notice).toBeVisible();
  await notice.getByTestId('error-restart').click();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('error-notice')).toHaveCount(0);
});

test('the window says it is loading before the app is there', async ({ ferry }) => {
  // The page as built (what Electron and the harness load) carries the text before any script runs.
  const html = readFileSync(join(import.meta.dirname, '../../out/renderer/index.html'), 'utf8');
  expect(html).toMatch(/<div id="root">\s*<p[^>]*id="boot-text"[^>]*>Ferry wird geladen … \/ Ferry is loading …<\/p>/);
  // Once loaded, the app has replaced it.
  await expect(ferry.page.getByTestId('app-ready')).toBeVisible();
  await expect(ferry.page.getByTestId('app-loading')).toHaveCount(0);
});
