/** What several specs need: a station key made outside Ferry, the trust flow driven through the UI, focus checks. */
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Another station's Ed25519 key: its PEM file and its fingerprint, computed with Node's crypto, not Ferry's. */
export function otherStationKey(dir: string, file = 'other-station.pem'): { pem: string; path: string; fingerprint: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  // SubjectPublicKeyInfo of Ed25519 is a 12-byte header and the 32-byte raw key.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const path = join(dir, file);
  writeFileSync(path, pem);
  return { pem, path, fingerprint: createHash('sha256').update(raw).digest('hex') };
}

/**
 * A request (format 1) from another station named `name`, signed as a DSSE envelope with Node's
 * crypto directly (PAE written out here, not Ferry's code), as the other station would write it.
 */
export function signedRequest(dir: string, name: string): { path: string; fingerprint: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const fingerprint = createHash('sha256').update(raw).digest('hex');
  const payload = Buffer.from(JSON.stringify({
    format: 1, id: randomUUID(), createdAt: new Date().toISOString(),
    station: { name, fingerprint, publicKey: raw.toString('base64') },
    site: 'support.example.com', appliances: [], target: { siteVersion: 'latest' }, have: [],
  }));
  const type = 'application/vnd.ferry.request+json';
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
  const envelope = { payloadType: type, payload: payload.toString('base64'), signatures: [{ keyid: fingerprint, sig: sign(null, pae, privateKey).toString('base64') }] };
  const path = join(dir, 'site-20260101T0000.request.json');
  writeFileSync(path, JSON.stringify(envelope));
  return { path, fingerprint };
}

/** `abcd-ef01-…` in capitals: how a person might type what they read, which Ferry must accept. */
export function typedLikeAPerson(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{4}/g) ?? []).join('-');
}

/** The fingerprint in groups of four, as Ferry shows it. */
export function grouped(fingerprint: string): string {
  return (fingerprint.match(/.{4}/g) ?? []).join(' ');
}

/** Pastes a key on the settings page, types the fingerprint and an optional name, and confirms. */
export async function trustInUi(page: Page, key: { pem: string }, fingerprint: string, name = ''): Promise<void> {
  await page.getByTestId('trust-text').fill(key.pem);
  await page.getByTestId('trust-read').click();
  await page.getByTestId('trust-fingerprint').fill(fingerprint);
  if (name) await page.getByTestId('trust-name').fill(name);
  await page.getByTestId('trust-confirm').click();
}

/** The focused element is `locator`, and a person can see that: an outline of at least 2px is drawn. */
export async function expectVisibleFocus(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
  const outline = await locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style, 'outline style').not.toBe('none');
  expect(outline.width, 'outline width').toBeGreaterThanOrEqual(2);
}

/** The focus is on an element of the page, not dropped to <body> (where a keyboard user starts over at the top). */
export async function expectFocusNotOnBody(page: Page): Promise<void> {
  const focused = await page.evaluate(() => (document.activeElement && document.activeElement !== document.body ? document.activeElement.outerHTML.slice(0, 80) : null));
  expect(focused, 'the focused element').not.toBeNull();
}

/** A catalog with two site hops, each needing another base version: the plan specs' example. */
export const CATALOG = {
  packages: [
    { name: 'Bomgar-12.2.0', kind: 'site', version: '12.2.0', upgradesFrom: '>=12.0.0', requires: [{ component: 'base', range: '>=3.3.2 <4.0.0' }] },
    { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', upgradesFrom: '>=12.2.0', requires: [{ component: 'base', range: '>=4.0.0' }] },
    { name: 'Base Software 3.3.2', kind: 'base', version: '3.3.2' },
    { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' },
  ],
};

/** Writes `catalog` into the data directory and opens it on the plan page through the file dialog. */
export async function openCatalog(ferry: { page: Page; dataDir: string; answerNextFileDialog(path: string): Promise<void> }, catalog: unknown = CATALOG): Promise<void> {
  const file = join(ferry.dataDir, 'catalog.json');
  writeFileSync(file, JSON.stringify(catalog));
  await ferry.page.getByTestId('nav-plan').click();
  await ferry.answerNextFileDialog(file);
  await ferry.page.getByTestId('plan-open-catalog').click();
}
