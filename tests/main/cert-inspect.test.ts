/**
 * Certificates (issue 11): material built by the OpenSSL CLI at test time (tests/helpers/cert-material.ts,
 * independent of Ferry) in every form — PEM single and bundles in any order, DER, PKCS#7, PKCS#12 of
 * OpenSSL 3 and legacy, encrypted PKCS#8 and traditional keys, RSA and EC — read by `ferry cert inspect`,
 * every finding checked with its code and severity; a wrong passphrase is CERT_PASSPHRASE_WRONG.
 */
import { describe, expect, it } from 'vitest';
import {
  cachedPki, chainInOrder, chainMissingIntermediate, chainOutOfOrder, DEFAULT_HOST, makeSelfSigned, makeWrongKey, variants,
  writeDer, writeKey, writePassphraseFile, writePemBundle, writePkcs12, writePkcs7, type PkiOptions,
} from '../helpers/cert-material.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

interface Inspected {
  chain: { subject: string; issuer: string; notAfter: string; keyType: string; sha256: string }[];
  findings: { code: string; severity: string; message: string }[];
  key: boolean;
}

/** `ferry cert inspect --json` over `files`; the exit code and the parsed answer. */
async function inspect(files: string[], ...extra: string[]): Promise<{ code: number; out: Inspected }> {
  const run = await ferry(tempDir(), 'cert', 'inspect', ...files, ...extra, '--json');
  return { code: run.code, out: run.json<Inspected>() };
}

const codes = (out: Inspected) => out.findings.map((f) => `${f.severity} ${f.code}`).sort();

