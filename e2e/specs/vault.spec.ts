/**
 * The vault page: packages that came through the real round trip are listed with their origin and
 * hash; verify again shows progress and updates the time; export writes the very bytes; remove asks,
 * removes, and the audit log says so in words.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { fillVault } from '../vault-trip.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Holds back the harness's `job:finished` events until released, so a job that ends in milliseconds
 * can be seen running. Needs the page to connect again (reload), since only new sockets are routed.
 */
async function holdJobEnds(page: Page): Promise<{ release(): void }> {
  const held: string[] = [];
  let holding = true;
  let toPage: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/__ferry/, (ws) => {
    toPage = ws;
    const server = ws.connectToServer();
    server.onMessage((m) => { if (holding && String(m).includes('"job:finished"')) held.push(String(m)); else ws.send(m); });
    ws.onMessage((m) => server.send(m));
  });
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  return { release: () => { holding = false; for (const m of held.splice(0)) toPage?.send(m); } };
}

test('the vault lists imported packages; verify again, export for upload, remove with confirmation', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-vault').click();
  await expect(page.getByTestId('vault-empty')).toContainText('Noch keine Pakete.');
  await expect(page.getByTestId('vault-go-transfer')).toBeVisible();

  const packages = fillVault(ferry);
  // The harness answers sockets through a route only after a reload; in Electron there is no socket to hold.
  const hold = ferry.target === 'harness' ? await holdJobEnds(page) : null;
  await page.getByTestId('nav-vault').click();
  const items = page.getByTestId('vault-package');
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('vault-space')).toContainText('Freier Speicher:');
  const listed = JSON.parse(ferry.cli('vault', 'list', '--json').stdout) as { packages: { name: string; sha256: string; bundleId: string; verifiedAt: string }[] };
  for (const [name, p] of packages) {
    const item = page.locator(`[data-testid="vault-package"][data-sha256="${p.sha256}"]`);
    await expect(item).toContainText(name);
    await expect(item).toContainText(p.file);
    const entry = listed.packages.find((e) => e.sha256 === p.sha256)!;
    await expect(item.getByTestId('vault-origin')).toContainText(`Transferpaket ${entry.bundleId.slice(0, 8)}`);
    await item.getByTestId('fingerprint-toggle').click();
    await expect(item.getByTestId('fingerprint-value')).toHaveText((p.sha256.match(/.{4}/g) ?? []).join(' '));
  }

  // Verify again: progress with Cancel while it runs, then the verified time is main's new one.
  const site = packages.get('BeyondTrust 13.1.0')!;
  const item = page.locator(`[data-testid="vault-package"][data-sha256="${site.sha256}"]`);
  const before = await item.getByTestId('vault-verified').getAttribute('data-at');
  await item.getByTestId('vault-reverify').click();
  if (hold) {
    await expect(item.getByTestId('transfer-progress')).toBeVisible();
    await expect(item.locator('progress')).toBeVisible();
    await expect(item.getByTestId('progress-cancel')).toBeVisible();
    await expect(item.getByTestId('vault-reverify')).toHaveAttribute('aria-disabled', 'true');
    hold.release();
  }
  await expect(item.getByTestId('vault-outcome')).toHaveText('Erneut geprüft: Jedes Byte passt zu seiner SHA-256-Prüfsumme.');
  await expect(item.getByTestId('transfer-progress')).toHaveCount(0);
  const after = await item.getByTestId('vault-verified').getAttribute('data-at');
  expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before!));
  const relisted = JSON.parse(ferry.cli('vault', 'list', '--json').stdout) as { packages: { sha256: string; verifiedAt: string }[] };
  expect(relisted.packages.find((e) => e.sha256 === site.sha256)!.verifiedAt).toBe(after);

  // Export for upload: into a folder the person picks; the same bytes, under the bundle's file name.
  const out = mkdtempSync(join(tmpdir(), 'ferry-e2e-export-'));
  try {
    await ferry.answerNextDialog({ kind: 'open-folder', path: out });
    await item.getByTestId('vault-export').click();
    await expect(item.getByTestId('vault-outcome')).toContainText(`Als „${site.file}“ in den Ordner`);
    await expect(item.getByTestId('vault-outcome')).toContainText('/appliance › Aktualisierungen › Manuelle Installation');
    expect(sha256(readFileSync(join(out, site.file)))).toBe(site.sha256);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  // Remove: asked first (naming the package, Keep has the focus), then gone from the page, the index and the disk.
  const vaultFile = join(ferry.dataDir, 'vault', 'sha256', site.sha256.slice(0, 2), site.sha256);
  expect(existsSync(vaultFile)).toBe(true);
  await item.getByTestId('vault-remove').click();
  await expect(item.getByTestId('vault-remove-confirm')).toContainText('„BeyondTrust 13.1.0“');
  await expect(item.getByTestId('vault-remove-keep')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(item.getByTestId('vault-remove')).toBeFocused();
  await item.getByTestId('vault-remove').click();
  await item.getByTestId('vault-remove-yes').click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Pakete' })).toBeFocused();
  expect(existsSync(vaultFile)).toBe(false);
  const left = JSON.parse(ferry.cli('vault', 'list', '--json').stdout) as { packages: { name: string }[] };
  expect(left.packages.map((p) => p.name)).toEqual(['Base Software 4.0.0']);

  // The audit log says what happened, in words.
  await page.getByTestId('nav-audit').click();
  await expect(page.locator('[data-testid="audit-row"][data-action="vault.removed"]').getByTestId('audit-action')).toHaveText('Paket entfernt');
  for (const [action, words] of [['vault.verified', 'Paket erneut geprüft'], ['vault.exported', 'Paket exportiert'], ['bundle.imported', 'Transferpaket importiert'],
    ['request.created', 'Anfrage geschrieben'], ['appliance.added', 'Gerät erfasst']] as const) {
    await expect(page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first().getByTestId('audit-action')).toHaveText(words);
  }
});

test('a package changed on disk is refused on verifying again, with its code, next to it', async ({ ferry }) => {
  const { page } = ferry;
  const packages = fillVault(ferry);
  const base = packages.get('Base Software 4.0.0')!;
  const file = join(ferry.dataDir, 'vault', 'sha256', base.sha256.slice(0, 2), base.sha256);
  // The vault file is read-only: a person (or malware) with access to the folder changes it anyway.
  chmodSync(file, 0o600);
  const changed = Buffer.from(base.bytes);
  changed[0] = changed[0]! ^ 0xff;
  writeFileSync(file, changed);
  await page.getByTestId('nav-vault').click();
  const item = page.locator(`[data-testid="vault-package"][data-sha256="${base.sha256}"]`);
  const before = await item.getByTestId('vault-verified').getAttribute('data-at');
  await item.getByTestId('vault-reverify').click();
  await expect(item.getByTestId('error-notice')).toHaveAttribute('data-code', 'FILE_HASH_MISMATCH');
  await expect(item.getByTestId('vault-verified')).toHaveAttribute('data-at', before!);
  await expect(item.getByTestId('vault-outcome')).toHaveCount(0);
});
