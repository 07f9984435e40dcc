/**
 * The certificate material of `cert-material.ts` is what it claims to be, checked by the OpenSSL CLI
 * itself (not Node's crypto, not Ferry): good chains verify, each broken variant fails `openssl verify`
 * for its own reason, and every written form reads back with the right algorithm and the right key.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cachedPki, chainInOrder, chainMissingIntermediate, chainOutOfOrder, DEFAULT_HOST, type KeyFile, type KeyType, makePki,
  makeSelfSigned, makeWrongKey, runOpenssl, variants, writeDer, writeKey, writePassphraseFile, writePemBundle, writePkcs12,
  writePkcs7,
} from './cert-material.ts';
import { tempDir } from './temp.ts';

const PASS = 'correct horse battery';

/** `openssl args…` in `dir`: exit status and stdout + stderr together. */
function ossl(dir: string, ...args: string[]): { ok: boolean; out: string } {
  const run = runOpenssl(dir, args);
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
}

/** `pkcs12 -info -nokeys` output of a PKCS#12 that must open (the algorithm lines go to stderr). */
function pkcs12Info(dir: string, p12: string, passFile: string, ...flags: string[]): string {
  const run = ossl(dir, 'pkcs12', ...flags, '-info', '-nokeys', '-in', p12, '-passin', `file:${passFile}`);
  expect(run.ok, run.out).toBe(true);
  return run.out;
}

