import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { grouped, otherStationKey, trustInUi } from '../helpers.ts';

const repo = join(import.meta.dirname, '..', '..');

/** Appends `count` entries through the real services while the app runs (SQLite WAL serves both). */
function seed(dataDir: string, count: number): void {
  const r = spawnSync(process.execPath, [join(repo, 'e2e/seed-audit.ts'), '--data-dir', dataDir, '--count', String(count)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

test('shows trust, rename and removal with their details, in German and in English', async ({ ferry }) => {
  const { page } = ferry;
  const key = otherStationKey(ferry.dataDir);
  await page.getByTestId('nav-settings').click();
  await trustInUi(page, key, key.fingerprint, 'Büro');
  const item = page.getByTestId('trusted-item');
  await item.getByTestId('trusted-rename').click();
  await item.getByTestId('trusted-input').fill('Außenstelle');
  await item.getByTestId('trusted-save').click();
  await expect(item.getByTestId('trusted-name')).toHaveText('Außenstelle');
  await item.getByTestId('trusted-remove').click();
  await item.getByTestId('trusted-remove-confirm').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  await page.getByTestId('nav-audit').click();
  const row = (action: string) => page.locator(`[data-testid="audit-row"][data-action="${action}"]`);
  await expect(row('station.trusted').getByTestId('audit-action')).toHaveText('Station vertraut');
  await expect(row('station.trusted').getByTestId('audit-details')).toHaveText('Name: BüroQuelle: PEM-Schlüssel');
  await expect(row('station.trustRenamed').getByTestId('audit-action')).toHaveText('Vertraute Station umbenannt');
  await expect(row('station.trustRenamed').getByTestId('audit-details')).toHaveText('Büro → Außenstelle');
  await expect(row('station.trustRemoved').getByTestId('audit-action')).toHaveText('Vertrauen entzogen');
  await expect(row('station.trustRemoved')).toContainText('Person');

  // The subject is the fingerprint: short in the table, all 64 digits on demand.
  const subject = row('station.trusted').getByTestId('fingerprint-value');
  await expect(subject).toHaveText(`${key.fingerprint.slice(0, 4)} ${key.fingerprint.slice(4, 8)} … ${key.fingerprint.slice(60)}`);
  await row('station.trusted').getByTestId('fingerprint-toggle').click();
  await expect(subject).toHaveText(grouped(key.fingerprint));
  await expect(row('station.trusted').getByTestId('fingerprint-toggle')).toHaveAttribute('aria-expanded', 'true');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('nav-audit').click();
  await expect(row('station.trusted').getByTestId('audit-action')).toHaveText('Station trusted');
  await expect(row('station.trusted').getByTestId('audit-details')).toHaveText('Name: BüroSource: PEM key');
  await expect(row('station.trustRenamed').getByTestId('audit-action')).toHaveText('Trusted station renamed');
  await expect(row('station.trustRemoved').getByTestId('audit-action')).toHaveText('Trust withdrawn');
  await expect(row('settings.language').getByTestId('audit-details')).toHaveText('— → English');
});

test('pages through 1,000 entries with "N of M", filters by action and day, and says when the chain was checked', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-audit').click();
  const before = Number(await page.getByTestId('audit-row').first().getAttribute('data-seq'));
  seed(ferry.dataDir, 1000);
  const total = before + 1000;
  const n = (v: number) => v.toLocaleString('de-DE');
  await page.getByTestId('nav-home').click();
  await page.getByTestId('nav-audit').click();

  await expect(page.getByTestId('audit-status')).toContainText(`Kette intakt: ${n(total)} Einträge`);
  await expect(page.getByTestId('audit-checked-at')).toContainText('Geprüft am');
  // The station's public key, which checks the head's signature, belongs to its sealed private key.
  await expect(page.getByTestId('audit-key')).toHaveText('Stationsschlüssel bestätigt.');
  await expect(page.getByTestId('audit-key')).toHaveAttribute('data-confirmed', 'true');
  await expect(page.getByTestId('audit-range')).toHaveText(`1–100 von ${n(total)}, neueste zuerst`);
  await expect(page.getByTestId('audit-row')).toHaveCount(100);
  await expect(page.getByTestId('audit-row').first()).toHaveAttribute('data-seq', String(total));
  // An action Ferry has no words for yet is shown as stored, not hidden.
  await expect(page.getByTestId('audit-row').first().getByTestId('audit-action')).toHaveText('e2e.seeded');

  await page.getByTestId('audit-next').click();
  await expect(page.getByTestId('audit-range')).toHaveText(`101–200 von ${n(total)}, neueste zuerst`);
  await expect(page.getByTestId('audit-row').first()).toHaveAttribute('data-seq', String(total - 100));
  await page.getByTestId('audit-last').click();
  await expect(page.getByTestId('audit-range')).toHaveText(`1.001–${n(total)} von ${n(total)}, neueste zuerst`);
  await expect(page.getByTestId('audit-row').last()).toHaveAttribute('data-seq', '1');
  await expect(page.getByTestId('audit-next')).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('audit-page-size').selectOption('500');
  await expect(page.getByTestId('audit-range')).toHaveText(`1.001–${n(total)} von ${n(total)}, neueste zuerst`);
  await page.getByTestId('audit-first').click();
  await expect(page.getByTestId('audit-range')).toHaveText(`1–500 von ${n(total)}, neueste zuerst`);
  await expect(page.getByTestId('audit-row')).toHaveCount(500);

  await page.getByTestId('audit-filter-action').selectOption({ label: 'Station eingerichtet' });
  await expect(page.getByTestId('audit-range')).toHaveText('1–1 von 1, neueste zuerst');
  await expect(page.getByTestId('audit-total')).toHaveText(`(von ${n(total)} insgesamt)`);
  await expect(page.getByTestId('audit-row')).toHaveAttribute('data-action', 'station.created');

  await page.getByTestId('audit-filter-clear').click();
  const today = new Date();
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await page.getByTestId('audit-filter-to').fill(day(today));
  await expect(page.getByTestId('audit-range')).toHaveText(`1–500 von ${n(total)}, neueste zuerst`);
  await page.getByTestId('audit-filter-from').fill(day(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)));
  await page.getByTestId('audit-filter-to').fill('');
  await expect(page.getByTestId('audit-empty')).toHaveText('Kein Eintrag passt zum Filter.');
  await expect(page.getByTestId('audit-range')).toHaveText('0 von 0');
  // "To" before "from": not "no entry matches" but that the span is inverted.
  await page.getByTestId('audit-filter-to').fill(day(today));
  await expect(page.getByTestId('audit-empty')).toHaveText('Der Zeitraum ist verkehrt herum: „Bis“ liegt vor „Von“. Tauschen Sie die beiden Tage.');
  await expect(page.getByTestId('audit-filter-to')).toHaveAttribute('aria-invalid', 'true');
});
