import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { grouped, otherStationKey, signedRequest, trustInUi, typedLikeAPerson } from '../helpers.ts';

/** The audit log as written on disk, read back through the CLI's export. */
function exportedEntries(ferry: { cli(...a: string[]): { status: number }; dataDir: string }, name: string): { action: string; subject: string; details: Record<string, unknown> }[] {
  const out = join(ferry.dataDir, '..', `${name}-${process.pid}-${Date.now()}.jsonl`);
  // Not inside the data directory: Ferry refuses to write its export there.
  expect(ferry.cli('audit', 'export', '--out', out).status).toBe(0);
  const text = readFileSync(out, 'utf8');
  rmSync(out);
  return text.trim().split('\n').map((l) => JSON.parse(l) as { action: string; subject: string; details: Record<string, unknown> });
}

test('trusts a station by the fingerprint typed off the other screen; a wrong one is refused with its code', async ({ ferry }) => {
  const { page } = ferry;
  // Short enough that the trust form's end lies below the fold, as on a laptop.
  await page.setViewportSize({ width: 1280, height: 600 });
  const key = otherStationKey(ferry.dataDir);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  // One digit off: refused right under the field, in view, announced, with the focus back in the field;
  // what was typed is called what was typed (never "expected"), and the right fingerprint is not given away.
  const wrong = key.fingerprint.slice(0, 63) + (key.fingerprint.endsWith('0') ? '1' : '0');
  await trustInUi(page, key, wrong);
  const field = page.getByTestId('trust-fingerprint-field');
  const refusal = field.getByTestId('errors-trust-fingerprint').getByTestId('error-notice');
  await expect(refusal).toHaveAttribute('data-code', 'FINGERPRINT_MISMATCH');
  await expect(refusal).toHaveAttribute('role', 'alert');
  await expect(refusal).toContainText('Fingerabdruck stimmt nicht');
  await expect(refusal).toHaveAttribute('data-severity', 'mistake');
  await expect(refusal).toContainText(`Eingegeben: ${grouped(wrong)}`);
  await expect(refusal).not.toContainText('Erwartet');
  await expect(refusal).not.toContainText(grouped(key.fingerprint));
  await expect(refusal).toBeInViewport();
  const input = page.getByTestId('trust-fingerprint');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  // A typing mistake (not 64 hex digits) is its own code, shown in the same place.
  await input.fill('55d9 c531 xyz');
  await page.getByTestId('trust-confirm').click();
  await expect(refusal).toHaveAttribute('data-code', 'FINGERPRINT_MALFORMED');
  await expect(refusal).toContainText('Eingegeben: 55d9 c531 xyz');
  await expect(refusal).toBeInViewport();
  await expect(input).toBeFocused();

  // Capitals and dashes, as a person types what they read: accepted; the refusal goes away.
  await page.getByTestId('trust-fingerprint').fill(typedLikeAPerson(key.fingerprint));
  await page.getByTestId('trust-name').fill('Büro Hamburg');
  await page.getByTestId('trust-confirm').click();
  await expect(page.getByTestId('trust-done')).toContainText('„Büro Hamburg“ ist jetzt vertrauenswürdig');
  await expect(page.getByTestId('trust-done')).toBeFocused();
  await expect(page.getByTestId('errors-station.trust')).toHaveCount(0);
  await expect(page.getByTestId('errors-trust-fingerprint')).toHaveCount(0);
  const item = page.getByTestId('trusted-item');
  await expect(item.getByTestId('trusted-name')).toHaveText('Büro Hamburg');
  await expect(item.getByTestId('trusted-fingerprint')).toHaveText(grouped(key.fingerprint));

  const trusted = exportedEntries(ferry, 'after-trust').filter((e) => e.action === 'station.trusted');
  expect(trusted).toEqual([expect.objectContaining({ subject: key.fingerprint, details: { name: 'Büro Hamburg', source: 'pem' } })]);
});

