/**
 * Pictures of the pages this work touched, in German and English, for a person to look at:
 * `FERRY_SHOTS=/tmp/shots npx playwright test e2e/specs/screenshots.spec.ts`. Skipped otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { CATALOG, otherStationKey, trustInUi } from '../helpers.ts';
import { transferShots } from '../transfer-shots.ts';
import { applianceVaultShots } from '../appliance-vault-shots.ts';
import { runbookShots } from '../runbook-shots.ts';
import { certShots } from '../cert-shots.ts';
import { clientsShots } from '../clients-shots.ts';
import { linkShots } from '../link-shots.ts';
import { runbookLinkShots } from '../runbook-link-shots.ts';

const dir = process.env.FERRY_SHOTS;
test.skip(!dir, 'set FERRY_SHOTS to a folder to take screenshots');

const LONG_NAME = 'Jump-Host-Rechenzentrum-Frankfurt-Hanau-Gebäude-C-Raum-0815-Schrank-42-Einschub-7-links';

for (const language of ['de', 'en'] as const) {
  test(`screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    const { page } = ferry;
    mkdirSync(dir!, { recursive: true });
    const shot = async (name: string, fullPage = false) => page.screenshot({ path: join(dir!, `${language}-${name}.png`), fullPage });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language').selectOption(language);
    await page.getByTestId('nav-home').click();
    await page.getByTestId('side-connected').click();
    await shot('01-home-journey');
    await page.getByTestId('nav-appliances').click();
    await shot('02-appliances-later');

    // Settings: refusals next to the field, the notices, a name too long.
    await page.getByTestId('nav-settings').click();
    const office = otherStationKey(ferry.dataDir, 'office.pem');
    const wrong = `${office.fingerprint.slice(0, 60)}0000`;
    await trustInUi(page, office, wrong === office.fingerprint ? '0'.repeat(64) : wrong);
    await expect(page.getByTestId('errors-trust-fingerprint')).toBeVisible();
    await shot('03-trust-mismatch');
    await page.getByTestId('trust-fingerprint').fill('55d9 c531 xyz');
    await page.getByTestId('trust-confirm').click();
    await expect(page.getByTestId('errors-trust-fingerprint')).toContainText('FINGERPRINT_MALFORMED');
    await shot('04-trust-malformed');
    await page.getByTestId('trust-fingerprint').fill(office.fingerprint);
    await page.getByTestId('trust-name').fill(language === 'de' ? 'Büro Hamburg – Verbundene Seite' : 'Hamburg office – connected side');
    await page.getByTestId('trust-confirm').click();
    await expect(page.getByTestId('trust-done')).toBeVisible();
    await shot('05-trusted', true);
    await trustInUi(page, office, office.fingerprint, language === 'de' ? 'Büro Hamburg' : 'Hamburg office');
    await shot('06-already-trusted-renamed', true);
    const other = otherStationKey(ferry.dataDir, 'other.pem');
    await trustInUi(page, other, other.fingerprint);
    await page.getByTestId('station-rename').click();
    await page.getByTestId('station-input').fill(LONG_NAME);
    await page.getByTestId('station-save').click();
    await expect(page.getByTestId('errors-station.rename')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('07-rename-too-long');
    // A long name that fits is kept whole (it breaks only at its hyphens in the audit table).
    await page.getByTestId('station-input').fill(LONG_NAME.slice(0, 80));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('station-name')).toHaveText(LONG_NAME.slice(0, 80));
    await page.getByTestId('trusted-item').first().getByTestId('trusted-rename').click();
    await page.getByTestId('trusted-input').fill('Büro Hamburg – Verbundene Seite mit einem wirklich sehr langen Stationsnamen Nr1');
    await page.getByTestId('trusted-item').first().scrollIntoViewIfNeeded();
    await shot('08-trusted-rename-80');
    await page.keyboard.press('Escape');
    await page.getByTestId('trusted-item').last().getByTestId('trusted-remove').click();
    await shot('09-remove-confirm');

    // Audit: 1,000 more entries, a filter with a fingerprint shown whole, an inverted span.
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../seed-audit.ts'), '--data-dir', ferry.dataDir, '--count', '1000']);
    expect(r.status).toBe(0);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-filter-action').selectOption('station.trusted');
    await page.locator('[data-testid="audit-row"][data-action="station.trusted"]').first().getByTestId('fingerprint-toggle').click();
    await shot('10-audit-trusted', true);
    await page.getByTestId('audit-filter-action').selectOption('');
    await page.getByTestId('audit-filter-from').fill('2026-11-27');
    await page.getByTestId('audit-filter-to').fill('2026-11-26');
    await shot('11-audit-inverted');
    await page.getByTestId('audit-filter-clear').click();
    await page.getByTestId('audit-last').click();
    await shot('12-audit-oldest', true);

    // Plan: a broken catalog in words, then a plan (its heading has the focus).
    await page.getByTestId('nav-plan').click();
    const broken = join(ferry.dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ packages: [{ name: 'x', kind: 'site', version: '1.x' }, { name: 'y', kind: 'firmware' }] }));
    await ferry.answerNextFileDialog(broken);
    await page.getByTestId('plan-open-catalog').click();
    await expect(page.getByTestId('error-notice')).toBeVisible();
    await shot('13-plan-broken-catalog');
    const good = join(ferry.dataDir, 'catalog.json');
    writeFileSync(good, JSON.stringify(CATALOG));
    await ferry.answerNextFileDialog(good);
    await page.getByTestId('plan-open-catalog').click();
    await page.getByTestId('plan-base').fill('3.2.4');
    await page.getByTestId('plan-site').fill('12.0.0');
    await page.getByTestId('plan-startAt').fill('2026-12-01T09:00');
    await page.getByTestId('plan-compute').click();
    await expect(page.locator('#plan-result')).toBeFocused();
    await shot('14-plan-result');
    // With a maintenance window, then changed after planning (outdated); then an unreachable target (blockers, advice).
    await page.getByTestId('plan-windows').fill('mon-fri 18:00-22:00');
    await page.getByTestId('plan-compute').click();
    await expect(page.locator('#plan-result')).toBeFocused();
    await page.getByTestId('plan-windows').fill('mon-fri 18:00-23:00');
    await shot('14b-plan-window-outdated', true);
    await page.getByTestId('plan-site').fill('12.0.0');
    await page.getByTestId('plan-base').fill('3.2.4');
    await page.getByTestId('plan-target').selectOption({ index: 0 });

    await page.getByTestId('nav-vault').click();
    await ferry.answerNextFileDialog(join(ferry.dataDir, 'missing.bin'));
    await page.getByTestId('hash-choose').click();
    await expect(page.getByTestId('error-notice')).toBeVisible();
    await shot('15-vault');

    // 900 px wide: the audit table and a rename field with an 80-character name.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-filter-action').selectOption('station.renamed');
    await shot('16-900-audit', true);
    await page.getByTestId('audit-filter-action').selectOption('');
    await page.getByTestId('audit-last').click();
    await shot('17-900-audit-oldest', true);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('trusted-item').first().getByTestId('trusted-rename').click();
    await page.getByTestId('trusted-input').fill('Büro Hamburg – Verbundene Seite mit einem wirklich sehr langen Stationsnamen Nr1');
    await shot('18-900-settings-rename');
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-plan').click();
    await shot('19-900-plan', true);
  });

  // The transfer page, both sides of the air gap (two stations, one stick).
  test(`transfer screenshots in ${language}`, async ({ ferry, ferry2 }) => {
    test.setTimeout(180_000);
    test.skip(ferry.target === 'electron', 'the harness lists a folder as the stick');
    mkdirSync(dir!, { recursive: true });
    await transferShots(ferry, ferry2, dir!, language);
  });

  // The appliances and vault pages: empty, being filled in, refused, filled.
  test(`appliances and vault screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    mkdirSync(dir!, { recursive: true });
    await applianceVaultShots(ferry, dir!, language);
  });

  // The runbook page: the start form, a failover run under way, an Atlas cluster, the report.
  test(`runbook screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(180_000);
    mkdirSync(dir!, { recursive: true });
    await runbookShots(ferry, dir!, language);
  });

  // The certificates page: a broken chain's findings, a good one exported.
  test(`certificate screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    mkdirSync(dir!, { recursive: true });
    await certShots(ferry, dir!, language);
  });

  // The Jump Clients page: empty, a result with the estimate, filtered, the columns to map, 900 px wide.
  test(`clients screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    mkdirSync(dir!, { recursive: true });
    await clientsShots(ferry, dir!, language);
  });

  // The appliance link: the certificate to compare, a status, the backup, a renewed certificate, Jump Clients from the appliance.
  test(`link screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    mkdirSync(dir!, { recursive: true });
    await linkShots(ferry, dir!, language);
  });
  // A runbook step with the appliance link's reading: a stale sync refused, a fresh one, the install's version.
  test(`runbook link screenshots in ${language}`, async ({ ferry }) => {
    test.setTimeout(120_000);
    mkdirSync(dir!, { recursive: true });
    await runbookLinkShots(ferry, dir!, language);
  });
}
