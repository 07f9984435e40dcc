/**
 * Pictures of the pages this work touched, in German and English, for a person to look at:
 * `FERRY_SHOTS=/tmp/shots npx playwright test e2e/specs/screenshots.spec.ts`. Skipped otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { otherStationKey, trustInUi } from '../helpers.ts';

const dir = process.env.FERRY_SHOTS;
test.skip(!dir, 'set FERRY_SHOTS to a folder to take screenshots');

for (const language of ['de', 'en'] as const) {
  test(`screenshots in ${language}`, async ({ ferry }) => {
    const { page } = ferry;
    mkdirSync(dir!, { recursive: true });
    const shot = async (name: string, fullPage = true) => page.screenshot({ path: join(dir!, `${language}-${name}.png`), fullPage });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language').selectOption(language);
    await page.getByTestId('nav-home').click();
    await shot('home-choose');
    await page.getByTestId('side-connected').click();
    await shot('home-journey-connected');

    await page.getByTestId('nav-settings').click();
    const office = otherStationKey(ferry.dataDir, 'office.pem');
    await trustInUi(page, office, office.fingerprint, language === 'de' ? 'Büro Hamburg – Verbundene Seite' : 'Hamburg office – connected side');
    const other = otherStationKey(ferry.dataDir, 'other.pem');
    await trustInUi(page, other, other.fingerprint);
    await page.getByTestId('trust-text').fill(office.pem);
    await page.getByTestId('trust-read').click();
    await page.getByTestId('trust-fingerprint').fill(`${office.fingerprint.slice(0, 40)}-ZZ`);
    await page.getByTestId('trust-confirm').click();
    await page.getByTestId('station-rename').click();
    await page.getByTestId('station-input').fill('');
    await page.getByTestId('station-save').click();
    await page.getByTestId('trusted-item').first().getByTestId('trusted-remove').click();
    await shot('settings-trust');

    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../seed-audit.ts'), '--data-dir', ferry.dataDir, '--count', '1000']);
    expect(r.status).toBe(0);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-filter-action').selectOption('station.trusted');
    await page.locator('[data-testid="audit-row"][data-action="station.trusted"]').first().getByTestId('fingerprint-toggle').click();
    await shot('audit-filtered');
    await page.getByTestId('audit-filter-clear').click();
    await page.getByTestId('audit-next').click();
    await shot('audit-page-2', false);

    await page.getByTestId('nav-plan').click();
    await ferry.answerNextFileDialog(join(ferry.dataDir, 'missing.json'));
    await page.getByTestId('plan-open-catalog').click();
    await page.evaluate(() => { setTimeout(() => { throw new Error('screenshot: a program error'); }, 0); });
    await expect(page.getByTestId('error-report')).toBeVisible();
    await shot('plan-errors');
    // The focus ring on the active item (Plan), reached by keyboard.
    await page.getByTestId('nav-vault').focus();
    await page.keyboard.press('Tab');
    await shot('sidebar-focus', false);
  });
}
