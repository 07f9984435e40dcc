/**
 * Certificates (issue 11) in the app: inspect a PKCS#12 (made by the OpenSSL CLI), see the chain and
 * the findings — with the host names from the inventory —, then export it with a new passphrase; the
 * export is read back by `openssl pkcs12` (the independent oracle) and its key matches the leaf.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { cachedPki, runOpenssl, writePassphraseFile, writePkcs12 } from '../../tests/helpers/cert-material.ts';

test('inspects a PKCS#12, shows chain and findings, and exports it with a new passphrase', async ({ ferry }) => {
  const { page } = ferry;
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-cert-'));
  // The certificate covers the site, not the traffic node the inventory also lists: one finding.
  const pki = cachedPki(dir, { keyType: 'rsa', hosts: ['support.example.com'] });
  const p12 = writePkcs12(dir, 'export-alt.p12', { cert: pki.leaf.cert, key: pki.leaf.key, chain: [pki.intermediate.cert, pki.root.cert], passphrase: 'alt-Passwort-1', encryption: 'legacy' });
  for (const [name, host, role] of [['bt-a', 'support.example.com', 'primary'], ['fra-1', 'fra-1.example.com', 'traffic']] as const) {
    expect(ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', host, '--base', '7.0.0', '--site', '24.1.2', ...(role === 'traffic' ? ['--region', 'EU'] : [])).status).toBe(0);
  }
  await page.getByTestId('nav-certificates').click();
  await ferry.answerNextDialog({ kind: 'open-files', paths: [p12] });
  await page.getByTestId('cert-choose').click();
  await expect(page.getByTestId('cert-files')).toHaveText('export-alt.p12');

  // A wrong passphrase: its code, next to the form; nothing shown as a result.
  await page.getByTestId('cert-passphrase').fill('falsch');
  await page.getByTestId('cert-inspect').click();
  await expect(page.getByTestId('errors-cert.inspect')).toContainText('CERT_PASSPHRASE_WRONG');
  await expect(page.getByTestId('cert-result')).toHaveCount(0);

  await page.getByTestId('cert-passphrase').fill('alt-Passwort-1');
  await page.getByTestId('cert-hosts-inventory').click();
  await expect(page.getByTestId('cert-hosts')).toHaveValue('support.example.com\nfra-1.example.com');
  await page.getByTestId('cert-inspect').click();
  await expect(page.getByRole('heading', { name: 'Was Ferry gefunden hat' })).toBeFocused();
  await expect(page.getByTestId('cert-key')).toHaveText('Der private Schlüssel gehört zum Zertifikat.');
  await expect(page.getByTestId('cert-chain-item')).toHaveCount(3);
  await expect(page.getByTestId('cert-chain-item').first()).toContainText('CN=support.example.com');
  const finding = page.getByTestId('cert-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-code', 'CERT_HOST_MISMATCH');
  await expect(finding).toContainText('Hostname nicht im Zertifikat');
  await expect(finding).toContainText('Hostname: fra-1.example.com');
  // An error finding blocks the export; the traffic node is not this certificate's business here.
  await expect(page.getByTestId('cert-export-blocked')).toBeVisible();
  await page.getByTestId('cert-hosts').fill('support.example.com');
  await expect(page.getByTestId('cert-outdated')).toBeVisible();
  await page.getByTestId('cert-inspect').click();
  await expect(page.getByTestId('cert-no-findings')).toBeVisible();

  // Export with a new passphrase (typed twice), AES-256.
  await page.getByTestId('cert-new-passphrase').fill('kurz');
  await expect(page.getByTestId('cert-export')).toContainText('Mindestens 8 Zeichen.');
  await page.getByTestId('cert-new-passphrase').fill('Neu-Passwort-2026');
  await page.getByTestId('cert-new-passphrase-again').fill('Neu-Passwort-2026');
  const out = join(mkdtempSync(join(tmpdir(), 'ferry-e2e-cert-out-')), 'support.p12');
  await ferry.answerNextDialog({ kind: 'save-file', path: out });
  await page.getByTestId('cert-export-save').click();
  await expect(page.getByTestId('cert-exported')).toBeFocused();
  await expect(page.getByTestId('cert-exported')).toContainText('support.p12 gespeichert (2 Zertifikate');
  const pass = writePassphraseFile(dir, 'new.pass', 'Neu-Passwort-2026');
  const info = runOpenssl(dir, ['pkcs12', '-info', '-in', out, '-passin', `file:${pass}`, '-noout']);
  expect(info.status, info.stderr).toBe(0);
  expect(info.stderr + info.stdout).toMatch(/AES-256-CBC/);
  const certs = runOpenssl(dir, ['pkcs12', '-in', out, '-passin', `file:${pass}`, '-nokeys']).stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!;
  const key = runOpenssl(dir, ['pkcs12', '-in', out, '-passin', `file:${pass}`, '-nocerts', '-nodes']).stdout;
  expect(new X509Certificate(certs[0]!).checkPrivateKey(createPrivateKey(key))).toBe(true);
  expect(certs).toHaveLength(2);
  // The same onto the stick, with its README beside it (German and English).
  await page.getByTestId('cert-where-medium').check();
  await expect(page.getByTestId('medium-option')).toHaveCount(1);
  await page.getByTestId('cert-new-passphrase').fill('Neu-Passwort-2026');
  await page.getByTestId('cert-new-passphrase-again').fill('Neu-Passwort-2026');
  await page.getByTestId('cert-export-save').click();
  await expect(page.getByTestId('cert-exported')).toContainText('LIESMICH-README');
  const folder = join(ferry.medium, 'FERRY', 'certificates');
  const written = readdirSync(folder).sort();
  expect(written).toHaveLength(2);
  const onStick = join(folder, written.find((f) => f.endsWith('.p12'))!);
  const readme = readFileSync(join(folder, written.find((f) => f.endsWith('.txt'))!), 'utf8');
  expect(readme).toContain('/appliance > Sicherheit > Zertifikate');
  expect(readme).toContain('"Assign IP"');
  expect(readme).toContain(createHash('sha256').update(readFileSync(onStick)).digest('hex'));
  expect(runOpenssl(dir, ['pkcs12', '-in', onStick, '-passin', `file:${pass}`, '-noout']).status).toBe(0);
  // Recorded, without the passphrase.
  expect(ferry.cli('audit', 'verify').status).toBe(0);
  const audit = join(mkdtempSync(join(tmpdir(), 'ferry-e2e-audit-')), 'audit.jsonl');
  expect(ferry.cli('audit', 'export', '--out', audit).status).toBe(0);
  const log = readFileSync(audit, 'utf8');
  expect(log.match(/"cert\.exported"/g)).toHaveLength(2);
  expect(log).not.toContain('Neu-Passwort-2026');
  expect(log).not.toContain('alt-Passwort-1');
});