test('trusts a station from a key file opened through the dialog', async ({ ferry }) => {
  const { page } = ferry;
  const key = otherStationKey(ferry.dataDir, 'office.pem');
  await page.getByTestId('nav-settings').click();
  await ferry.answerNextFileDialog(key.path);
  await page.getByTestId('trust-open').click();
  await expect(page.getByTestId('trust-preview')).toContainText('office.pem');
  await expect(page.getByTestId('trust-preview')).toContainText('öffentlicher Schlüssel (PEM)');
  await page.getByTestId('trust-fingerprint').fill(key.fingerprint);
  await page.getByTestId('trust-confirm').click();
  // No name given, none in a PEM key: Ferry names it by the start of its fingerprint; the source is a PEM key.
  await expect(page.getByTestId('trusted-item').getByTestId('trusted-name')).toHaveText(`${key.fingerprint.slice(0, 4)} ${key.fingerprint.slice(4, 8)}`);
  await expect(page.getByTestId('trusted-item')).toContainText('Quelle: PEM-Schlüssel');
});

test('trusts a station from one of its requests, showing and keeping the name it carries', async ({ ferry }) => {
  const { page } = ferry;
  const request = signedRequest(ferry.dataDir, 'Jump-Host Halle 3');
  await page.getByTestId('nav-settings').click();
  await ferry.answerNextFileDialog(request.path);
  await page.getByTestId('trust-open').click();
  await expect(page.getByTestId('trust-preview')).toContainText('eine Anfrage der Station „Jump-Host Halle 3“');
  // The preview never shows the fingerprint: the person must type it.
  await expect(page.getByTestId('trust-form')).not.toContainText(grouped(request.fingerprint).slice(0, 9));
  await page.getByTestId('trust-fingerprint').fill(grouped(request.fingerprint));
  await page.getByTestId('trust-confirm').click();
  const item = page.getByTestId('trusted-item');
  await expect(item.getByTestId('trusted-name')).toHaveText('Jump-Host Halle 3');
  await expect(item).toContainText('Quelle: Anfrage');
});

