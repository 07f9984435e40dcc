/**
 * Pictures of the appliances and vault pages for a person to look at (see specs/screenshots.spec.ts):
 * empty, being filled in, refused, filled; at 1280 and 900 px.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';
import { fillVault } from './vault-trip.ts';

const KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';

/** Takes the appliances and vault screenshots in `language` into `dir`. */
export async function applianceVaultShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const { page } = ferry;
  const shot = async (name: string, fullPage = false) => page.screenshot({ path: join(dir, `${language}-u1-${name}.png`), fullPage });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption(language);
  await page.getByTestId('side').selectOption('restricted');

  await page.getByTestId('nav-appliances').click();
  await shot('01-appliances-empty', true);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  await page.getByTestId('basics-text').fill(language === 'de'
    ? `Softwareversion: 12.2.0\nBase-Softwareversion: 3.3.2\nSeriennummer: BT-0815-4711\nSystemzeit: ${hourAgo}\nLizenz: 25 Techniker`
    : `Software Version: 12.2.0\nBase Software Version: 3.3.2\nSerial Number: BT-0815-4711\nSystem Time: ${hourAgo}\nLicense: 25 technicians`);
  await page.getByTestId('basics-read').click();
  await page.getByTestId('basics-found').scrollIntoViewIfNeeded();
  await shot('02-appliances-paste-found');
  await page.getByTestId('basics-apply').click();
  await page.getByTestId('appliance-name').fill(language === 'de' ? 'Gerät A – Rechenzentrum' : 'Appliance A – data centre');
  await page.getByTestId('appliance-hostname').fill('https://support.example.com');
  await page.getByTestId('appliance-key').fill('AK 7f3a');
  await page.getByTestId('appliance-storedDataGib').fill('viel');
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-key-error')).toBeVisible();
  await shot('03-appliances-refused', true);
  await page.getByTestId('appliance-key').fill(KEY);
  await page.getByTestId('appliance-storedDataGib').fill('250');
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-hostname-error')).toBeVisible();
  await shot('04-appliances-service-refused', true);
  await page.getByTestId('appliance-hostname').fill('support.example.com');
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-added')).toBeVisible();

  // A failover partner and a traffic node whose key is days old (dated back in the database).
  expect(ferry.cli('appliance', 'add', '--name', language === 'de' ? 'Gerät B – Backup' : 'Appliance B – backup', '--role', 'backup', '--hostname', 'support-b.example.com',
    '--base', '3.3.2', '--site', '12.2.0').status).toBe(0);
  expect(ferry.cli('appliance', 'add', '--name', 'Traffic Frankfurt', '--role', 'traffic', '--region', 'EU-Mitte', '--hostname', 'tn1.example.com',
    '--base', '4.0.0', '--site', '13.1.0', '--download-key', 'TN-99887766-5544-3322-1100-ffeeddccbbaa', '--appliance-time', new Date().toISOString()).status).toBe(0);
  const db = new DatabaseSync(join(ferry.dataDir, 'ferry.db'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('UPDATE download_keys SET captured_at = ? WHERE appliance_id = (SELECT id FROM appliances WHERE name = ?)').run(new Date(Date.now() - 5 * 86_400_000).toISOString(), 'Traffic Frankfurt');
  } finally {
    db.close();
  }
  await page.getByTestId('nav-vault').click();
  await page.getByTestId('nav-appliances').click();
  await page.locator('[data-testid="appliance-row"]').first().getByTestId('appliance-key-copy').click();
  await shot('05-appliances-filled', true);
  const second = page.locator('[data-testid="appliance-row"]').nth(1);
  await second.getByTestId('appliance-versions-edit').click();
  await second.getByTestId('appliance-versions-site').fill('13.1.0');
  await shot('05b-appliances-versions', true);
  await second.getByTestId('appliance-versions-site').press('Escape');
  await page.locator('[data-testid="appliance-row"][data-name="Traffic Frankfurt"]').getByTestId('appliance-key-capture').click();
  await page.getByTestId('capture-time').fill('27.11.2026 14:03');
  await shot('06-appliances-capture', true);
  await page.setViewportSize({ width: 900, height: 800 });
  await shot('07-900-appliances', true);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByTestId('nav-vault').click();
  await shot('08-vault-empty', true);
  const packages = fillVault(ferry);
  await page.getByTestId('nav-appliances').click();
  await page.getByTestId('nav-vault').click();
  await expect(page.getByTestId('vault-package')).toHaveCount(2);
  const site = page.locator(`[data-testid="vault-package"][data-sha256="${packages.get('BeyondTrust 13.1.0')!.sha256}"]`);
  await site.getByTestId('vault-reverify').click();
  await expect(site.getByTestId('vault-outcome')).toBeVisible();
  const base = page.locator(`[data-testid="vault-package"][data-sha256="${packages.get('Base Software 4.0.0')!.sha256}"]`);
  await ferry.answerNextDialog({ kind: 'open-folder', path: ferry.medium });
  await base.getByTestId('vault-export').click();
  await expect(base.getByTestId('vault-outcome')).toBeVisible();
  await base.getByTestId('fingerprint-toggle').click();
  await shot('09-vault-filled', true);
  await site.getByTestId('vault-remove').click();
  await shot('10-vault-remove-confirm', true);
  await page.setViewportSize({ width: 900, height: 800 });
  await shot('11-900-vault', true);
}
