/** Screenshots of the certificates page in one language: findings of a broken chain, a good chain with the export. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';
import { cachedPki, chainOutOfOrder, makeWrongKey, variants, writePemBundle, writePkcs12 } from '../tests/helpers/cert-material.ts';

export async function certShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const { page } = ferry;
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(dir, `${language}-cert-${name}.png`), fullPage });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption(language);
  const work = mkdtempSync(join(tmpdir(), 'ferry-cert-shots-'));
  await page.getByTestId('nav-certificates').click();
  await shot('01-empty', false);
  // An expired leaf, out of order, with a key that is not its own, checked for a host it does not cover.
  const old = cachedPki(work, { ...variants.expired, keyType: 'rsa', name: 'Alt GmbH', prefix: 'old-' });
  const bundle = writePemBundle(work, 'alt-kette.pem', chainOutOfOrder(old));
  const wrong = makeWrongKey(work, old, 'alt.key');
  await ferry.answerNextDialog({ kind: 'open-files', paths: [bundle, wrong.path] });
  await page.getByTestId('cert-choose').click();
  await page.getByTestId('cert-hosts').fill('support.example.com\nfra-1.example.com');
  await page.getByTestId('cert-inspect').click();
  await expect(page.getByTestId('cert-result')).toBeVisible();
  await shot('02-findings');
  const good = cachedPki(work, { keyType: 'ec-p256', hosts: ['*.example.com', 'example.com'], prefix: 'good-' });
  const p12 = writePkcs12(work, 'support.p12', { cert: good.leaf.cert, key: good.leaf.key, chain: [good.intermediate.cert], passphrase: 'alt-Passwort-1' });
  await ferry.answerNextDialog({ kind: 'open-files', paths: [p12] });
  await page.getByTestId('cert-choose').click();
  await page.getByTestId('cert-passphrase').fill('alt-Passwort-1');
  await page.getByTestId('cert-inspect').click();
  await expect(page.getByTestId('cert-chain-item')).toHaveCount(2);
  await page.getByTestId('cert-new-passphrase').fill('Neu-Passwort-2026');
  await page.getByTestId('cert-new-passphrase-again').fill('Neu-Passwort-2026');
  await ferry.answerNextDialog({ kind: 'save-file', path: join(work, 'neu.p12') });
  await page.getByTestId('cert-export-save').click();
  await expect(page.getByTestId('cert-exported')).toBeVisible();
  await shot('03-exported');
}