test('renames a trusted station (Escape cancels, focus returns) and removes it after asking', async ({ ferry }) => {
  const { page } = ferry;
  const key = otherStationKey(ferry.dataDir);
  await page.getByTestId('nav-settings').click();
  await trustInUi(page, key, key.fingerprint, 'Büro');
  const item = page.getByTestId('trusted-item');

  await item.getByTestId('trusted-rename').click();
  await item.getByTestId('trusted-input').fill('Verworfen');
  await page.keyboard.press('Escape');
  await expect(item.getByTestId('trusted-name')).toHaveText('Büro');
  await expect(item.getByTestId('trusted-rename')).toBeFocused();

  await item.getByTestId('trusted-rename').click();
  await item.getByTestId('trusted-input').fill('Außenstelle Nord');
  await page.keyboard.press('Enter');
  await expect(item.getByTestId('trusted-name')).toHaveText('Außenstelle Nord');
  await expect(item.getByTestId('trusted-rename')).toBeFocused();

  // Removing asks first; "Keep" has the focus, and Escape keeps too.
  await item.getByTestId('trusted-remove').click();
  await expect(item.getByTestId('trusted-confirm')).toContainText('„Außenstelle Nord“ nicht mehr vertrauen?');
  await expect(item.getByTestId('trusted-remove-keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(item.getByTestId('trusted-confirm')).toHaveCount(0);
  await expect(item.getByTestId('trusted-remove')).toBeFocused();
  await item.getByTestId('trusted-remove').click();
  await item.getByTestId('trusted-remove-confirm').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  const entries = exportedEntries(ferry, 'after-remove').filter((e) => e.subject === key.fingerprint).map((e) => [e.action, e.details]);
  expect(entries).toEqual([
    ['station.trusted', { name: 'Büro', source: 'pem' }],
    ['station.trustRenamed', { from: 'Büro', to: 'Außenstelle Nord' }],
    ['station.trustRemoved', { name: 'Außenstelle Nord' }],
  ]);
});

test('"is now trusted" goes with the next action; trusting again says since when it was trusted', async ({ ferry }) => {
  const { page } = ferry;
  const key = otherStationKey(ferry.dataDir);
  await page.getByTestId('nav-settings').click();
  const done = page.getByTestId('trust-done');
  const item = page.getByTestId('trusted-item');

  await trustInUi(page, key, key.fingerprint, 'Büro');
  await expect(done).toContainText('„Büro“ ist jetzt vertrauenswürdig');
  // Renamed: the message spoke of "Büro" and goes.
  await item.getByTestId('trusted-rename').click();
  await item.getByTestId('trusted-input').fill('Außenstelle');
  await page.keyboard.press('Enter');
  await expect(item.getByTestId('trusted-name')).toHaveText('Außenstelle');
  await expect(done).toHaveCount(0);

  // Trusted again, without a name: nothing changed, and it says since when.
  await trustInUi(page, key, key.fingerprint);
  await expect(done).toHaveAttribute('data-already', 'true');
  await expect(done).toContainText('„Außenstelle“ war bereits seit');
  await expect(done).toContainText('nichts wurde geändert');
  await expect(done).not.toContainText('jetzt vertrauenswürdig');
  // Again with a new name: only the name changed.
  await trustInUi(page, key, key.fingerprint, 'Nord');
  await expect(done).toContainText('„Nord“ war bereits seit');
  await expect(done).toContainText('nur der Name wurde geändert (vorher „Außenstelle“)');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('trusted-name')).toHaveText('Nord');

  // The next action (reading another key) retires it too; so does a removal.
  await page.getByTestId('trust-text').fill(key.pem);
  await page.getByTestId('trust-read').click();
  await expect(done).toHaveCount(0);
  await page.getByTestId('trust-cancel').click();
  await trustInUi(page, key, key.fingerprint);
  await expect(done).toBeVisible();
  await item.getByTestId('trusted-remove').click();
  await item.getByTestId('trusted-remove-confirm').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();
  await expect(done).toHaveCount(0);
});

test('a name longer than 80 characters is counted and refused, never cut short', async ({ ferry }) => {
  const { page } = ferry;
  const long = 'Jump-Host Rechenzentrum Frankfurt-Hanau, Gebäude C, Raum 0815, Schrank 42, Einschub 7';
  expect([...long].length).toBe(85);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('station-name')).toHaveText(/\S/);
  const before = await page.getByTestId('station-name').textContent();
  await page.getByTestId('station-rename').click();
  await page.getByTestId('station-input').fill(long);
  // All of it is in the field, and the counter says it is too long.
  await expect(page.getByTestId('station-input')).toHaveValue(long);
  await expect(page.getByTestId('station-count')).toHaveText('85 von höchstens 80 Zeichen – 5 zu viel. Kürzen Sie den Namen.');
  await page.keyboard.press('Enter');
  const refusal = page.getByTestId('errors-station.rename').getByTestId('error-notice');
  await expect(refusal).toHaveAttribute('data-code', 'NAME_INVALID');
  await expect(refusal).toContainText('Der Stationsname hat 85 Zeichen; erlaubt sind höchstens 80.');
  await expect(page.getByTestId('station-input')).toHaveValue(long);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('station-name')).toHaveText(before ?? '');

  // Exactly 80 is kept whole.
  const eighty = long.slice(0, 80);
  await page.getByTestId('station-rename').click();
  await page.getByTestId('station-input').fill(eighty);
  await expect(page.getByTestId('station-count')).toHaveText('80 von höchstens 80 Zeichen');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('station-name')).toHaveText(eighty);

  // The name given when trusting: the same, refused under the name field, which takes the focus.
  const key = otherStationKey(ferry.dataDir);
  await trustInUi(page, key, key.fingerprint, long);
  const nameRefusal = page.getByTestId('trust-name-field').getByTestId('error-notice');
  await expect(nameRefusal).toHaveAttribute('data-code', 'NAME_INVALID');
  await expect(page.getByTestId('trust-name')).toBeFocused();
  await expect(page.getByTestId('trust-name')).toHaveValue(long);
  await expect(page.getByTestId('trusted-empty')).toBeVisible();
});
