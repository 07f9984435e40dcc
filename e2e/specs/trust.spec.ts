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
  const key = otherStationKey(ferry.dataDir);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  // One digit off: refused, shown next to the form with its code, and the right fingerprint is not given away.
  const wrong = key.fingerprint.slice(0, 63) + (key.fingerprint.endsWith('0') ? '1' : '0');
  await trustInUi(page, key, wrong);
  const refusal = page.getByTestId('errors-station.trust').getByTestId('error-notice');
  await expect(refusal).toHaveAttribute('data-code', 'FINGERPRINT_MISMATCH');
  await expect(refusal).toContainText('Fingerabdruck stimmt nicht');
  await expect(refusal).toHaveAttribute('data-severity', 'mistake');
  await expect(refusal).not.toContainText(grouped(key.fingerprint));
  await expect(page.getByTestId('trusted-empty')).toBeVisible();

  // Capitals and dashes, as a person types what they read: accepted; the refusal goes away.
  await page.getByTestId('trust-fingerprint').fill(typedLikeAPerson(key.fingerprint));
  await page.getByTestId('trust-name').fill('Büro Hamburg');
  await page.getByTestId('trust-confirm').click();
  await expect(page.getByTestId('trust-done')).toContainText('„Büro Hamburg“ ist jetzt vertrauenswürdig');
  await expect(page.getByTestId('trust-done')).toBeFocused();
  await expect(page.getByTestId('errors-station.trust')).toHaveCount(0);
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
  // No name given, none in a PEM key: Ferry names it by the start of its fingerprint.
  await expect(page.getByTestId('trusted-item').getByTestId('trusted-name')).toHaveText(`station ${key.fingerprint.slice(0, 8)}`);
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
  await expect(item).toContainText('aus einer Anfrage');
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
