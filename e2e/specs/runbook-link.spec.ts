/**
 * The appliance link as runbook evidence (issue 13): appliance A of a failover pair is linked (the fake
 * HTTPS appliance); on the Runbook page its sync step asks for the appliance's own reading instead of
 * a tick — a sync older than the backup is refused with its words, a fresh one is taken — and the
 * install step takes the version the appliance reports instead of pasted Status › Basics.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFakeState, startFakeAppliance } from '../fake-appliance/fake-appliance.ts';
import { expect, test } from '../fixtures.ts';

test('a sync step takes the appliance\'s own reading (a stale sync refused), an install step the version it reports', async ({ ferry }) => {
  test.setTimeout(120_000);
  const fake = await startFakeAppliance(defaultFakeState({ clientId: 'ferry-e2e', clientSecret: 'e2e-secret-0815' }));
  try {
    for (const [name, role] of [['bt-a', 'primary'], ['bt-b', 'backup']] as const) {
      expect(ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', `${name}.example.com`, '--base', '4.0.0', '--site', '12.2.0').status).toBe(0);
    }
    const dir = mkdtempSync(join(tmpdir(), 'ferry-link-e2e-'));
    const page = ferry.page;
    // Linked through the app's own channel (the Appliances page does the same; its spec shows that):
    // the fake answers from this process, so no synchronous CLI may block it meanwhile.
    await page.evaluate(async ({ url, pin }) => {
      const appliance = (await window.ferry.appliance.list({}));
      if (!appliance.ok) throw new Error(appliance.error.code);
      const id = appliance.value.find((a) => a.name === 'bt-a')!.id;
      const r = await window.ferry.link.create({ id, url, clientId: 'ferry-e2e', secret: 'e2e-secret-0815', pin });
      if (!r.ok) throw new Error(r.error.code);
    }, { url: fake.url, pin: fake.fingerprint });
    // A's last sync ran an hour ago, long before the backup this run will take.
    fake.state.health = { ...fake.state.health, failoverRole: 'primary', lastDataSync: { at: new Date(Date.now() - 3_600_000).toISOString(), status: 'Success' } };

    const runId = await page.evaluate(async () => {
      const r = await window.ferry.runbook.start({ procedure: 'failover-sync', appliances: { A: 'bt-a', B: 'bt-b' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
      if (!r.ok) throw new Error(r.error.code);
      return r.value.id;
    });
    await page.getByTestId('nav-runbook').click();
    await page.getByTestId(`rb-open-${runId}`).click();
    const step = (id: string) => page.getByTestId(`rb-step-${id}`);
    // The id of bt-a's newest reading (the one just shown), as a script would send it.
    const latestReading = () => page.evaluate(async () => {
      const list = await window.ferry.appliance.list({});
      if (!list.ok) throw new Error(list.error.code);
      const r = await window.ferry.link.readings({ id: list.value.find((a) => a.name === 'bt-a')!.id });
      if (!r.ok) throw new Error(r.error.code);
      return r.value[0]!.id;
    });
    await step('plan-windows').getByTestId('rb-confirm').check();
    await step('plan-windows').getByTestId('rb-done').click();
    const backup = join(dir, 'bt-a.nsb');
    writeFileSync(backup, `settings of bt-a ${Date.now()}`);
    await ferry.answerNextFileDialog(backup);
    await step('backup-settings').getByTestId('rb-choose-file').click();
    await expect(step('backup-settings').getByTestId('rb-file-ready')).toContainText(createHash('sha256').update(readFileSync(backup)).digest('hex'));
    await step('backup-settings').getByTestId('rb-done').click();
    await expect(step('backup-settings')).toHaveAttribute('data-status', 'done');

    // The sync of a linked appliance: no tick to set, the appliance's reading is needed.
    const sync = step('sync-now');
    await expect(sync).toHaveAttribute('data-status', 'ready');
    await expect(sync.getByTestId('rb-confirm')).toHaveCount(0);
    await expect(sync.getByTestId('rb-done')).toBeDisabled();
    await sync.getByTestId('rb-link-read').click();
    await expect(sync.getByTestId('rb-link-reading')).toContainText('bt-a');
    // Older than the backup: the page says so and Done stays off (the service refuses it too: LINK_READING_UNFIT).
    await expect(sync.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'false');
    await expect(sync.getByTestId('rb-link-reading')).toContainText('bevor die Schritte davor erledigt waren');
    await expect(sync.getByTestId('rb-done')).toBeDisabled();
    const refused = await page.evaluate(async ({ runId, readingId }) => {
      const r = await window.ferry.runbook.complete({ runId, stepId: 'sync-now', evidence: [{ kind: 'confirm', value: '' }, { kind: 'link-reading', value: readingId }] });
      return r.ok ? 'ok' : r.error.code;
    }, { runId, readingId: await latestReading() });
    expect(refused).toBe('LINK_READING_UNFIT');
    await expect(sync).toHaveAttribute('data-status', 'ready');
    // Synced now (the technician pressed "Sync now" in /login): read again, taken.
    fake.state.health = { ...fake.state.health, lastDataSync: { at: new Date().toISOString(), status: 'Success' } };
    await sync.getByTestId('rb-link-read').click();
    // The new reading replaces the old one (the old goes at the click): Done waits for it.
    await expect(sync.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'true');
    await expect(sync.getByTestId('rb-done')).toBeEnabled();
    await sync.getByTestId('rb-done').click();
    await expect(sync).toHaveAttribute('data-status', 'done');
    await expect(sync.getByTestId('rb-recorded')).toContainText('bt-a');

    // On to A's install: each step as it asks, then the version the appliance reports.
    for (const id of ['break-failover', 'check-updates-a', 'download-key-a', 'download-packages-a']) {
      const s = step(id);
      await expect(s).toHaveAttribute('data-status', 'ready');
      if (await s.getByTestId('rb-confirm').count()) await s.getByTestId('rb-confirm').check();
      await s.getByTestId('rb-done').click();
      await expect(s).toHaveAttribute('data-status', 'done');
    }
    const install = step('install-a#1');
    await expect(install.getByTestId('rb-link')).toBeVisible();
    // Still the old version: said next to the plan's, Done stays off.
    await install.getByTestId('rb-link-read').click();
    await expect(install.getByTestId('rb-link-reading')).toHaveAttribute('data-fits', 'false');
    await expect(install.getByTestId('rb-link-reading')).toContainText('Der Plan erwartet nach diesem Schritt 13.1.0');
    await expect(install.getByTestId('rb-done')).toBeDisabled();
    fake.state.health = { ...fake.state.health, version: '13.1.0 (build 41877)' };
    await install.getByTestId('rb-link-read').click();
    await expect(install.getByTestId('rb-link-reading')).toContainText('13.1.0 (build 41877)');
    await install.getByTestId('rb-done').click();
    await expect(install).toHaveAttribute('data-status', 'done');
    await expect(install.getByTestId('rb-recorded')).toContainText('13.1.0');

    // The record agrees: the steps name the readings, and the audit log has them.
    const status = JSON.parse(ferry.cli('runbook', 'status', '--json').stdout) as { runs: { done: number }[] };
    expect(status.runs[0]!.done).toBe(8);
    expect(ferry.cli('audit', 'verify').status).toBe(0);
  } finally {
    await fake.close();
  }
});
