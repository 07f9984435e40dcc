/**
 * The appliance link in the app, against the fake HTTPS appliance (started here, in the Playwright
 * process; the harness connects to it on 127.0.0.1): the certificate shown and compared, then linked
 * with the account's permissions in words; the status read (version against the inventory, failover
 * role, the last data sync of a primary); the settings backup cancelled, then taken with a password
 * into the vault (checked on disk); a renewed certificate refused with LINK_PIN_MISMATCH and linked
 * again; the Jump Client list read from the appliance; the link panel by keyboard alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { defaultFakeState, startFakeAppliance, type FakeAppliance } from '../fake-appliance/fake-appliance.ts';
import { expect, test } from '../fixtures.ts';
import { expectFocusNotOnBody, expectVisibleFocus } from '../helpers.ts';
import { addAppliance, linkInUi, linkRow, primaryState, shownFingerprint } from '../link-helpers.ts';

const fakes: FakeAppliance[] = [];
async function fake(state = defaultFakeState()): Promise<FakeAppliance> {
  const f = await startFakeAppliance(state);
  fakes.push(f);
  return f;
}
test.afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** Reads a row of the data directory's database (the app keeps running: wait for its writes). */
function query<T>(dataDir: string, sql: string, ...args: string[]): T | undefined {
  const db = new DatabaseSync(join(dataDir, 'ferry.db'), { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    return db.prepare(sql).get(...args) as T | undefined;
  } finally {
    db.close();
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('links an appliance after its certificate is compared, reads its status, takes the settings backup, refuses a renewed certificate', async ({ ferry }) => {
  test.setTimeout(90_000);
  const { page } = ferry;
  const appliance = await fake();
  addAppliance(ferry, 'Gerät A', 'support.example.com', '23.3.1');
  await page.getByTestId('nav-appliances').click();
  await expect(page.getByTestId('appliances-link-hint')).toContainText('Ferry liest über diese Verknüpfung nur; es ändert nie etwas am Gerät (Failover und Einstellungen bleiben bei Ihnen in der Weboberfläche).');
  const row = linkRow(page, 'Gerät A');
  await expect(row.getByTestId('link-state')).toContainText('Nicht verknüpft');

  // The panel: the address from the inventory, the account; the secret hidden and explained.
  await row.getByTestId('link-open').click();
  await expect(row.getByTestId('link-url')).toBeFocused();
  await expect(row.getByTestId('link-url')).toHaveValue('https://support.example.com/login');
  await expect(row.getByTestId('link-secret')).toHaveAttribute('type', 'password');
  await expect(row.getByTestId('link-panel')).toContainText('Wird nur einmal angezeigt, wenn das API-Konto unter /login › Verwaltung › API-Konfiguration gespeichert wird; Ferry verwahrt es versiegelt und zeigt es nie wieder an.');
  await row.getByTestId('link-url').fill(`${appliance.url}/login`);
  await row.getByTestId('link-client-id').fill(appliance.state.clientId);
  await row.getByTestId('link-secret').fill('falsches-secret');
  // Enter in a field does the step at hand: show the certificate.
  await row.getByTestId('link-secret').press('Enter');
  await expect(row.getByTestId('link-certificate')).toBeFocused();
  expect(await shownFingerprint(row)).toBe(appliance.fingerprint);
  await expect(row.getByTestId('link-fingerprint')).toHaveText(appliance.fingerprint.match(/.{4}/g)!.join(' '));
  await row.getByTestId('link-fingerprint-format').click();
  await expect(row.getByTestId('link-fingerprint')).toHaveText(appliance.fingerprint.toUpperCase().match(/.{2}/g)!.join(':'));
  await expect(row.getByTestId('link-cert-subject')).toContainText('127.0.0.1');
  await expect(row.getByTestId('link-cert-issuer')).toContainText('selbst signiert');
  await expect(row.getByTestId('link-compare')).toContainText('/appliance › Sicherheit › Zertifikate');
  // Nothing is linked by showing it.
  expect(query(ferry.dataDir, 'SELECT * FROM appliance_links')).toBeUndefined();

  // A wrong secret is refused with its words; the secret field takes the focus.
  await row.getByTestId('link-confirm').click();
  const refused = row.getByTestId('link-create-errors').getByTestId('error-notice');
  await expect(refused).toHaveAttribute('data-code', 'LINK_AUTH_FAILED');
  await expect(refused).toContainText('Anmeldung am Gerät abgelehnt');
  await expect(row.getByTestId('link-secret')).toBeFocused();
  await row.getByTestId('link-secret').fill(appliance.state.clientSecret);
  await row.getByTestId('link-secret').press('Enter');

  // Linked: the result has the focus, with what the account may do; the secret is nowhere on the page.
  await expect(row.getByTestId('link-done')).toBeFocused();
  await expect(row.getByTestId('link-done')).toContainText(`Mit ${appliance.url} verknüpft. API-Version 1.24.1.`);
  await expect(row.getByTestId('link-permission-status')).toHaveAttribute('data-state', 'allowed');
  await expect(row.getByTestId('link-permission-backup')).toContainText('Einstellungssicherung – erlaubt');
  await expect(row.getByTestId('link-permission-jumpClients')).toContainText('Jump Clients – erlaubt');
  await expect(row.getByTestId('link-state')).toContainText(`Verknüpft · ${appliance.url}`);
  expect(await page.locator('main').innerText()).not.toContain(appliance.state.clientSecret);
  const link = query<{ origin: string; pin_sha256: string; client_id: string }>(ferry.dataDir, 'SELECT origin, pin_sha256, client_id FROM appliance_links');
  expect(link).toEqual({ origin: appliance.url, pin_sha256: appliance.fingerprint, client_id: appliance.state.clientId });

  // Status: the version against the inventory (which stays as it was), the role, health.
  await row.getByTestId('link-read-status').click();
  await expect(row.getByTestId('link-status').getByRole('heading')).toBeFocused();
  await expect(row.getByTestId('link-status-version')).toHaveText('24.1.2 (build 12345)');
  await expect(row.getByTestId('link-status-role')).toHaveText('Keine (kein Failover)');
  await expect(row.getByTestId('link-status-health')).toHaveText('Fehlerfrei');
  await expect(row.getByTestId('link-status-mismatch')).toContainText('Das Gerät meldet 24.1.2; im Inventar steht 23.3.1.');
  await expect(row.getByTestId('link-status-read-at')).toContainText('jetzt');
  // Linking just showed the permissions: the reading does not repeat them.
  await expect(row.getByTestId('link-status-permissions')).toHaveCount(0);
  const listed = JSON.parse(ferry.cli('appliance', 'list', '--json').stdout) as { appliances: { siteVersion: string }[] };
  expect(listed.appliances[0]!.siteVersion).toBe('23.3.1');
  // The person takes the appliance's version into the inventory: the box goes, the sentence replacing it has the focus.
  await row.getByTestId('link-status-take').click();
  await expect(row.getByTestId('link-status-match')).toBeFocused();
  await expect(row.getByTestId('link-status-match')).toHaveText('Stimmt mit dem Inventar überein (Site 24.1.2).');
  await expect(row.getByTestId('link-status-mismatch')).toHaveCount(0);
  await expect(page.locator('[data-testid="appliance-row"][data-name="Gerät A"]').getByTestId('appliance-versions')).toContainText('Site 24.1.2');
  const taken = query<{ details: string }>(ferry.dataDir, "SELECT details FROM audit_log WHERE action = 'appliance.versionsChanged'");
  expect(JSON.parse(taken!.details)).toMatchObject({ to: expect.stringContaining('Site 24.1.2'), source: 'link-reading' });

  // The backup: two passwords that differ are refused here; a slow appliance can be cancelled.
  await row.getByTestId('link-backup').click();
  await expect(row.getByTestId('link-backup-password')).toBeFocused();
  await expect(row.getByTestId('link-backup-form')).toContainText('Das Passwort geht an das Gerät und wird nie gespeichert');
  await row.getByTestId('link-backup-password').fill('Sicherung-2026!');
  await row.getByTestId('link-backup-again').fill('Sicherung-2025!');
  await row.getByTestId('link-backup-again').press('Enter');
  await expect(row.getByTestId('link-backup-differs')).toHaveText('Die beiden Passwörter stimmen nicht überein.');
  await expect(row.getByTestId('link-backup-again')).toBeFocused();
  appliance.switches.delayMs = 4000;
  await row.getByTestId('link-backup-again').fill('Sicherung-2026!');
  await row.getByTestId('link-backup-start').click();
  await expect(row.getByTestId('link-backup-progress')).toBeVisible();
  await expect(row.getByTestId('link-backup-progress')).toContainText('Einstellungssicherung: Gerät A');
  await row.getByTestId('link-backup-job-cancel').click();
  await expect(row.getByTestId('link-backup-outcome')).toHaveAttribute('data-status', 'cancelled');
  await expect(row.getByTestId('link-backup-outcome')).toHaveText('Sicherung abgebrochen; nichts wurde behalten.');
  await expectFocusNotOnBody(page);
  expect(query(ferry.dataDir, 'SELECT * FROM vault_evidence')).toBeUndefined();
  appliance.switches.delayMs = 0;

  await row.getByTestId('link-backup').click();
  await row.getByTestId('link-backup-password').fill('Sicherung-2026!');
  await row.getByTestId('link-backup-again').fill('Sicherung-2026!');
  await expect(row.getByTestId('link-backup-start')).toHaveText('Sicherung mit Passwort erstellen');
  await row.getByTestId('link-backup-start').click();
  const done = row.getByTestId('link-backup-outcome');
  await expect(done).toHaveAttribute('data-status', 'ok');
  await expect(done).toContainText('Einstellungssicherung als Nachweis im Tresor. Mit dem angegebenen Passwort geschützt.');
  const expected = sha256(appliance.state.backup);
  await expect(done).toHaveAttribute('data-sha256', expected);
  await expect(row.getByTestId('link-backup-name')).toHaveText(/^Gerät_A-.*\.nsb$/);
  await expect(row.getByTestId('link-backup-size')).toHaveText('200 KiB');
  expect(appliance.backupPasswords).toContain('Sicherung-2026!');
  // In the vault as evidence: the file's bytes are the appliance's backup.
  const stored = readFileSync(join(ferry.dataDir, 'vault', 'sha256', expected.slice(0, 2), expected));
  expect(sha256(stored)).toBe(expected);
  expect(query<{ size: number }>(ferry.dataDir, 'SELECT size FROM vault_evidence WHERE sha256 = ?', expected)?.size).toBe(appliance.state.backup.length);
  // Neither the backup's password nor the API secret lies in the database in clear (nor in its write-ahead log).
  for (const file of ['ferry.db', 'ferry.db-wal']) {
    const bytes = existsSync(join(ferry.dataDir, file)) ? readFileSync(join(ferry.dataDir, file)) : Buffer.alloc(0);
    expect(bytes.includes('Sicherung-2026!'), file).toBe(false);
    expect(bytes.includes(appliance.state.clientSecret), file).toBe(false);
  }

  // After a restart the latest reading comes from main.
  await ferry.restart();
  await ferry.page.getByTestId('nav-appliances').click();
  const again = linkRow(ferry.page, 'Gerät A');
  await expect(again.getByTestId('link-status-version')).toHaveText('24.1.2 (build 12345)');
  // What the account may do is kept with the reading, so it is still there after the restart.
  const kept = again.getByTestId('link-status-permissions');
  await expect(kept.getByRole('heading')).toHaveText('Was das API-Konto darf, laut dieser Abfrage');
  await expect(kept.getByTestId('link-permission-backup')).toContainText('Einstellungssicherung – erlaubt');

  // A renewed certificate: reading is refused before anything is sent, in words, with the one presented now.
  await appliance.rotateCertificate();
  const before = appliance.requests.length;
  await again.getByTestId('link-read-status').click();
  const mismatch = again.getByTestId('error-notice');
  await expect(mismatch).toHaveAttribute('data-code', 'LINK_PIN_MISMATCH');
  await expect(mismatch).toContainText('Zertifikat des Geräts hat sich geändert');
  await expect(mismatch).toContainText('sonst kann jemand die Verbindung abfangen – nicht fortfahren');
  expect(appliance.requests.length).toBe(before);
  expect((await again.getByTestId('link-presented').innerText()).replace(/\s/g, '')).toBe(appliance.fingerprint);
  // Linked again: the new certificate shown and confirmed; the error goes, the status reads.
  await again.getByTestId('link-mismatch-relink').click();
  await expect(again.getByTestId('link-url')).toHaveValue(`${appliance.url}/login`);
  await again.getByTestId('link-client-id').fill(appliance.state.clientId);
  await again.getByTestId('link-secret').fill(appliance.state.clientSecret);
  await again.getByTestId('link-show-cert').click();
  expect(await shownFingerprint(again)).toBe(appliance.fingerprint);
  await again.getByTestId('link-confirm').click();
  await expect(again.getByTestId('link-done')).toBeFocused();
  await expect(again.getByTestId('error-notice')).toHaveCount(0);
  await again.getByTestId('link-read-status').click();
  await expect(again.getByTestId('link-status').getByRole('heading')).toBeFocused();
  expect(query<{ pin_sha256: string }>(ferry.dataDir, 'SELECT pin_sha256 FROM appliance_links')?.pin_sha256).toBe(appliance.fingerprint);

  // Unlinking asks first; the readings stay as evidence.
  await again.getByTestId('link-unlink').click();
  await expect(again.getByTestId('link-unlink-keep')).toBeFocused();
  await again.getByTestId('link-unlink-yes').click();
  await expect(again.getByTestId('link-open')).toBeFocused();
  expect(query(ferry.dataDir, 'SELECT * FROM appliance_links')).toBeUndefined();
  expect(query<{ n: number }>(ferry.dataDir, 'SELECT count(*) AS n FROM appliance_readings')?.n).toBe(2);
});

test('a failover primary: role, shared IPs and the last data sync; missing permissions said up front', async ({ ferry }) => {
  const { page } = ferry;
  const primary = await fake(primaryState('24.1.2 (build 12345)', 12));
  primary.state.permissions.perm_configuration = '0';
  addAppliance(ferry, 'Gerät A', 'support-a.example.com', '24.1.2', 'primary');
  await page.getByTestId('nav-appliances').click();
  const row = await linkInUi(page, 'Gerät A', primary);
  await expect(row.getByTestId('link-permission-jumpClients')).toHaveAttribute('data-state', 'missing');
  await expect(row.getByTestId('link-permission-jumpClients')).toContainText('Jump Clients – nicht erlaubt');
  await expect(row.getByTestId('link-permissions-missing')).toContainText('/login › Verwaltung › API-Konfiguration');
  await row.getByTestId('link-read-status').click();
  await expect(row.getByTestId('link-status-role')).toHaveText('Primär');
  await expect(row.getByTestId('link-status-shared-ips')).toHaveText('192.0.2.10192.0.2.11');
  const at = new Date(primary.state.health.lastDataSync!.at);
  const time = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
  await expect(row.getByTestId('link-status-sync')).toHaveText(`${time} · vor 12 Minuten · Status: erfolgreich`);
  await expect(row.getByTestId('link-status-match')).toHaveText('Stimmt mit dem Inventar überein (Site 24.1.2).');

  // The appliance refuses the Jump Client list: said on the Jump Clients page with its code.
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-source-appliance').check();
  await page.getByTestId('clients-since').fill('2026-03-15T18:00');
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('error-notice')).toHaveAttribute('data-code', 'LINK_PERMISSION_MISSING');
  await expect(page.getByTestId('clients-check')).toBeFocused();
});

test('Jump Clients from the appliance: the same check as an exported list, without mapping or CSV', async ({ ferry }) => {
  const { page } = ferry;
  const appliance = await fake();
  addAppliance(ferry, 'Gerät A', 'support.example.com', '24.1.2');
  addAppliance(ferry, 'Gerät B', 'support-b.example.com', '24.1.2');
  await page.getByTestId('nav-clients').click();
  // Without a link there is only the file.
  await expect(page.getByTestId('clients-choose')).toBeVisible();
  await expect(page.getByTestId('clients-source')).toHaveCount(0);
  await page.getByTestId('nav-appliances').click();
  await linkInUi(page, 'Gerät B', appliance);

  // Thirty days ago, to the minute, in this computer's local time (as the field takes it).
  const since = new Date(Date.now() - 30 * 86_400_000);
  since.setSeconds(0, 0);
  const p = (n: number) => String(n).padStart(2, '0');
  const local = `${since.getFullYear()}-${p(since.getMonth() + 1)}-${p(since.getDate())}T${p(since.getHours())}:${p(since.getMinutes())}`;
  const clients = appliance.state.jumpClients;
  const pending = clients.filter((c) => c.needs_update).length;
  const notSince = clients.filter((c) => !c.needs_update && Date.parse(c.last_connect_timestamp) < since.getTime()).length;
  const upgraded = clients.length - pending - notSince;

  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-since').fill(local);
  await page.getByTestId('clients-source-appliance').check();
  await expect(page.getByTestId('clients-appliance')).toHaveValue(/.+/);
  await expect(page.getByTestId('clients-appliance').locator('option')).toHaveText([`Gerät B (${appliance.url})`]);
  await expect(page.getByTestId('clients-choose')).toHaveCount(0);
  await page.getByTestId('clients-check').click();
  await expect(page.getByRole('heading', { name: 'Ergebnis' })).toBeFocused();
  await expect(page.getByTestId('clients-from-appliance')).toHaveText('Vom Gerät „Gerät B“ über seine Verknüpfung gelesen.');
  await expect(page.getByTestId('clients-summary')).toContainText(`${upgraded} von 250 Jump Clients`);
  await expect(page.getByTestId('clients-count-pending')).toHaveText(`Upgrade ausstehend ${pending}`);
  await expect(page.getByTestId('clients-count-not-since')).toHaveText(`Seit dem Upgrade nicht gemeldet ${notSince}`);
  await expect(page.getByTestId('clients-count-no-date')).toHaveText('Kein Datum 0');
  await expect(page.getByTestId('clients-row')).toHaveCount(pending + notSince);
  await expect(page.getByTestId('clients-row').first()).toContainText('JC-001');
  // No columns to map, no CSV for the helpdesk from this source (said why).
  await expect(page.getByTestId('clients-map-name')).toHaveCount(0);
  await expect(page.getByTestId('clients-save')).toHaveCount(0);
  await expect(page.getByTestId('clients-no-save')).toContainText('exportierten Liste');
  // Each page of the list was asked for: 250 clients at 100 a page, and the empty fourth that ends it.
  expect(appliance.requests.filter((r) => r.path.startsWith('/api/config/v1/jump-client')).length).toBe(4);
  // Back to the file: the result is marked as not matching the form.
  await page.getByTestId('clients-source-file').check();
  await expect(page.getByTestId('clients-outdated')).toBeVisible();
  await expect(page.getByTestId('clients-check')).toBeDisabled();
});

test('the link panel by keyboard alone: Escape returns the focus, Enter shows the certificate, then links', async ({ ferry }) => {
  const { page } = ferry;
  const appliance = await fake();
  addAppliance(ferry, 'Gerät A', 'support.example.com', '24.1.2');
  await page.getByTestId('nav-appliances').click();
  const row = linkRow(page, 'Gerät A');
  await row.getByTestId('link-open').focus();
  await page.keyboard.press('Enter');
  await expectVisibleFocus(row.getByTestId('link-url'));
  await page.keyboard.press('Escape');
  await expect(row.getByTestId('link-panel')).toHaveCount(0);
  await expectVisibleFocus(row.getByTestId('link-open'));

  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(`${appliance.url}/login`);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(row.getByTestId('link-client-id'));
  await page.keyboard.type(appliance.state.clientId);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(row.getByTestId('link-secret'));
  await page.keyboard.type(appliance.state.clientSecret);
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('link-certificate')).toBeFocused();
  // From the certificate: its format toggle, then the confirmation.
  await page.keyboard.press('Tab');
  await expectVisibleFocus(row.getByTestId('link-fingerprint-format'));
  await page.keyboard.press('Tab');
  await expectVisibleFocus(row.getByTestId('link-confirm'));
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('link-done')).toBeFocused();
  // The row's actions come before the result: one step back is the last of them.
  await page.keyboard.press('Shift+Tab');
  await expectVisibleFocus(row.getByTestId('link-unlink'));

  // The backup form: Escape closes it and hands the focus back to its button.
  await row.getByTestId('link-backup').focus();
  await page.keyboard.press('Enter');
  await expectVisibleFocus(row.getByTestId('link-backup-password'));
  await page.keyboard.press('Escape');
  await expectVisibleFocus(row.getByTestId('link-backup'));
});
