/**
 * The appliances page: add an appliance from pasted Status › Basics text (the found values shown and
 * applied only on confirmation), with its download key; the key stays masked, Copy puts it on the
 * clipboard; drift and stale keys are warned about; the CLI sees the same inventory.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';

const KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';

/** `2026-11-27 14:03:12 UTC` for an instant, as Status › Basics might show it. */
const utcText = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

interface Listed { name: string; role: string; topology: string; hostname: string; base: string; siteVersion: string; serial: string | null; region: string | null;
  downloadKey: { masked: string; stale: boolean; ageDays: number; driftSeconds: number | null; driftWarning: boolean } | null }

test('adds an appliance from pasted Status › Basics text and a key; masked, copied, warned about', async ({ ferry }) => {
  const { page } = ferry;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('nav-appliances').click();
  await expect(page.getByTestId('appliances-empty')).toContainText('Noch keine Geräte erfasst.');
  await expect(page.getByTestId('appliances-key-hint')).toContainText('/appliance › Aktualisierungen › „Geräte-Download-Schlüssel“ (ab Base 3.3.2');

  // The appliance's clock is an hour behind: pasted, read, shown, and only then applied.
  const applianceTime = utcText(new Date(Date.now() - 3_600_000));
  await page.getByTestId('basics-text').fill(`Status\nSoftwareversion: 12.2.0\nBase-Softwareversion\n3.3.2\nSeriennummer: BT-0815-4711\nSystemzeit: ${applianceTime}\nLizenz: 25 Techniker`);
  await page.getByTestId('basics-read').click();
  await expect(page.getByTestId('basics-found')).toBeFocused();
  await expect(page.getByTestId('basics-found-site')).toContainText('12.2.0');
  await expect(page.getByTestId('basics-found-base')).toContainText('3.3.2');
  await expect(page.getByTestId('basics-found-serial')).toContainText('BT-0815-4711');
  await expect(page.getByTestId('basics-found-applianceTime')).toContainText(applianceTime);
  await expect(page.getByTestId('basics-unrecognised')).toHaveText('2 Zeilen nicht verwendet');
  // Nothing reached the form yet.
  await expect(page.getByTestId('appliance-site')).toHaveValue('');
  await page.getByTestId('basics-apply').click();
  await expect(page.getByTestId('appliance-site')).toHaveValue('12.2.0');
  await expect(page.getByTestId('appliance-site')).toBeFocused();
  await expect(page.getByTestId('appliance-base')).toHaveValue('3.3.2');
  await expect(page.getByTestId('appliance-serial')).toHaveValue('BT-0815-4711');
  await expect(page.getByTestId('appliance-time')).toHaveValue(applianceTime);
  await expect(page.getByTestId('appliance-time-drift')).toHaveAttribute('data-warn', 'true');
  await expect(page.getByTestId('appliance-time-drift')).toContainText('geht gegenüber diesem Rechner 1 Std. nach.');

  // Checked before sending: a version that is none, a key cut short.
  await page.getByTestId('appliance-name').fill('Gerät A');
  await page.getByTestId('appliance-hostname').fill('support.example.com');
  await page.getByTestId('appliance-base').fill('3,3');
  await page.getByTestId('appliance-key').fill(KEY.slice(0, 10));
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-base-error')).toHaveText('Geben Sie eine Version wie 12.2.0 ein.');
  await expect(page.getByTestId('appliance-key-error')).toContainText('Zu kurz');
  await expect(page.getByTestId('appliance-base')).toBeFocused();
  expect(JSON.parse(ferry.cli('appliance', 'list', '--json').stdout)).toEqual({ appliances: [] });

  await page.getByTestId('appliance-base').fill('3.3.2');
  await page.getByTestId('appliance-key').fill(KEY);
  // What only the service checks (a host name with a scheme) is refused there, and said under the field.
  await page.getByTestId('appliance-hostname').fill('https://support.example.com');
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-hostname-error')).toContainText('Kein Hostname');
  await expect(page.getByTestId('appliance-hostname')).toBeFocused();
  await expect(page.getByTestId('errors-appliance.add')).toHaveCount(0);
  await page.getByTestId('appliance-hostname').fill('support.example.com');
  await expect(page.getByTestId('appliance-key')).toHaveAttribute('type', 'password');
  await page.getByTestId('appliance-key-toggle').click();
  await expect(page.getByTestId('appliance-key')).toHaveAttribute('type', 'text');
  await page.getByTestId('appliance-add').click();
  await expect(page.getByTestId('appliance-added')).toBeFocused();
  await expect(page.getByTestId('appliance-added')).toHaveText('„Gerät A“ wurde erfasst.');
  await expect(page.getByTestId('appliance-name')).toHaveValue('');

  const row = page.locator('[data-testid="appliance-row"][data-name="Gerät A"]');
  await expect(row.getByTestId('appliance-role')).toHaveText('Einzelgerät');
  await expect(row.getByTestId('appliance-versions')).toHaveText('Base 3.3.2 Site 12.2.0');
  await expect(row.getByTestId('appliance-key-masked')).toHaveText('AK-7…7d93');
  await expect(row.getByTestId('appliance-key-captured')).toContainText('(heute)');
  await expect(row.getByTestId('appliance-key-drift')).toHaveAttribute('data-warn', 'true');
  await expect(row.getByTestId('appliance-key-drift')).toContainText('/appliance › Netzwerk › IP-Konfiguration');
  await expect(row.getByTestId('appliance-key-stale')).toHaveCount(0);
  // The key in clear is nowhere on the page.
  expect(await page.locator('main').innerText()).not.toContain(KEY);

  // Copy: the key in clear goes to the clipboard only.
  await row.getByTestId('appliance-key-copy').click();
  await expect(row.getByTestId('appliance-key-copied')).toHaveText('In die Zwischenablage kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(KEY);

  // The CLI sees the same inventory, drift included (about an hour; the paste was read a moment earlier).
  const listed = (JSON.parse(ferry.cli('appliance', 'list', '--json').stdout) as { appliances: Listed[] }).appliances;
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({ name: 'Gerät A', role: 'standalone', topology: 'single', hostname: 'support.example.com', base: '3.3.2', siteVersion: '12.2.0',
    serial: 'BT-0815-4711', region: null, downloadKey: { masked: 'AK-7…7d93', stale: false, ageDays: 0, driftWarning: true } });
  expect(Math.abs(listed[0]!.downloadKey!.driftSeconds! + 3600)).toBeLessThan(120);

  // After an upgrade the versions are corrected in the row, by keyboard: Escape keeps them and returns the focus.
  const edit = row.getByTestId('appliance-versions-edit');
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('appliance-versions-base')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  await row.getByTestId('appliance-versions-base').fill('4.0.0');
  await row.getByTestId('appliance-versions-site').fill('neueste');
  await row.getByTestId('appliance-versions-site').press('Enter');
  const refused = row.getByTestId('error-notice');
  await expect(refused).toHaveAttribute('data-code', 'VERSION_INVALID');
  await expect(refused).toContainText('Versionen bestehen aus Zahlen mit Punkten');
  await expect(row.getByTestId('appliance-versions-form')).toBeVisible();
  await row.getByTestId('appliance-versions-site').fill('13.1.0');
  await row.getByTestId('appliance-versions-save').click();
  await expect(row.getByTestId('appliance-versions')).toHaveText('Base 4.0.0 Site 13.1.0');
  await expect(edit).toBeFocused();
  await page.getByTestId('nav-audit').click();
  const entry = page.locator('[data-testid="audit-row"][data-action="appliance.versionsChanged"]');
  await expect(entry).toContainText('Geräteversionen korrigiert');
  await expect(entry).toContainText('Base 3.3.2 · Site 12.2.0 → Base 4.0.0 · Site 13.1.0');
  await expect(entry).toContainText('Quelle: von Hand eingegeben');
});

test('a key captured days ago is stale; capturing a new one in its row clears the warning', async ({ ferry }) => {
  const { page } = ferry;
  // A traffic node of an Atlas cluster, added through the CLI with a key, which is then dated five days back.
  expect(ferry.cli('appliance', 'add', '--name', 'Traffic Frankfurt', '--role', 'traffic', '--region', 'EU-Mitte', '--hostname', 'tn1.example.com',
    '--base', '4.0.0', '--site', '13.1.0', '--download-key', KEY, '--appliance-time', new Date().toISOString()).status).toBe(0);
  const db = new DatabaseSync(join(ferry.dataDir, 'ferry.db'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('UPDATE download_keys SET captured_at = ?').run(new Date(Date.now() - 5 * 86_400_000).toISOString());
  } finally {
    db.close();
  }
  await page.getByTestId('nav-appliances').click();
  const row = page.locator('[data-testid="appliance-row"][data-name="Traffic Frankfurt"]');
  await expect(row.getByTestId('appliance-role')).toHaveText('Atlas-Traffic-Knoten · Atlas-Cluster');
  await expect(row.getByTestId('appliance-region')).toHaveText('Region: EU-Mitte');
  await expect(row.getByTestId('appliance-key-captured')).toContainText('(vor 5 Tagen)');
  await expect(row.getByTestId('appliance-key-stale')).toContainText('5 Tage alt');
  await expect(row.getByTestId('appliance-key-drift')).not.toHaveAttribute('data-warn', /.*/);

  // Capture a new key in place: a refused one says why next to the field; a good one replaces it.
  await row.getByTestId('appliance-key-capture').click();
  await expect(row.getByTestId('capture-key')).toBeFocused();
  await row.getByTestId('capture-key').fill('AK 7f3a 9c21 55d0 4e8b');
  await row.getByTestId('capture-save').click();
  await expect(row.getByTestId('capture-key-error')).toHaveText('Enthält Leerzeichen: Kopieren Sie den Schlüssel erneut ohne sie.');
  const fresh = 'BK-00112233-4455-6677-8899-aabbccddeeff';
  await row.getByTestId('capture-key').fill(fresh);
  // A time without a zone: the person picks the offset, the drift shows at once.
  const now = new Date();
  const local = `${String(now.getUTCDate()).padStart(2, '0')}.${String(now.getUTCMonth() + 1).padStart(2, '0')}.${now.getUTCFullYear()} ${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
  await row.getByTestId('capture-time').fill(local);
  await row.getByTestId('capture-time-offset').selectOption('0');
  await expect(row.getByTestId('capture-time-drift')).not.toHaveAttribute('data-warn', /.*/);
  await row.getByTestId('capture-time-offset').selectOption('120');
  await expect(row.getByTestId('capture-time-drift')).toHaveAttribute('data-warn', 'true');
  await row.getByTestId('capture-time-offset').selectOption('0');
  await row.getByTestId('capture-save').click();
  await expect(row.getByTestId('appliance-key-capture')).toBeFocused();
  await expect(row.getByTestId('appliance-key-masked')).toHaveText('BK-0…eeff');
  await expect(row.getByTestId('appliance-key-stale')).toHaveCount(0);
  await expect(row.getByTestId('appliance-key-captured')).toContainText('(heute)');
  const listed = (JSON.parse(ferry.cli('appliance', 'list', '--json').stdout) as { appliances: Listed[] }).appliances;
  expect(listed[0]!.downloadKey).toMatchObject({ masked: 'BK-0…eeff', stale: false, driftWarning: false });
  expect(Math.abs(listed[0]!.downloadKey!.driftSeconds!)).toBeLessThan(120);
});
