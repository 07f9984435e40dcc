/**
 * `ferry cert export` (issue 11): one PKCS#12 with the leaf, its key and the intermediates in order —
 * read back by `openssl pkcs12` (the independent oracle: its encryption, its bags, the key matching the
 * leaf) and by Node — AES-256 by default, 3DES with --compat for RSA; or PEM with the key encrypted.
 * The private key is never written unencrypted; material with an error finding is not exported.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMaterialFiles } from '../../src/main/certs/read-material.ts';
import { cachedPki, chainOutOfOrder, DEFAULT_HOST, makeWrongKey, runOpenssl, variants, writePassphraseFile, writePemBundle, writePkcs12 } from '../helpers/cert-material.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const NEW_PASS = 'Neue Passphrase 2026';

/** What `openssl pkcs12` reads out of `file` with `pass`: the algorithms (stderr), certificates and key (stdout). */
function opensslReads(file: string, passFile: string): { info: string; certs: X509Certificate[]; keyPem: string } {
  const dir = tempDir();
  const info = runOpenssl(dir, ['pkcs12', '-info', '-in', file, '-passin', `file:${passFile}`, '-noout']);
  expect(info.status, info.stderr).toBe(0);
  const certs = runOpenssl(dir, ['pkcs12', '-in', file, '-passin', `file:${passFile}`, '-nokeys']);
  const key = runOpenssl(dir, ['pkcs12', '-in', file, '-passin', `file:${passFile}`, '-nocerts', '-nodes']);
  const pems = certs.stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return { info: info.stderr + info.stdout, certs: pems.map((p) => new X509Certificate(p)), keyPem: key.stdout };
}

const sha = (c: X509Certificate) => c.fingerprint256.replaceAll(':', '').toLowerCase();

