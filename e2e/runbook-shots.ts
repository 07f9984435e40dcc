/**
 * Screenshots of the runbook page in one language: the start form, a failover run under way (a step
 * blocked, a version refused, a wait counting down), an Atlas run with its cluster picture, and the
 * report printed to PDF and turned into PNGs with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';
import { openCatalog } from './helpers.ts';

export async function runbookShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const { page } = ferry;
  const shot = async (name: string, fullPage = false) => page.screenshot({ path: join(dir, `${language}-rb-${name}.png`), fullPage });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption(language);
  const add = (name: string, role: string, region?: string) => ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', `${name}.example.com`, '--base', '3.2.4', '--site', '12.0.0', ...(region ? ['--region', region] : []));
  add('bt-a', 'primary');
  add('bt-b', 'backup');
  add('atlas-m', 'master');
  for (const [n, r] of [['fra-1', 'EU'], ['fra-2', 'EU'], ['fra-3', 'EU'], ['nyc-1', 'US'], ['nyc-2', 'US'], ['syd-1', 'APAC']] as const) add(n, 'traffic', r);
  await openCatalog(ferry);
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-timeline')).toBeVisible();

  await page.getByTestId('nav-runbook').click();
  await page.getByTestId('rb-variant-dns-swing').check();
  await page.getByTestId('rb-wait').fill(language === 'de' ? '0,01' : '0.01');
  await shot('01-start-form', true);
  await page.getByTestId('rb-start').click();
  await expect(page.getByTestId('rb-run')).toBeVisible();
  await shot('02-run-start');
  const step = (id: string) => page.getByTestId(`rb-step-${id}`);
  // Each step once it is ready (the run updates after the step before it).
  const confirm = async (id: string) => {
    await expect(step(id)).toHaveAttribute('data-status', 'ready');
    if (await step(id).getByTestId('rb-confirm').count()) await step(id).getByTestId('rb-confirm').check();
    await step(id).getByTestId('rb-done').click();
  };
  await step('plan-windows').getByTestId('rb-confirm').check();
  await step('plan-windows').getByTestId('rb-done').click();
  const backup = join(ferry.dataDir, '..', `bt-a-${language}.nsb`);
  writeFileSync(backup, `settings backup ${language}`);
  await ferry.answerNextFileDialog(backup);
  await step('backup-settings').getByTestId('rb-choose-file').click();
  await expect(step('backup-settings').getByTestId('rb-file-ready')).toBeVisible();
  await step('backup-settings').scrollIntoViewIfNeeded();
  await shot('03-backup-file');
  await step('backup-settings').getByTestId('rb-done').click();
  for (const id of ['sync-now', 'break-failover', 'check-updates-b', 'download-key-b', 'download-packages-b']) await confirm(id);
  await expect(step('install-b#1')).toHaveAttribute('data-status', 'ready');
  await step('install-b#1').getByTestId('rb-basics').fill('Softwareversion: 12.0.0\nBase-Softwareversion: 3.2.4');
  await step('install-b#1').scrollIntoViewIfNeeded();
  await shot('04-version-refused');
  await step('install-b#1').getByTestId('rb-basics').fill('Softwareversion: 12.0.0\nBase-Softwareversion: 3.3.2');
  await shot('05-version-matches');
  await step('install-b#1').getByTestId('rb-done').click();
  await expect(step('install-b#2')).toHaveAttribute('data-status', 'ready');
  await step('install-b#2').getByTestId('rb-skip').click();
  await step('install-b#2').getByTestId('rb-skip-reason-input').fill(language === 'de' ? 'Paket bereits von der Fernwartung installiert (Ticket 4711)' : 'Package already installed by remote support (ticket 4711)');
  await shot('06-skip-reason');
  await step('install-b#2').getByTestId('rb-skip-confirm').click();
  for (const id of ['install-b#3', 'install-b#4']) {
    await expect(step(id)).toHaveAttribute('data-status', 'ready');
    await step(id).getByTestId('rb-basics').fill(id.endsWith('3') ? 'Softwareversion: 12.2.0\nBase-Softwareversion: 4.0.0' : 'Softwareversion: 13.1.0\nBase-Softwareversion: 4.0.0');
    await step(id).getByTestId('rb-done').click();
  }
  for (const id of ['hosts-file-b', 'verify-b', 'dns-swing', 'confirm-b-primary']) await confirm(id);
  await expect(step('wait-jump-clients')).toHaveAttribute('data-status', 'waiting');
  await step('confirm-production-b').scrollIntoViewIfNeeded();
  await shot('07-blocked-and-waiting', true);
  await step('wait-jump-clients').screenshot({ path: join(dir, `${language}-rb-11-wait.png`) });
  await step('install-a#1').screenshot({ path: join(dir, `${language}-rb-12-blocked.png`) });
  await step('install-b#2').screenshot({ path: join(dir, `${language}-rb-13-skipped.png`) });

  // The report of the run so far, printed to PDF, as pictures.
  const pdf = join(dir, `${language}-rb-report.pdf`);
  await ferry.answerNextDialog({ kind: 'save-file', path: pdf });
  await page.getByTestId('rb-report-pdf').click();
  await expect(page.getByTestId('rb-saved')).toBeVisible({ timeout: 60_000 });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(dir, `${language}-rb-report`)]);
  await ferry.answerNextDialog({ kind: 'save-file', path: join(dir, `${language}-rb-report.html`) });
  await page.getByTestId('rb-report-html').click();

  // An Atlas cluster: half of each region offline first, the picture as the run goes on.
  await page.getByTestId('rb-back').click();
  await page.getByTestId('rb-new').click();
  await page.getByTestId('rb-procedure').selectOption('atlas-plain');
  await shot('08-atlas-form', true);
  await page.getByTestId('rb-start').click();
  await expect(page.getByTestId('rb-cluster')).toBeVisible();
  await page.getByTestId('rb-cluster').screenshot({ path: join(dir, `${language}-rb-09-atlas-cluster.png`) });
  // Through the preparation until the offline half is drained: the picture shows who takes no clients.
  const atlasBackup = join(ferry.dataDir, '..', `atlas-${language}.nsb`);
  writeFileSync(atlasBackup, `atlas backup ${language}`);
  await ferry.answerNextFileDialog(atlasBackup);
  await step('backup-settings').getByTestId('rb-choose-file').click();
  await expect(step('backup-settings').getByTestId('rb-file-ready')).toBeVisible();
  await step('backup-settings').getByTestId('rb-done').click();
  for (const id of ['download-updates', 'distribute-to-cluster', 'choose-offline-half', 'disable-offline-half']) await confirm(id);
  await expect(page.getByTestId('rb-node-fra-1')).toHaveAttribute('data-accepting', 'false');
  await page.getByTestId('rb-cluster').screenshot({ path: join(dir, `${language}-rb-10-atlas-offline-half.png`) });
}
