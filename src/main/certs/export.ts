/**
 * Packaging certificate material for the new appliance (DESIGN: Certificates): one PKCS#12 with the
 * leaf, its key and the intermediates in order, friendlyName and localKeyId set on the leaf and the
 * key — node-forge writes RSA (AES-256 by default, 3DES with `compat` for older appliances), pkijs
 * writes EC (AES-256 with PBKDF2/HMAC-SHA-256; `compat` is RSA only) — or a PEM chain with the key
 * as encrypted PKCS#8. The private key is never written unencrypted; the passphrase is never stored.
 */
import { createHash, type KeyObject, type X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import {
  Attribute, AuthenticatedSafe, CertBag, Certificate as PkijsCertificate, PFX, PKCS8ShroudedKeyBag, PrivateKeyInfo, SafeBag, SafeContents,
} from 'pkijs';
import { FerryError } from '../../shared/errors.ts';
import { useNodeCrypto } from './read-material.ts';

/** A passphrase an export may be protected with: long enough to mean something. */
export const MIN_PASSPHRASE = 8;

/** What to write. */
export interface ExportInput {
  /** Leaf first, then each issuer (`Inspection.ordered`); a self-signed root is left out of the file. */
  ordered: readonly X509Certificate[];
  key: KeyObject;
  passphrase: string;
  /** 3DES instead of AES-256 (older appliances); RSA keys only. */
  compat?: boolean;
  friendlyName?: string;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new FerryError('USAGE', `The export's passphrase needs at least ${MIN_PASSPHRASE} characters`, { field: 'passphrase', min: MIN_PASSPHRASE });
  }
}

/** The certificates that go into the file: the leaf and intermediates, without a self-signed root. */
function chainOf(ordered: readonly X509Certificate[]): X509Certificate[] {
  const out = [...ordered];
  const top = out.at(-1);
  if (out.length > 1 && top && top.issuer === top.subject && top.verify(top.publicKey)) out.pop();
  return out;
}

/** The localKeyId that ties the leaf to its key: the SHA-1 of the leaf's DER (as OpenSSL does). */
function localKeyId(leaf: X509Certificate): Buffer {
  return createHash('sha1').update(leaf.raw).digest();
}

/** A PKCS#12 for the appliance's import. */
export async function exportPkcs12(input: ExportInput): Promise<Buffer> {
  checkPassphrase(input.passphrase);
  const certs = chainOf(input.ordered);
  if (certs.length === 0) throw new FerryError('CERT_UNREADABLE', 'There is no certificate to export', { reason: 'no-certificate' });
  if (!certs[0]!.checkPrivateKey(input.key)) throw new FerryError('CERT_KEY_MISMATCH', 'The private key does not belong to the leaf certificate');
  const name = input.friendlyName ?? (certs[0]!.subject.match(/CN=([^\n]+)/)?.[1] ?? 'certificate');
  const type = input.key.asymmetricKeyType;
  if (type === 'rsa') return rsaPkcs12(certs, input.key, input.passphrase, input.compat === true, name);
  if (input.compat) throw new FerryError('USAGE', '--compat (3DES) is for RSA keys; an EC key is exported with AES-256', { field: 'compat', keyType: type });
  if (type === 'ec') return ecPkcs12(certs, input.key, input.passphrase, name);
  throw new FerryError('CERT_UNREADABLE', `A ${type ?? 'unknown'} key cannot be exported to PKCS#12 here`, { keyType: type });
}

function rsaPkcs12(certs: X509Certificate[], key: KeyObject, passphrase: string, compat: boolean, name: string): Buffer {
  const forgeKey = forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
  const forgeCerts = certs.map((c) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(c.raw.toString('binary')))));
  const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, forgeCerts, passphrase, {
    algorithm: compat ? '3des' : 'aes256', friendlyName: name, localKeyId: localKeyId(certs[0]!).toString('hex'), count: 10_000, useMac: true,
  } as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]);
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function ecPkcs12(certs: X509Certificate[], key: KeyObject, passphrase: string, name: string): Promise<Buffer> {
  useNodeCrypto();
  const password = ab(new TextEncoder().encode(passphrase));
  const id = ab(localKeyId(certs[0]!));
  const attrs = (withId: boolean) => [
    new Attribute({ type: '1.2.840.113549.1.9.20', values: [new asn1js.BmpString({ value: name })] }),
    ...(withId ? [new Attribute({ type: '1.2.840.113549.1.9.21', values: [new asn1js.OctetString({ valueHex: id })] })] : []),
  ];
  const certBags = certs.map((c, i) => new SafeBag({
    bagId: '1.2.840.113549.1.12.10.1.3',
    bagValue: new CertBag({ parsedValue: PkijsCertificate.fromBER(new Uint8Array(c.raw)) }),
    ...(i === 0 ? { bagAttributes: attrs(true) } : {}),
  }));
  const keyInfo = PrivateKeyInfo.fromBER(new Uint8Array(key.export({ type: 'pkcs8', format: 'der' })));
  const shrouded = new PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  const params = { password, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 }, hmacHashAlgorithm: 'SHA-256', iterationCount: 10_000 };
  const pfx = new PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 1, value: new SafeContents({ safeBags: certBags }) },
            { privacyMode: 0, value: new SafeContents({ safeBags: [new SafeBag({ bagId: '1.2.840.113549.1.12.10.1.2', bagValue: shrouded, bagAttributes: attrs(true) })] }) },
          ],
        },
      }),
    },
  });
  await shrouded.makeInternalValues(params as never);
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [params, {}] } as never);
  await pfx.makeInternalValues({ password, iterations: 10_000, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' } as never);
  return Buffer.from(pfx.toSchema().toBER(false));
}

/** The chain as PEM (leaf first, without a self-signed root) and the key as encrypted PKCS#8 PEM (AES-256). */
export function exportPem(input: ExportInput): { chain: string; key: string } {
  checkPassphrase(input.passphrase);
  const certs = chainOf(input.ordered);
  if (!certs[0]?.checkPrivateKey(input.key)) throw new FerryError('CERT_KEY_MISMATCH', 'The private key does not belong to the leaf certificate');
  return {
    chain: certs.map((c) => c.toString()).join(''),
    key: input.key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: input.passphrase }).toString(),
  };
}
