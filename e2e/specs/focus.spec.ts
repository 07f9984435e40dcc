/**
 * The focus never falls to <body> when what held it changes: planning (the result's heading, or the
 * first invalid field), verifying the audit log again, clearing its filter, dismissing an error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { expectFocusNotOnBody, openCatalog, otherStationKey, trustInUi } from '../helpers.ts';

test('planning moves the focus to the first invalid field, then to the result’s heading', async ({ ferry }) => {
  const { page } = ferry;
  await openCatalog(ferry, { packages: [{ name: 'Site 12.2.0', kind: 'site', version: '12.2.0', upgradesFrom: '>=12.0.0' }] });
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-storedDataGiB').fill('viel');
  await page.getByTestId('plan-compute').focus();
  await page.keyboard.press('Enter');
  // Two fields refused; the first in the form's order takes the focus.
  await expect(page.getByTestId('plan-base')).toBeFocused();
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-storedDataGiB').fill('0');
  await page.getByTestId('plan-compute').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#plan-result')).toHaveText('Plan: 12.0.0 → 12.2.0');
  await expect(page.locator('#plan-result')).toBeFocused();
  await expectFocusNotOnBody(page);
});

test('verifying again and clearing the filter keep the focus on the audit page', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-audit').click();
  const checked = page.getByTestId('audit-checked-at');
  await expect(checked).toBeVisible();
  const verify = page.getByTestId('audit-verify');
  await verify.focus();
  await page.keyboard.press('Enter');
  await expect(verify).not.toHaveAttribute('aria-disabled', 'true');
  await expect(verify).toBeEnabled();
  await expect(verify).toBeFocused();
  await expectFocusNotOnBody(page);

  await page.getByTestId('audit-filter-action').selectOption('station.created');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-filter-clear').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-filter-clear')).toHaveCount(0);
  await expect(page.getByTestId('audit-filter-action')).toBeFocused();
  await expectFocusNotOnBody(page);
});

test('dismissing an error moves the focus to the next error, then back where the person was', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-plan').click();
  const broken = join(ferry.dataDir, 'broken.json');
  writeFileSync(broken, '{');
  await ferry.answerNextFileDialog(broken);
  await page.getByTestId('plan-open-catalog').click();
  await ferry.answerNextFileDialog(join(ferry.dataDir, 'missing.json'));
  await page.getByTestId('plan-open-catalog').click();
  const notices = page.getByTestId('error-queue').getByTestId('error-notice');
  await expect(notices).toHaveCount(2);
  await notices.first().getByTestId('error-dismiss').click();
  await expect(notices).toHaveCount(1);
  await expect(notices.first().getByTestId('error-dismiss')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notices).toHaveCount(0);
  await expect(page.locator('h1#page-title')).toBeFocused();
  await expectFocusNotOnBody(page);

  // An error next to a form: dismissed, the focus returns to the field it was about.
  await page.getByTestId('nav-settings').click();
  const key = otherStationKey(ferry.dataDir);
  await trustInUi(page, key, '0'.repeat(64));
  const refusal = page.getByTestId('errors-trust-fingerprint').getByTestId('error-notice');
  await expect(refusal).toBeVisible();
  await refusal.getByTestId('error-dismiss').click();
  await expect(refusal).toHaveCount(0);
  await expect(page.getByTestId('trust-fingerprint')).toBeFocused();
  await expectFocusNotOnBody(page);
});
