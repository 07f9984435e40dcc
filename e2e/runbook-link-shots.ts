/**
 * Screenshots of a runbook step taking the appliance link's reading, in one language: a sync older
 * than the backup said so, a fresh one read and ready, the install's version read against the plan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { defaultFakeState, startFakeAppliance } from './fake-appliance/fake-appliance.ts';
import type { FerryApp } from './fixtures.ts';

export async function runbookLinkShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const fake = await startFakeAppliance(defaultFakeState({ clientId: 'ferry-shots', clientSecret: 'shots-secret-1' }));
  try {
    const { page } = ferry;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language').selectOption(language);
    for (const [name, role] of [['bt-a', 'primary'], ['bt-b', 'backup']] as const) {
      expect(ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', `${name}.example.com`, '--base', '4.0.0', '--site', '12.2.0').status).toBe(0);
    }
    fake.state.health = { ...fake.state.health, failoverRole: 'primary', sharedIps: ['10.0.0.10'], lastDataSync: { at: new Date(Date.now() - 3_600_000).toISOString(), status: 'Success' } };
    const runId = await page.evaluate(async ({ url, pin }) => {
      const list = await window.ferry.appliance.list({});
      if (!list.ok) throw new Error(list.error.code);
      const linked = await window.ferry.link.create({ id: list.value.find((a) => a.name === 'bt-a')!.id, url, clientId: 'ferry-shots', secret: 'shots-secret-1', pin });
      if (!linked.ok) throw new Error(linked.error.code);
      const r = await window.ferry.runbook.start({ procedure: 'failover-sync', appliances: { A: 'bt-a', B: 'bt-b' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
      if (!r.ok) throw new Error(r.error.code);
      return r.value.id;
    }, { url: fake.url, pin: fake.fingerprint });
    await page.getByTestId('nav-runbook').click();
    await page.getByTestId(`rb-open-${runId}`).click();
    const step = (id: string) => page.getByTestId(`rb-step-${id}`);
    await step('plan-windows').getByTestId('rb-confirm').check();
    await step('plan-windows').getByTestId('rb-done').click();
    const backup = join(mkdtempSync(join(tmpdir(), 'ferry-shots-')), 'bt-a.nsb');
    writeFileSync(backup, `settings of bt-a ${Date.now()}`);
    await ferry.answerNextFileDialog(backup);
    await step('backup-settings').getByTestId('rb-choose-file').click();
    await expect(step('backup-settings').getByTestId('rb-file-ready')).toBeVisible();
    await step('backup-settings').getByTestId('rb-done').click();
    const sync = step('sync-now');
    await sync.getByTestId('rb-link-read').click();
    await expect(sync.getByTestId('rb-link-reading')).toBeVisible();
    await expect(sync.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'false');
    await sync.screenshot({ path: join(dir, `${language}-rblink-01-sync-older.png`) });
    fake.state.health = { ...fake.state.health, lastDataSync: { at: new Date().toISOString(), status: 'Success' } };
    await sync.getByTestId('rb-link-read').click();
    await expect(sync.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'true');
    await sync.screenshot({ path: join(dir, `${language}-rblink-02-sync-read.png`) });
    await sync.getByTestId('rb-done').click();
    await expect(sync).toHaveAttribute('data-status', 'done');
    for (const id of ['break-failover', 'check-updates-a', 'download-key-a', 'download-packages-a']) {
      if (await step(id).getByTestId('rb-confirm').count()) await step(id).getByTestId('rb-confirm').check();
      await step(id).getByTestId('rb-done').click();
      await expect(step(id)).toHaveAttribute('data-status', 'done');
    }
    const install = step('install-a#1');
    await install.getByTestId('rb-link-read').click();
    await expect(install.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'false');
    await install.screenshot({ path: join(dir, `${language}-rblink-03-install-version-differs.png`) });
    fake.state.health = { ...fake.state.health, version: '13.1.0 (build 41877)' };
    await install.getByTestId('rb-link-read').click();
    await expect(install.getByTestId('rb-link-reading')).toContainText('13.1.0');
    await install.getByTestId('rb-done').click();
    await expect(install).toHaveAttribute('data-status', 'done');
    await install.screenshot({ path: join(dir, `${language}-rblink-04-install-done.png`) });
  } finally {
    await fake.close();
  }
}