describe('cert inspect', () => {
  it('a good chain in order with its key: leaf first, no findings, exit 0 — the chain as OpenSSL made it', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const bundle = writePemBundle(dir, 'chain.pem', chainInOrder(pki));
    const { code, out } = await inspect([bundle, pki.leaf.key.path], '--host', DEFAULT_HOST);
    expect(code).toBe(0);
    expect(out.findings).toEqual([]);
    expect(out.key).toBe(true);
    expect(out.chain.map((c) => c.sha256)).toEqual([pki.leaf.cert.sha256, pki.intermediate.cert.sha256, pki.root.cert.sha256]);
    expect(out.chain[0]!.keyType).toBe('EC P-256');
  });

  it('reads every form: DER, PKCS#7 (PEM and DER), PKCS#12 (OpenSSL 3, legacy, 3DES), keys plain and encrypted, RSA and EC', async () => {
    const dir = tempDir();
    for (const keyType of ['rsa', 'ec-p256', 'ec-p384'] as const) {
      const pki = cachedPki(dir, { keyType, prefix: `${keyType}-` });
      const pass = writePassphraseFile(dir, `${keyType}.pass`, 'Geheimnis 2026!');
      const inter = writePemBundle(dir, `${keyType}-inter.pem`, [pki.intermediate.cert, pki.root.cert]);
      const forms: string[][] = [
        [writeDer(dir, `${keyType}-leaf.der`, pki.leaf.cert), inter, writeKey(dir, `${keyType}-k8.pem`, pki.leaf.key, 'pkcs8')],
        [writePkcs7(dir, `${keyType}.p7b`, chainInOrder(pki), 'pem'), writeKey(dir, `${keyType}-k8e.pem`, pki.leaf.key, 'pkcs8-encrypted', 'Geheimnis 2026!')],
        [writePkcs7(dir, `${keyType}.p7b.der`, chainOutOfOrder(pki), 'der'), writeKey(dir, `${keyType}-trad.pem`, pki.leaf.key, 'traditional')],
        [writePemBundle(dir, `${keyType}-c.pem`, chainInOrder(pki)), writeKey(dir, `${keyType}-trade.pem`, pki.leaf.key, 'traditional-encrypted', 'Geheimnis 2026!')],
        [writePemBundle(dir, `${keyType}-c2.pem`, chainInOrder(pki)), writeKey(dir, `${keyType}-k.der`, pki.leaf.key, 'der')],
        ...(['aes-256', 'legacy', '3des'] as const).map((encryption) => [writePkcs12(dir, `${keyType}-${encryption}.p12`, {
          cert: pki.leaf.cert, key: pki.leaf.key, chain: [pki.intermediate.cert, pki.root.cert], passphrase: 'Geheimnis 2026!', encryption,
        })]),
      ];
      for (const files of forms) {
        const { code, out } = await inspect(files, '--passphrase-file', pass);
        const label = `${keyType} ${files.map((f) => f.split('/').at(-1)).join(' + ')}`;
        expect(out.chain.map((c) => c.sha256), label).toEqual([pki.leaf.cert.sha256, pki.intermediate.cert.sha256, pki.root.cert.sha256]);
        expect(out.key, label).toBe(true);
        // The PKCS#7 DER was written out of order: a bundle's order is its file order.
        expect(codes(out).filter((c) => c !== 'warning CERT_CHAIN_ORDER'), label).toEqual([]);
        expect(code, label).toBe(0);
      }
    }
  });

  it('a wrong or missing passphrase is CERT_PASSPHRASE_WRONG (exit 1), never a crash or an empty result', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const wrong = writePassphraseFile(dir, 'wrong.pass', 'not it');
    const p12 = writePkcs12(dir, 'a.p12', { cert: pki.leaf.cert, key: pki.leaf.key, passphrase: 'richtig-2026' });
    const legacy = writePkcs12(dir, 'l.p12', { cert: pki.leaf.cert, key: pki.leaf.key, passphrase: 'richtig-2026', encryption: 'legacy' });
    const key = writeKey(dir, 'k.pem', pki.leaf.key, 'pkcs8-encrypted', 'richtig-2026');
    const trad = writeKey(dir, 't.pem', pki.leaf.key, 'traditional-encrypted', 'richtig-2026');
    for (const file of [p12, legacy, key, trad]) {
      for (const extra of [['--passphrase-file', wrong], []]) {
        const run = await ferry(tempDir(), 'cert', 'inspect', file, ...extra, '--json');
        expect(run.code, file).toBe(1);
        expect(run.json<{ error: { code: string } }>().error.code, file).toBe('CERT_PASSPHRASE_WRONG');
      }
    }
  });

  it('reports each finding with its code and severity', async () => {
    const dir = tempDir();
    const pki = (name: string, options: PkiOptions) => cachedPki(dir, { name, prefix: `${name}-`, ...options });
    const check = async (name: string, options: PkiOptions, expected: string[], order: 'in' | 'out' | 'missing' = 'in', hosts: string[] = [DEFAULT_HOST]) => {
      const p = pki(name, options);
      const certs = order === 'in' ? chainInOrder(p) : order === 'out' ? chainOutOfOrder(p) : chainMissingIntermediate(p);
      const { code, out } = await inspect([writePemBundle(dir, `${name}.pem`, certs), p.leaf.key.path], ...hosts.flatMap((h) => ['--host', h]));
      expect(codes(out), name).toEqual(expected.sort());
      expect(code, name).toBe(expected.some((e) => e.startsWith('error')) ? 1 : 0);
    };
    await check('expired', variants.expired, ['error CERT_EXPIRED']);
    await check('not-yet', variants.notYetValid, ['error CERT_NOT_YET_VALID']);
    await check('soon', variants.expiringSoon, ['warning CERT_EXPIRING_SOON']);
    await check('sha1', { ...variants.sha1, keyType: 'rsa' }, ['error CERT_WEAK_SIGNATURE']);
    await check('rsa1024', { ...variants.rsa1024, keyType: 'rsa' }, ['error CERT_WEAK_KEY']);
    await check('not-ca', variants.issuerNotCa, ['error CERT_ISSUER_NOT_CA']);
    await check('host', variants.wrongHost, ['error CERT_HOST_MISMATCH']);
    await check('order', {}, ['warning CERT_CHAIN_ORDER'], 'out');
    await check('missing', {}, ['error CERT_CHAIN_INCOMPLETE'], 'missing');
    // A wildcard covers the site and every traffic node's name.
    await check('wildcard', variants.wildcard, [], 'in', ['support.example.com', 'fra-1.example.com', 'example.com']);
    await check('wildcard-deep', variants.wildcard, ['error CERT_HOST_MISMATCH'], 'in', ['a.b.example.com']);
  });

  it('a key that does not belong, no key at all, a self-signed leaf', async () => {
    const dir = tempDir();
    const pki = cachedPki(dir);
    const bundle = writePemBundle(dir, 'chain.pem', chainInOrder(pki));
    const wrong = makeWrongKey(dir, pki);
    const mismatch = await inspect([bundle, wrong.path]);
    expect(codes(mismatch.out)).toEqual(['error CERT_KEY_MISMATCH']);
    expect(mismatch.code).toBe(1);
    expect(codes((await inspect([bundle])).out)).toEqual(['error CERT_KEY_MISSING']);
    const self = makeSelfSigned(dir);
    const selfSigned = await inspect([self.cert.path, self.key.path]);
    expect(codes(selfSigned.out)).toEqual(['warning CERT_SELF_SIGNED']);
    expect(selfSigned.code).toBe(0);
  });

  it('refuses what is not certificate material, and a device instead of a file', async () => {
    const dir = tempDir();
    const junk = writePassphraseFile(dir, 'junk.pem', 'hello, not a certificate');
    const run = await ferry(tempDir(), 'cert', 'inspect', junk, '--json');
    expect(run.json<{ error: { code: string } }>().error.code).toBe('CERT_UNREADABLE');
    expect(run.code).toBe(1);
    const dev = await ferry(tempDir(), 'cert', 'inspect', '/dev/zero', '--json');
    expect(dev.json<{ error: { code: string } }>().error.code).toBe('INPUT_NOT_A_FILE');
  });
});

describe('cert inspect --inventory', () => {
  it('checks every appliance host name of the inventory (an Atlas cluster: each node)', async () => {
    const data = tempDir();
    await ferry(data, 'station', 'init', '--name', 'Jump host');
    for (const [name, host, role] of [['bt-a', 'support.example.com', 'master'], ['fra-1', 'fra-1.example.com', 'traffic'], ['nyc-1', 'nyc-1.example.org', 'traffic']] as const) {
      expect((await ferry(data, 'appliance', 'add', '--name', name, '--role', role, '--hostname', host, '--base', '7.0.0', '--site', '24.1.2', ...(role === 'traffic' ? ['--region', 'EU'] : []))).code).toBe(0);
    }
    const dir = tempDir();
    const pki = cachedPki(dir, { ...variants.wildcard, prefix: 'wild-' });
    const run = await ferry(data, 'cert', 'inspect', writePemBundle(dir, 'w.pem', chainInOrder(pki)), pki.leaf.key.path, '--inventory', '--json');
    expect(run.json<Inspected>().findings.map((f) => [f.code, (f as { host?: string }).host])).toEqual([['CERT_HOST_MISMATCH', 'nyc-1.example.org']]);
    expect(run.code).toBe(1);
  });
});