/** stdout of an `openssl` run that must succeed. */
function must(dir: string, ...args: string[]): string {
  const run = runOpenssl(dir, args);
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** `openssl verify` of `leaf` against `root` with `intermediate` as untrusted, plus any extra flags. */
const verify = (dir: string, root: string, untrusted: string, leaf: string, ...flags: string[]) =>
  ossl(dir, 'verify', ...flags, '-CAfile', root, '-untrusted', untrusted, leaf);

const text = (dir: string, cert: string): string => must(dir, 'x509', '-in', cert, '-noout', '-text');
const certPublicKey = (dir: string, cert: string): string => must(dir, 'x509', '-in', cert, '-noout', '-pubkey');
const subjects = (out: string): string[] => [...out.matchAll(/^subject=(.*)$/gm)].map((m) => m[1]!.trim());

describe('the PKI', () => {
  const expected: Record<Exclude<KeyType, 'rsa-1024'>, { bits: string; sig: string; curve?: string }> = {
    rsa: { bits: '(2048 bit)', sig: 'sha256WithRSAEncryption' },
    'ec-p256': { bits: '(256 bit)', sig: 'ecdsa-with-SHA256', curve: 'prime256v1' },
    'ec-p384': { bits: '(384 bit)', sig: 'ecdsa-with-SHA384', curve: 'secp384r1' },
  };

  it.each(Object.entries(expected))('%s: root → intermediate → leaf verifies for a TLS server and its host', (keyType, want) => {
    const pki = cachedPki(tempDir(), { keyType: keyType as KeyType });
    const { root, intermediate, leaf } = pki;
    const ok = verify(pki.dir, root.cert.path, intermediate.cert.path, leaf.cert.path, '-purpose', 'sslserver', '-verify_hostname', DEFAULT_HOST);
    expect(ok.out).toContain(': OK');
    expect(ok.ok).toBe(true);

    const leafText = text(pki.dir, leaf.cert.path);
    expect(leafText).toContain(`DNS:${DEFAULT_HOST}`);
    expect(leafText).toContain(`Public-Key: ${want.bits}`);
    expect(leafText).toContain(`Signature Algorithm: ${want.sig}`);
    if (want.curve) expect(leafText).toContain(`ASN1 OID: ${want.curve}`);
    expect(leafText).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(leafText).toContain('TLS Web Server Authentication');
    expect(leafText).toContain(`Issuer: ${intermediate.cert.subject}`);

    const rootText = text(pki.dir, root.cert.path);
    expect(rootText).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(rootText).toContain('Certificate Sign');
    expect(rootText).toContain(`Issuer: ${root.cert.subject}`);
    expect(text(pki.dir, intermediate.cert.path)).toMatch(/CA:TRUE, pathlen:0/);

    // Without the intermediate the leaf does not verify: OpenSSL really walks the chain.
    expect(ossl(pki.dir, 'verify', '-CAfile', root.cert.path, leaf.cert.path).out).toContain('unable to get local issuer certificate');
  });

  it('SHA-256 fingerprints are of the DER, lowercase hex, and match a DER written out and hashed by openssl dgst', () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    for (const cert of chainInOrder(pki)) {
      const der = writeDer(dir, 'cert.der', cert);
      const digest = must(dir, 'dgst', '-sha256', '-r', der).split(' ')[0];
      expect(cert.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(cert.sha256).toBe(digest);
    }
    expect(new Set(chainInOrder(pki).map((c) => c.sha256)).size).toBe(3);
  });

  it('key files are PKCS#8 PEM with mode 0600 and match their certificates', () => {
    const pki = cachedPki(tempDir());
    for (const { cert, key } of [pki.root, pki.intermediate, pki.leaf]) {
      expect(key.pem).toContain('-----BEGIN PRIVATE KEY-----');
      expect(statSync(key.path).mode & 0o777).toBe(0o600);
      expect(must(pki.dir, 'pkey', '-in', key.path, '-pubout')).toBe(certPublicKey(pki.dir, cert.path));
    }
  });

  it('PKIs of the same name share cached keys, another name has its own; cachedPki signs once and writes anywhere', () => {
    const dir = tempDir();
    const again = makePki(dir);
    const other = makePki(dir, { name: 'Other Lab', prefix: 'other-' });
    const cached = cachedPki(dir, { prefix: 'cached-' });
    const elsewhere = cachedPki(tempDir());
    expect(again.leaf.key.pem).toBe(cached.leaf.key.pem);
    expect(again.leaf.cert.sha256).not.toBe(cached.leaf.cert.sha256);
    expect(other.leaf.key.pem).not.toBe(again.leaf.key.pem);
    expect(other.root.cert.subject).toContain('Other Lab');
    expect(elsewhere.leaf.cert.sha256).toBe(cached.leaf.cert.sha256);
    expect(elsewhere.leaf.cert.path).not.toBe(cached.leaf.cert.path);
    expect(cached.leaf.cert.path).toBe(join(dir, 'cached-leaf.pem'));
    expect(readFileSync(elsewhere.leaf.cert.path, 'utf8')).toBe(readFileSync(cached.leaf.cert.path, 'utf8'));
    expect(statSync(elsewhere.leaf.key.path).mode & 0o777).toBe(0o600);
    expect(verify(dir, again.root.cert.path, other.intermediate.cert.path, other.leaf.cert.path).ok).toBe(false);
  });
});

describe('the broken variants fail for their own reason', () => {
  it('expired, not yet valid and expiring in 10 days', () => {
    const dir = tempDir();
    const expired = makePki(dir, { ...variants.expired, prefix: 'expired-' });
    const early = makePki(dir, { ...variants.notYetValid, prefix: 'early-' });
    const soon = makePki(dir, { ...variants.expiringSoon, prefix: 'soon-' });
    expect(verify(dir, expired.root.cert.path, expired.intermediate.cert.path, expired.leaf.cert.path).out).toContain('error 10 at 0 depth lookup: certificate has expired');
    expect(verify(dir, early.root.cert.path, early.intermediate.cert.path, early.leaf.cert.path).out).toContain('error 9 at 0 depth lookup: certificate is not yet valid');
    expect(verify(dir, soon.root.cert.path, soon.intermediate.cert.path, soon.leaf.cert.path).ok).toBe(true);
    const day = 86_400;
    expect(ossl(dir, 'x509', '-in', soon.leaf.cert.path, '-noout', '-checkend', String(9 * day)).out).toContain('will not expire');
    expect(ossl(dir, 'x509', '-in', soon.leaf.cert.path, '-noout', '-checkend', String(11 * day)).out).toContain('will expire');
    // The CAs of each are fine: only the leaf is out of date.
    expect(ossl(dir, 'verify', '-CAfile', expired.root.cert.path, expired.intermediate.cert.path).ok).toBe(true);
  });

  it('issuer not a CA: the intermediate is CA:FALSE without keyCertSign and still signed the leaf', () => {
    const dir = tempDir();
    const pki = makePki(dir, variants.issuerNotCa);
    expect(text(dir, pki.intermediate.cert.path)).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text(dir, pki.intermediate.cert.path)).not.toContain('Certificate Sign');
    const result = verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path);
    expect(result.ok).toBe(false);
    expect(result.out).toContain('error 79 at 1 depth lookup: invalid CA certificate');
    expect(result.out).toContain('key usage does not include certificate signing');
    // `openssl verify` goes on past these errors, and finds the signatures themselves sound.
    expect(result.out).not.toContain('signature failure');
  });

  it('SHA-1: sha1WithRSAEncryption, accepted by default, refused from security level 1', () => {
    const dir = tempDir();
    const pki = makePki(dir, { keyType: 'rsa', ...variants.sha1 });
    expect(text(dir, pki.leaf.cert.path)).toContain('Signature Algorithm: sha1WithRSAEncryption');
    expect(text(dir, pki.intermediate.cert.path)).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path).ok).toBe(true);
    expect(verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path, '-auth_level', '1').out).toContain('CA signature digest algorithm too weak');
  });

  it('RSA-1024 leaf under RSA-2048 CAs: 1024 bit, refused from security level 2', () => {
    const dir = tempDir();
    const pki = makePki(dir, { keyType: 'rsa', ...variants.rsa1024 });
    expect(text(dir, pki.leaf.cert.path)).toContain('Public-Key: (1024 bit)');
    expect(text(dir, pki.intermediate.cert.path)).toContain('Public-Key: (2048 bit)');
    expect(verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path).ok).toBe(true);
    expect(verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path, '-auth_level', '2').out).toContain('EE certificate key too weak');
  });

  it('wrong host, wildcard and no SAN', () => {
    const dir = tempDir();
    const wrong = makePki(dir, { ...variants.wrongHost, prefix: 'wrong-' });
    const wild = makePki(dir, { ...variants.wildcard, prefix: 'wild-' });
    const bare = makePki(dir, { ...variants.noSan, prefix: 'bare-' });
    const host = (pki: typeof wrong, name: string) => verify(dir, pki.root.cert.path, pki.intermediate.cert.path, pki.leaf.cert.path, '-verify_hostname', name);
    expect(text(dir, wrong.leaf.cert.path)).toContain('DNS:other.example.net');
    expect(host(wrong, DEFAULT_HOST).out).toContain('hostname mismatch');
    expect(text(dir, wild.leaf.cert.path)).toContain('DNS:*.example.com, DNS:example.com');
    expect(host(wild, DEFAULT_HOST).ok).toBe(true);
    expect(host(wild, 'a.b.example.com').out).toContain('hostname mismatch');
    expect(text(dir, bare.leaf.cert.path)).not.toContain('Subject Alternative Name');
    expect(bare.leaf.cert.subject).toContain(`CN = ${DEFAULT_HOST}`);
  });

  it('self-signed: issuer = subject, CA:FALSE, not trusted without itself', () => {
    const dir = tempDir();
    const self = makeSelfSigned(dir, { keyType: 'ec-p384' });
    const t = text(dir, self.cert.path);
    expect(t).toContain(`Issuer: ${self.cert.subject}`);
    expect(t).toMatch(/CA:FALSE/);
    expect(t).toContain(`DNS:${DEFAULT_HOST}`);
    expect(ossl(dir, 'verify', '-no-CAfile', '-no-CApath', '-no-CAstore', self.cert.path).out).toContain('self-signed certificate');
    expect(ossl(dir, 'verify', '-CAfile', self.cert.path, self.cert.path).ok).toBe(true);
  });

  it.each(['ec-p256', 'rsa'] as const)('wrong key (%s): its public key and modulus differ from the leaf’s', (keyType) => {
    const dir = tempDir();
    const pki = cachedPki(dir, { keyType });
    const wrong = makeWrongKey(dir, pki);
    expect(wrong.keyType).toBe(keyType);
    const pub = must(dir, 'pkey', '-in', wrong.path, '-pubout');
    expect(pub).toContain('BEGIN PUBLIC KEY');
    expect(pub).not.toBe(certPublicKey(dir, pki.leaf.cert.path));
    if (keyType === 'rsa') {
      expect(must(dir, 'rsa', '-in', wrong.path, '-noout', '-modulus')).not.toBe(must(dir, 'x509', '-in', pki.leaf.cert.path, '-noout', '-modulus'));
      expect(must(dir, 'rsa', '-in', pki.leaf.key.path, '-noout', '-modulus')).toBe(must(dir, 'x509', '-in', pki.leaf.cert.path, '-noout', '-modulus'));
    }
  });
});