describe('cert export', () => {
  for (const keyType of ['rsa', 'ec-p256', 'ec-p384'] as const) {
    it(`${keyType}: an out-of-order bundle and its key become one ordered PKCS#12 (AES-256) that OpenSSL and Node read`, async () => {
      const dir = tempDir();
      const pki = cachedPki(dir, { keyType, prefix: `${keyType}-` });
      const bundle = writePemBundle(dir, 'chain.pem', chainOutOfOrder(pki));
      const pass = writePassphraseFile(dir, 'new.pass', NEW_PASS);
      const out = join(tempDir(), 'support.p12');
      const run = await ferry(tempDir(), 'cert', 'export', bundle, pki.leaf.key.path, '--out', out, '--out-passphrase-file', pass, '--json');
      expect(run.code, run.out + run.err).toBe(0);
      expect(run.json()).toMatchObject({ format: 'pkcs12', certificates: 2, leaf: pki.leaf.cert.sha256 });
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const read = opensslReads(out, pass);
      expect(read.info).toMatch(/AES-256-CBC/);
      expect(read.info).not.toMatch(/RC2|3DES|DES-EDE3/i);
      // Leaf first, then the intermediate; the root stays out (the appliance has it, clients trust it).
      expect(read.certs.map(sha)).toEqual([pki.leaf.cert.sha256, pki.intermediate.cert.sha256]);
      expect(read.certs[0]!.checkPrivateKey(createPrivateKey(read.keyPem))).toBe(true);
      // friendlyName and localKeyID on the leaf's and the key's bags.
      const bags = runOpenssl(tempDir(), ['pkcs12', '-in', out, '-passin', `file:${pass}`, '-nodes']).stdout;
      expect(bags.match(/localKeyID:/g)?.length).toBe(2);
      expect(bags).toContain(`friendlyName: ${DEFAULT_HOST}`);
      // Ferry reads its own export back the same.
      const again = await readMaterialFiles([out], NEW_PASS);
      expect(again.certs.map((c) => sha(c.cert))).toEqual([pki.leaf.cert.sha256, pki.intermediate.cert.sha256]);
      expect(again.certs[0]!.cert.checkPrivateKey(again.keys[0]!.key)).toBe(true);
    });
  }

  it('--compat writes 3DES for older appliances (RSA), and is refused for an EC key', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir, { keyType: 'rsa', prefix: 'rsa-' });
    const p12 = writePkcs12(dir, 'in.p12', { cert: pki.leaf.cert, key: pki.leaf.key, chain: [pki.intermediate.cert], passphrase: 'alt-2025', encryption: 'legacy' });
    const inPass = writePassphraseFile(dir, 'in.pass', 'alt-2025');
    const pass = writePassphraseFile(dir, 'new.pass', NEW_PASS);
    const out = join(tempDir(), 'compat.p12');
    const run = await ferry(tempDir(), 'cert', 'export', p12, '--passphrase-file', inPass, '--out', out, '--out-passphrase-file', pass, '--compat');
    expect(run.code, run.err).toBe(0);
    const read = opensslReads(out, pass);
    expect(read.info).toMatch(/TripleDES|3DES|DES-EDE3/i);
    expect(read.certs[0]!.checkPrivateKey(createPrivateKey(read.keyPem))).toBe(true);
    const ec = cachedPki(dir, { prefix: 'ec-' });
    const refused = await ferry(tempDir(), 'cert', 'export', writePemBundle(dir, 'ec.pem', [ec.leaf.cert, ec.intermediate.cert]), ec.leaf.key.path, '--out', join(tempDir(), 'x.p12'), '--out-passphrase-file', pass, '--compat', '--json');
    expect(refused.code).toBe(2);
  });

  it('PEM: the chain and the key encrypted (OpenSSL cannot read the key without the passphrase)', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const pass = writePassphraseFile(dir, 'new.pass', NEW_PASS);
    const out = join(tempDir(), 'support.pem');
    expect((await ferry(tempDir(), 'cert', 'export', writePemBundle(dir, 'c.pem', chainOutOfOrder(pki)), pki.leaf.key.path, '--out', out, '--out-passphrase-file', pass)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(text).not.toContain('-----BEGIN PRIVATE KEY-----');
    const key = join(dir, 'key-only.pem');
    (await import('node:fs')).writeFileSync(key, text.slice(text.indexOf('-----BEGIN ENCRYPTED')));
    expect(runOpenssl(dir, ['pkey', '-in', key, '-passin', 'pass:', '-noout']).status).not.toBe(0);
    expect(runOpenssl(dir, ['pkey', '-in', key, '-passin', `file:${pass}`, '-noout']).status).toBe(0);
  });

  it('refuses: no output passphrase, a short one, a key that does not belong, an expired leaf, an existing file without --force', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const bundle = writePemBundle(dir, 'c.pem', [pki.leaf.cert, pki.intermediate.cert]);
    const pass = writePassphraseFile(dir, 'new.pass', NEW_PASS);
    const short = writePassphraseFile(dir, 'short.pass', 'kurz');
    const out = join(tempDir(), 'x.p12');
    const code = async (...args: string[]) => {
      const r = await ferry(tempDir(), 'cert', 'export', ...args, '--json');
      return r.code === 0 ? 'ok' : r.json<{ error: { code: string } }>().error.code;
    };
    expect(await code(bundle, pki.leaf.key.path, '--out', out)).toBe('USAGE');
    expect(await code(bundle, pki.leaf.key.path, '--out', out, '--out-passphrase-file', short)).toBe('USAGE');
    expect(await code(bundle, makeWrongKey(dir, pki).path, '--out', out, '--out-passphrase-file', pass)).toBe('CERT_KEY_MISMATCH');
    expect(await code(bundle, '--out', out, '--out-passphrase-file', pass)).toBe('CERT_KEY_MISSING');
    const expired = cachedPki(dir, { ...variants.expired, name: 'Old', prefix: 'old-' });
    expect(await code(writePemBundle(dir, 'old.pem', [expired.leaf.cert, expired.intermediate.cert, expired.root.cert]), expired.leaf.key.path, '--out', out, '--out-passphrase-file', pass)).toBe('CERT_EXPIRED');
    expect(await code(bundle, pki.leaf.key.path, '--out', out, '--out-passphrase-file', pass)).toBe('ok');
    expect(await code(bundle, pki.leaf.key.path, '--out', out, '--out-passphrase-file', pass)).toBe('OUTPUT_NOT_WRITABLE');
    expect(await code(bundle, pki.leaf.key.path, '--out', out, '--out-passphrase-file', pass, '--force')).toBe('ok');
  });
});

describe('cert export --medium', () => {
  it('writes the export and its README under FERRY/certificates/, never replacing a file', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const pass = writePassphraseFile(dir, 'new.pass', NEW_PASS);
    const medium = tempDir();
    const bundle = writePemBundle(dir, 'c.pem', [pki.leaf.cert, pki.intermediate.cert]);
    const first = await ferry(tempDir(), 'cert', 'export', bundle, pki.leaf.key.path, '--medium', medium, '--out-passphrase-file', pass, '--json');
    expect(first.code, first.err).toBe(0);
    const second = await ferry(tempDir(), 'cert', 'export', bundle, pki.leaf.key.path, '--medium', medium, '--out-passphrase-file', pass, '--json');
    const a = first.json<{ file: string; readme: string }>();
    const b = second.json<{ file: string; readme: string }>();
    expect(a.file).toMatch(/FERRY\/certificates\/support\.example\.com-\d{8}T\d{4}\.p12$/);
    expect(b.file).not.toBe(a.file);
    const readme = readFileSync(a.readme, 'utf8');
    expect(readme).toContain('Sicherheit :: Zertifikat-Installation');
    expect(readme).toContain('Security :: Certificate Installation');
    expect(readme).toContain(createHash('sha256').update(readFileSync(a.file)).digest('hex'));
    expect(opensslReads(a.file, pass).certs.map(sha)).toEqual([pki.leaf.cert.sha256, pki.intermediate.cert.sha256]);
    expect((await ferry(tempDir(), 'cert', 'export', bundle, pki.leaf.key.path, '--medium', medium, '--out', join(medium, 'x.p12'), '--out-passphrase-file', pass)).code).toBe(2);
  });
});
