/**
 * Pictures of the appliance link for a person to look at (see specs/screenshots.spec.ts): the link
 * panel with the certificate to compare, a linked failover primary with its status and a version
 * that differs from the inventory, the settings backup done, a renewed certificate refused, the Jump
 * Clients read from the appliance; the appliances page 900 px wide. Two fake appliances run here.
 */
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { defaultFakeState, startFakeAppliance } from './fake-appliance/fake-appliance.ts';
import type { FerryApp } from './fixtures.ts';
import { addAppliance, linkInUi, linkRow, primaryState } from './link-helpers.ts';

/** Takes the link screenshots in `language` into `dir`. */
export async function linkShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const { page } = ferry;
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(dir, `${language}-link-${name}.png`), fullPage });
  const de = language === 'de';
  const primary = await startFakeAppliance(primaryState('24.1.2 (build 12345)', 12));
  const single = await startFakeAppliance(defaultFakeState());
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language').selectOption(language);
    await page.getByTestId('side').selectOption('restricted');
    const nameA = de ? 'Gerät A – Rechenzentrum' : 'Appliance A – data centre';
    const nameB = de ? 'Gerät B – Backup' : 'Appliance B – backup';
    addAppliance(ferry, nameA, 'support-a.example.com', '23.3.1', 'primary');
    addAppliance(ferry, nameB, 'support-b.example.com', '23.3.1', 'backup');
    await page.getByTestId('nav-appliances').click();
    await shot('01-not-linked');

    // The panel with the certificate shown, to compare.
    const a = linkRow(page, nameA);
    await a.getByTestId('link-open').click();
    await a.getByTestId('link-url').fill(`${primary.url}/login`);
    await a.getByTestId('link-client-id').fill(primary.state.clientId);
    await a.getByTestId('link-secret').fill(primary.state.clientSecret);
    await a.getByTestId('link-show-cert').click();
    await expect(a.getByTestId('link-certificate')).toBeFocused();
    await a.getByTestId('link-panel').scrollIntoViewIfNeeded();
    await shot('02-panel-certificate');
    await a.getByTestId('link-confirm').click();
    await expect(a.getByTestId('link-done')).toBeFocused();

    // Linked and read: a primary with shared IPs and a recent sync; the version differs from the inventory.
    await a.getByTestId('link-read-status').click();
    await expect(a.getByTestId('link-status')).toBeVisible();
    await shot('03-linked-status');

    // The settings backup, protected with a password.
    await a.getByTestId('link-backup').click();
    await a.getByTestId('link-backup-password').fill('Sicherung-2026!');
    await a.getByTestId('link-backup-again').fill('Sicherung-2026!');
    await shot('04-backup-form');
    await a.getByTestId('link-backup-start').click();
    await expect(a.getByTestId('link-backup-outcome')).toHaveAttribute('data-status', 'ok');
    await shot('05-backup-done');

    // B linked without the configuration API; then A's certificate renewed: refused, with the new fingerprint.
    single.state.permissions.perm_configuration = '0';
    await linkInUi(page, nameB, single);
    await primary.rotateCertificate();
    await a.getByTestId('link-read-status').click();
    await expect(a.getByTestId('link-pin-mismatch')).toBeVisible();
    await a.getByTestId('error-notice').scrollIntoViewIfNeeded();
    await shot('06-pin-mismatch');

    // Jump Clients read from the appliance (B: refused, no permission; A after linking again).
    await a.getByTestId('link-mismatch-relink').click();
    await a.getByTestId('link-client-id').fill(primary.state.clientId);
    await a.getByTestId('link-secret').fill(primary.state.clientSecret);
    await a.getByTestId('link-show-cert').click();
    await a.getByTestId('link-confirm').click();
    await expect(a.getByTestId('link-done')).toBeFocused();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-source-appliance').check();
    await page.getByTestId('clients-since').fill(localMinutes(new Date(Date.now() - 30 * 86_400_000)));
    await shot('07-clients-source');
    await page.getByTestId('clients-appliance').selectOption({ label: `${nameA} (${primary.url})` });
    await page.getByTestId('clients-check').click();
    await expect(page.getByTestId('clients-result')).toBeVisible();
    await page.getByTestId('clients-result').getByRole('heading', { level: 2 }).focus();
    await page.getByTestId('clients-source').scrollIntoViewIfNeeded();
    await shot('08-clients-from-appliance', false);

    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByTestId('nav-appliances').click();
    await expect(a.getByTestId('link-status')).toBeVisible();
    await shot('09-900-appliances');
    await linkRow(page, nameB).getByTestId('link-relink').click();
    await linkRow(page, nameB).getByTestId('link-show-cert').click();
    await expect(linkRow(page, nameB).getByTestId('link-certificate')).toBeFocused();
    await shot('10-900-panel', false);
  } finally {
    await primary.close();
    await single.close();
  }
}

/** `YYYY-MM-DDTHH:mm` in this computer's local time, as a datetime-local field takes it. */
function localMinutes(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