describe('the forms appliances and CAs hand out', () => {
  it('PEM bundles in order, out of order and without the intermediate; all verify or fail as a chain should', () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const inOrder = writePemBundle(dir, 'in-order.pem', chainInOrder(pki));
    const outOfOrder = writePemBundle(dir, 'out-of-order.pem', chainOutOfOrder(pki));
    const missing = writePemBundle(dir, 'missing.pem', chainMissingIntermediate(pki));
    const names = (certs: { subject: string }[]) => certs.map((c) => c.subject);
    expect(subjectsOf(dir, inOrder)).toEqual(names(chainInOrder(pki)));
    expect(subjectsOf(dir, outOfOrder)).toEqual(names(chainOutOfOrder(pki)));
    expect(subjectsOf(dir, missing)).toEqual(names(chainMissingIntermediate(pki)));
    expect(verify(dir, pki.root.cert.path, outOfOrder, pki.leaf.cert.path).ok).toBe(true);
    expect(verify(dir, pki.root.cert.path, missing, pki.leaf.cert.path).out).toContain('unable to get local issuer certificate');
  });

  it('DER leaf and PKCS#7 chains, PEM and DER', () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const der = writeDer(dir, 'leaf.cer', pki.leaf.cert);
    expect(readFileSync(der)[0]).toBe(0x30);
    expect(must(dir, 'x509', '-inform', 'DER', '-in', der, '-noout', '-fingerprint', '-sha256').replace(/:/g, '').toLowerCase()).toContain(pki.leaf.cert.sha256);
    const p7b = writePkcs7(dir, 'chain.p7b', chainInOrder(pki));
    const p7c = writePkcs7(dir, 'chain.p7c', chainInOrder(pki), 'der');
    expect(readFileSync(p7b, 'utf8')).toContain('-----BEGIN PKCS7-----');
    expect(readFileSync(p7c)[0]).toBe(0x30);
    const want = chainInOrder(pki).map((c) => c.subject);
    expect(subjects(must(dir, 'pkcs7', '-in', p7b, '-print_certs', '-noout'))).toEqual(want);
    expect(subjects(must(dir, 'pkcs7', '-inform', 'DER', '-in', p7c, '-print_certs', '-noout'))).toEqual(want);
  });

  it('PKCS#12: OpenSSL 3 defaults are AES-256-CBC with PBKDF2 and a SHA-256 MAC, with friendlyName and the chain', () => {
    const dir = tempDir();
    const pki = cachedPki(dir, { keyType: 'rsa' });
    const pass = writePassphraseFile(dir, 'pass.txt', PASS);
    expect(statSync(pass).mode & 0o777).toBe(0o600);
    const p12 = writePkcs12(dir, 'default.p12', { cert: pki.leaf.cert, key: pki.leaf.key, chain: [pki.intermediate.cert, pki.root.cert], passphrase: PASS, friendlyName: 'support' });
    const info = pkcs12Info(dir, p12, pass);
    expect(info).toContain('MAC: sha256');
    expect(info).toContain('PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC');
    expect(info).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    expect(info).toContain('friendlyName: support');
    expect(info).toContain('localKeyID:');
    expect(subjects(info)).toEqual(chainInOrder(pki).map((c) => c.subject));
    expect(keyOfPkcs12(dir, p12, pass)).toBe(certPublicKey(dir, pki.leaf.cert.path));
    // A wrong passphrase fails the MAC.
    const wrong = writePassphraseFile(dir, 'wrong.txt', 'not it');
    const refused = ossl(dir, 'pkcs12', '-info', '-nokeys', '-in', p12, '-passin', `file:${wrong}`);
    expect(refused.ok).toBe(false);
    expect(refused.out).toContain('Mac verify error: invalid password?');
  });

  it('PKCS#12 -legacy: RC2-40 certificates and a 3DES key that need -legacy to read; 3des: 3DES throughout', () => {
    const dir = tempDir();
    const pki = cachedPki(dir, { keyType: 'rsa' });
    const pass = writePassphraseFile(dir, 'pass.txt', PASS);
    const legacy = writePkcs12(dir, 'legacy.p12', { cert: pki.leaf.cert, key: pki.leaf.key, chain: [pki.intermediate.cert], passphrase: PASS, encryption: 'legacy' });
    const refused = ossl(dir, 'pkcs12', '-info', '-nokeys', '-in', legacy, '-passin', `file:${pass}`);
    expect(refused.ok).toBe(false);
    expect(refused.out).toContain('RC2-40-CBC');
    const info = pkcs12Info(dir, legacy, pass, '-legacy');
    expect(info).toContain('MAC: sha1');
    expect(info).toContain('PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC');
    expect(info).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(subjects(info)).toEqual([pki.leaf.cert.subject, pki.intermediate.cert.subject]);
    expect(keyOfPkcs12(dir, legacy, pass, '-legacy')).toBe(certPublicKey(dir, pki.leaf.cert.path));

    const tdes = writePkcs12(dir, '3des.p12', { cert: pki.leaf.cert, key: pki.leaf.key, passphrase: PASS, encryption: '3des' });
    const tdesInfo = pkcs12Info(dir, tdes, pass);
    expect(tdesInfo).toContain('PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(tdesInfo).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC');
    expect(subjects(tdesInfo)).toEqual([pki.leaf.cert.subject]);
  });

  it.each(['rsa', 'ec-p256', 'ec-p384'] as const)('keys (%s): PKCS#8, encrypted PKCS#8, traditional, encrypted traditional, DER', (keyType) => {
    const dir = tempDir();
    const pki = cachedPki(dir, { keyType });
    const pass = writePassphraseFile(dir, 'pass.txt', PASS);
    const wrong = writePassphraseFile(dir, 'wrong.txt', 'not it');
    const want = certPublicKey(dir, pki.leaf.cert.path);
    const key: KeyFile = pki.leaf.key;
    const traditional = keyType === 'rsa' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY';

    const plain = writeKey(dir, 'plain.key', key, 'pkcs8');
    expect(readFileSync(plain, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const trad = writeKey(dir, 'trad.key', key, 'traditional');
    expect(readFileSync(trad, 'utf8')).toMatch(new RegExp(`^-----BEGIN ${traditional}-----\\n[A-Za-z0-9+/]`));
    const der = writeKey(dir, 'key.der', key, 'der');
    expect(readFileSync(der)[0]).toBe(0x30);
    for (const file of [plain, trad]) expect(must(dir, 'pkey', '-in', file, '-pubout')).toBe(want);
    expect(must(dir, 'pkey', '-inform', 'DER', '-in', der, '-pubout')).toBe(want);
    if (keyType !== 'rsa') expect(must(dir, 'pkey', '-in', plain, '-noout', '-text')).toContain(`ASN1 OID: ${keyType === 'ec-p256' ? 'prime256v1' : 'secp384r1'}`);

    const p8 = writeKey(dir, 'p8.key', key, 'pkcs8-encrypted', PASS);
    expect(readFileSync(p8, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const asn1 = must(dir, 'asn1parse', '-in', p8);
    for (const alg of ['PBES2', 'PBKDF2', 'hmacWithSHA256', 'aes-256-cbc']) expect(asn1).toContain(alg);
    const encTrad = writeKey(dir, 'enc-trad.key', key, 'traditional-encrypted', PASS);
    expect(readFileSync(encTrad, 'utf8')).toMatch(new RegExp(`^-----BEGIN ${traditional}-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-256-CBC,[0-9A-F]{32}\\n`));

    for (const file of [p8, encTrad]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).not.toContain(PASS);
      expect(must(dir, 'pkey', '-in', file, '-passin', `file:${pass}`, '-pubout')).toBe(want);
      expect(ossl(dir, 'pkey', '-in', file, '-passin', `file:${wrong}`, '-pubout').ok).toBe(false);
      // No passphrase at all (stdin closed, no terminal): unreadable too.
      expect(ossl(dir, 'pkey', '-in', file, '-passin', 'stdin', '-pubout').ok).toBe(false);
    }
    expect(() => writeKey(dir, 'x.key', key, 'pkcs8-encrypted')).toThrow(/needs passphrase/);
  });
});

/** Subjects of the certificates in a PEM bundle file, in file order (`crl2pkcs7` keeps it, `pkcs7 -print_certs` prints it). */
function subjectsOf(dir: string, file: string): string[] {
  must(dir, 'crl2pkcs7', '-nocrl', '-certfile', file, '-out', 'bundle.p7b');
  return subjects(must(dir, 'pkcs7', '-in', 'bundle.p7b', '-print_certs', '-noout'));
}

/** Public key (PEM) of the private key inside a PKCS#12, via `openssl pkcs12 -nocerts -nodes` and `pkey -pubout`. */
function keyOfPkcs12(dir: string, p12: string, passFile: string, ...flags: string[]): string {
  must(dir, 'pkcs12', ...flags, '-in', p12, '-passin', `file:${passFile}`, '-nocerts', '-nodes', '-out', 'extracted.key');
  return must(dir, 'pkey', '-in', 'extracted.key', '-pubout');
}
