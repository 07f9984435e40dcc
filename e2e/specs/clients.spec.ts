/**
 * Jump Clients (issue 12) in the app: a German export (semicolons, BOM, German dates around a fixed
 * upgrade time, a formula-looking name) checked — the stragglers with why, counts, filters, the
 * estimate —, saved for the helpdesk and read back (the formula cell defused, the names those the CLI
 * lists for the same file); a list whose columns Ferry cannot tell mapped by hand, and the mapping
 * remembered for the next list with the same headers; the upgrade time taken from a run's install step.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GERMAN_EXPORT, SINCE, UNKNOWN_HEADERS, UNKNOWN_LIST } from '../clients-shots.ts';
import { expect, test } from '../fixtures.ts';

test('checks a German export: stragglers with why, filters, estimate, and the list saved for the helpdesk', async ({ ferry }) => {
  const { page } = ferry;
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-clients-'));
  const csv = join(dir, 'Jump-Clients.csv');
  writeFileSync(csv, GERMAN_EXPORT);
  await page.getByTestId('nav-clients').click();
  await expect(page.getByRole('heading', { name: 'Jump Clients', level: 1 })).toBeFocused();
  await expect(page.getByTestId('clients-check')).toBeDisabled();
  await page.getByTestId('clients-since').fill(SINCE);
  await ferry.answerNextFileDialog(csv);
  await page.getByTestId('clients-choose').click();
  await expect(page.getByTestId('clients-file')).toContainText('Jump-Clients.csv');
  await page.getByTestId('clients-check').click();

  await expect(page.getByRole('heading', { name: 'Ergebnis' })).toBeFocused();
  await expect(page.getByTestId('clients-summary')).toHaveText(/^2 von 6 Jump Clients haben sich seit 15\.03\.2026, 18:00 gemeldet\.$/);
  await expect(page.getByTestId('clients-count-pending')).toHaveText('Upgrade ausstehend 1');
  await expect(page.getByTestId('clients-count-not-since')).toHaveText('Seit dem Upgrade nicht gemeldet 2');
  await expect(page.getByTestId('clients-count-no-date')).toHaveText('Kein Datum 1');
  // What was recognised, and how.
  await expect(page.getByTestId('clients-map-lastSeen')).toHaveValue('3');
  await expect(page.getByTestId('clients-how-lastSeen')).toHaveText('an der Überschrift');
  const rows = page.getByTestId('clients-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Personal-Laptop' })).toContainText('Upgrade ausstehend');
  await expect(rows.filter({ hasText: 'Lager-PC' })).toContainText('14.03.2026, 08:00');
  await expect(rows.filter({ hasText: 'Kiosk-7' })).toContainText('Kein Datum');
  // The formula-looking name is shown as text, as it is.
  await expect(rows.filter({ hasText: "=cmd|' /C calc'!A0" })).toHaveAttribute('data-reason', 'not-since');
  await expect(page.getByTestId('clients-table')).not.toContainText('Buchhaltung-PC');

  // Filters: by name, by reason, and nothing left.
  await page.getByTestId('clients-filter-name').fill('lager');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('clients-matching')).toHaveText('1 Client passt zum Filter.');
  await page.getByTestId('clients-filter-name').fill('');
  await page.getByTestId('clients-filter-reason').selectOption('not-since');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('clients-filter-name').fill('empfang');
  await expect(page.getByTestId('clients-no-match')).toBeVisible();
  await page.getByTestId('clients-filter-name').fill('');
  await page.getByTestId('clients-filter-reason').selectOption('');
  await expect(rows).toHaveCount(4);

  // The estimate: prefilled with the clients not upgraded; the size is the person's; German numbers.
  await expect(page.getByTestId('clients-est-clients')).toHaveValue('4');
  await expect(page.getByTestId('clients-est-concurrent')).toHaveValue('500');
  await expect(page.getByTestId('clients-est-bandwidth')).toHaveValue('100');
  await expect(page.getByTestId('clients-estimate-result')).toHaveText('Geben Sie die Größe eines Client-Upgrades ein, um die Schätzung zu sehen.');
  await page.getByTestId('clients-est-clients').fill('1.200');
  await page.getByTestId('clients-est-size').fill('50');
  await expect(page.getByTestId('clients-estimate-result')).toHaveText('Etwa 10 Minuten Übertragung, in 3 Wellen mit je höchstens 500 Clients.');
  await page.getByTestId('clients-est-size').fill('250,5');
  await page.getByTestId('clients-est-bandwidth').fill('40');
  await expect(page.getByTestId('clients-estimate-result')).toHaveText('Etwa 2 Stunden 6 Minuten Übertragung, in 3 Wellen mit je höchstens 500 Clients.');
  await page.getByTestId('clients-est-bandwidth').fill('150');
  await expect(page.getByTestId('clients-est-bandwidth')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('clients-estimate')).toContainText('Größer als 0 und höchstens 100.');
  await expect(page.getByTestId('clients-estimate-result')).toContainText('außerhalb des Bereichs');

  // Saved for the helpdesk: all stragglers, the formula cell defused; the same names as the CLI's.
  const out = join(dir, 'nicht-aktualisiert.csv');
  await ferry.answerNextDialog({ kind: 'save-file', path: out });
  await page.getByTestId('clients-save').click();
  await expect(page.getByTestId('clients-saved')).toBeFocused();
  await expect(page.getByTestId('clients-saved')).toHaveText('nicht-aktualisiert.csv gespeichert (4 Clients).');
  const saved = readFileSync(out, 'utf8');
  expect(saved.startsWith('\uFEFFName;Status;Zuletzt gesehen;Grund;Zeile\r\n')).toBe(true);
  const lines = saved.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.includes('cmd|'))).toMatch(/^'=cmd\|' \/C calc'!A0;Offline;/);
  expect(lines.some((l) => l.startsWith('='))).toBe(false);
  expect(lines.find((l) => l.startsWith('Personal-Laptop'))).toContain(';Upgrade ausstehend;');
  const since = new Date(SINCE).toISOString();
  const cli = ferry.cli('jumpclients', 'check', csv, '--since', since, '--json');
  expect(cli.status).toBe(1);
  const listed = (JSON.parse(cli.stdout) as { notUpgraded: { name: string }[] }).notUpgraded.map((s) => s.name.replace(/^=/, "'="));
  expect(lines.map((l) => l.split(';')[0])).toEqual(listed);
});

test('a list whose columns Ferry cannot tell is mapped by hand, and the mapping is remembered for the same headers', async ({ ferry }) => {
  const { page } = ferry;
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-clients-map-'));
  const second = join(dir, 'liste-2.csv');
  writeFileSync(second, UNKNOWN_LIST);
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-since').fill(SINCE);
  await ferry.answerNextFileDialog(second);
  await page.getByTestId('clients-choose').click();
  await page.getByTestId('clients-check').click();

  // Not a bare error: the columns to map, with the code to quote; the focus on them.
  await expect(page.getByRole('heading', { name: 'Spalten zuordnen' })).toBeFocused();
  await expect(page.getByTestId('clients-unrecognised')).toContainText('CSV_UNRECOGNISED');
  await expect(page.getByTestId('errors-jumpclients.check')).toHaveCount(0);
  await expect(page.getByTestId('clients-result')).toHaveCount(0);
  await expect(page.getByTestId('clients-map-lastSeen').locator('option')).toHaveText(['– keine –', 'Objekt (Spalte 1)', 'Zustandstext (Spalte 2)', 'Zeitstempel (Spalte 3)']);
  await expect(page.getByTestId('clients-map-check')).toBeDisabled();
  await expect(page.getByTestId('clients-mapping-unusable')).toBeVisible();
  // By keyboard: the select, then the button.
  await page.getByTestId('clients-map-lastSeen').selectOption('2');
  await expect(page.getByTestId('clients-how-lastSeen')).toHaveText('geändert – erneut prüfen');
  await page.getByTestId('clients-map-check').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ergebnis' })).toBeFocused();
  await expect(page.getByTestId('clients-summary')).toContainText('1 von 5 Jump Clients hat sich seit');
  await expect(page.getByTestId('clients-how-lastSeen')).toHaveText('Ihre Zuordnung (gemerkt)');
  await expect(page.getByTestId('clients-how-name')).toHaveText('am Inhalt');
  await expect(page.getByTestId('clients-row')).toHaveCount(4);
  await expect(page.getByTestId('clients-count-no-date')).toHaveText('Kein Datum 3');

  // A third list with the same headers: Ferry applies the mapping by itself.
  const third = join(dir, 'liste-3.csv');
  writeFileSync(third, [UNKNOWN_HEADERS, 'Zeta;bereit;16.03.2026 08:00', 'Eta;bereit;unbekannt', 'Theta;wartet;nie'].join('\n') + '\n');
  await ferry.answerNextFileDialog(third);
  await page.getByTestId('clients-choose').click();
  await expect(page.getByTestId('clients-outdated')).toBeVisible();
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('clients-outdated')).toHaveCount(0);
  await expect(page.getByTestId('clients-summary')).toContainText('1 von 3 Jump Clients hat sich seit');
  await expect(page.getByTestId('clients-map-lastSeen')).toHaveValue('2');
  await expect(page.getByTestId('clients-how-lastSeen')).toHaveText('Ihre Zuordnung (gemerkt)');
  await expect(page.getByTestId('clients-row')).toHaveCount(2);
});

test('the upgrade time can be taken from a run: when its last install step was done', async ({ ferry }) => {
  const { page } = ferry;
  expect(ferry.cli('appliance', 'add', '--name', 'bt-solo', '--role', 'standalone', '--hostname', 'bt-solo.example.com', '--base', '3.2.4', '--site', '12.0.0').status).toBe(0);
  await page.getByTestId('nav-runbook').click();
  await page.getByTestId('rb-procedure').selectOption('single-auto');
  await page.getByTestId('rb-start').click();
  const step = (id: string) => page.getByTestId(`rb-step-${id}`);
  const backup = join(ferry.dataDir, '..', `bt-solo-${Date.now()}.nsb`);
  writeFileSync(backup, 'settings backup');
  await ferry.answerNextFileDialog(backup);
  await step('backup-settings').getByTestId('rb-choose-file').click();
  await expect(step('backup-settings').getByTestId('rb-file-ready')).toBeVisible();
  await step('backup-settings').getByTestId('rb-done').click();
  await expect(step('check-updates')).toHaveAttribute('data-status', 'ready');
  await step('check-updates').getByTestId('rb-done').click();
  await expect(step('install-updates')).toHaveAttribute('data-status', 'ready');
  await step('install-updates').getByTestId('rb-basics').fill('Softwareversion: 12.0.0\nBase-Softwareversion: 3.2.4');
  await step('install-updates').getByTestId('rb-done').click();
  await expect(step('install-updates')).toHaveAttribute('data-status', 'done');
  const runs = JSON.parse(ferry.cli('runbook', 'status', '--json').stdout) as { runs: unknown[] };
  expect(runs.runs).toHaveLength(1);

  await page.getByTestId('nav-clients').click();
  const choice = page.getByTestId('clients-from-run');
  await expect(choice.locator('option')).toHaveCount(2);
  await expect(choice.locator('option').nth(1)).toContainText('Einzelnes Gerät – automatische Aktualisierung – bt-solo (Installation fertig');
  await choice.selectOption({ index: 1 });
  // The field holds the install's time (rounded up to the minute, never before it).
  const value = await page.getByTestId('clients-since').inputValue();
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  expect(Math.abs(new Date(value).getTime() - Date.now())).toBeLessThan(5 * 60_000);
});

test('a list of 50,000 clients: at most 500 rows at once, and how many the cap hides', async ({ ferry }) => {
  const { page } = ferry;
  const csv = join(mkdtempSync(join(tmpdir(), 'ferry-e2e-clients-big-')), 'gross.csv');
  const rows = ['Name;Status;Letzter Check-in'];
  // Every third client is offline since before the upgrade: 16,667 stragglers.
  for (let i = 0; i < 50_000; i += 1) rows.push(`PC-${i};${i % 3 === 0 ? 'Offline;14.03.2026 08:00' : 'Online;15.03.2026 19:00'}`);
  writeFileSync(csv, rows.join('\n') + '\n');
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-since').fill(SINCE);
  await ferry.answerNextFileDialog(csv);
  await page.getByTestId('clients-choose').click();
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('clients-summary')).toContainText('33.333 von 50.000 Jump Clients haben sich seit');
  await expect(page.getByTestId('clients-row')).toHaveCount(500);
  await expect(page.getByTestId('clients-matching')).toHaveText('Nur die ersten 500 werden angezeigt; 16.167 weitere sind ausgeblendet. Grenzen Sie den Filter ein oder speichern Sie die Liste, um alle zu sehen.');
  await page.getByTestId('clients-filter-name').fill('PC-4999');
  // Of PC-4999 and PC-49990 … PC-49999, those offline (multiples of three): PC-49992, PC-49995, PC-49998.
  await expect(page.getByTestId('clients-row')).toHaveCount(3);
  await expect(page.getByTestId('clients-matching')).toHaveText('3 Clients passen zum Filter.');
});
