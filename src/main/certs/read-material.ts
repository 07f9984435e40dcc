/**
 * Certificate material in every form appliances and CAs hand out, from one or several files: PEM
 * (single certificates, bundles in any order, PKCS#7, PKCS#8 keys plain or encrypted, traditional
 * RSA/EC keys plain or encrypted), DER (a certificate, a PKCS#7 chain, a PKCS#8 key) and PKCS#12 of
 * every flavour (OpenSSL 3's AES-256/PBKDF2 and the legacy RC2/3DES). Node's crypto parses
 * certificates and keys; node-forge opens PKCS#12 (it understands only RSA keys itself, so the key
 * bags' DER goes to Node); pkijs reads PKCS#7. A wrong or missing passphrase is CERT_PASSPHRASE_WRONG,
 * anything unreadable CERT_UNREADABLE — never a crash or an empty result.
 */
import { createPrivateKey, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import forge from 'node-forge';
import {
  CertBag, ContentInfo, CryptoEngine, PFX, PKCS8ShroudedKeyBag, PrivateKeyInfo, SafeContents, SignedData, Certificate as PkijsCertificate, setEngine,
} from 'pkijs';
import { FerryError } from '../../shared/errors.ts';
import { readInputBytes } from '../files/text-input.ts';

/** Where a piece of material came from: the file and the form it was in. */
export interface Origin {
  file: string;
  form: 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'pkcs8' | 'pkcs8-encrypted' | 'traditional' | 'traditional-encrypted';
  /** Position in its file (0-based), so "out of order" can be told. */
  index: number;
}

/** What the files held. */
export interface Material {
  certs: { cert: X509Certificate; origin: Origin }[];
  keys: { key: KeyObject; origin: Origin }[];
}

const unreadable = (file: string, why: string): FerryError =>
  new FerryError('CERT_UNREADABLE', `${file}: ${why}`, { file, reason: why.slice(0, 200) });
const wrongPassphrase = (file: string, given: boolean): FerryError =>
  new FerryError('CERT_PASSPHRASE_WRONG', given ? `${file}: the passphrase does not open it` : `${file} is protected by a passphrase; give it`, { file, given });

/** Reads every file (by path); `passphrase` opens encrypted keys and PKCS#12. */
export async function readMaterialFiles(paths: readonly string[], passphrase: string | null): Promise<Material> {
  const out: Material = { certs: [], keys: [] };
  for (const path of paths) {
    const bytes = readInputBytes(path, 'cert');
    const found = await readMaterial(bytes, basename(path), passphrase);
    out.certs.push(...found.certs);
    out.keys.push(...found.keys);
  }
  return out;
}

/** Reads one file's bytes (named `file` in messages). */
export async function readMaterial(bytes: Buffer, file: string, passphrase: string | null): Promise<Material> {
  if (bytes.length === 0) throw unreadable(file, 'the file is empty');
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) return readPem(text, file, passphrase);
  return readDer(bytes, file, passphrase);
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

function readPem(text: string, file: string, passphrase: string | null): Material {
  const out: Material = { certs: [], keys: [] };
  let index = 0;
  for (const m of text.matchAll(PEM_BLOCK)) {
    const label = m[1]!;
    const block = m[0];
    const origin = (form: Origin['form']): Origin => ({ file, form, index: index++ });
    switch (label) {
      case 'CERTIFICATE':
      case 'X509 CERTIFICATE':
      case 'TRUSTED CERTIFICATE':
        out.certs.push({ cert: certificate(block, file), origin: origin('pem') });
        break;
      case 'PKCS7':
      case 'CMS': {
        const start = index;
        for (const cert of pkcs7Certificates(pemBody(block), file)) out.certs.push({ cert, origin: { file, form: 'pkcs7', index: index++ } });
        if (index === start) throw unreadable(file, 'the PKCS#7 block holds no certificate');
        break;
      }
      case 'PRIVATE KEY':
        out.keys.push({ key: privateKey({ key: block, format: 'pem' }, file, null), origin: origin('pkcs8') });
        break;
      case 'ENCRYPTED PRIVATE KEY':
        out.keys.push({ key: privateKey({ key: block, format: 'pem' }, file, passphrase), origin: origin('pkcs8-encrypted') });
        break;
      case 'RSA PRIVATE KEY':
      case 'EC PRIVATE KEY': {
        const encrypted = /Proc-Type:\s*4,ENCRYPTED/.test(block);
        out.keys.push({ key: privateKey({ key: block, format: 'pem' }, file, encrypted ? passphrase : null), origin: origin(encrypted ? 'traditional-encrypted' : 'traditional') });
        break;
      }
      default:
        // Parameters, requests and the like are not material to check; they are passed over.
        index += 1;
    }
  }
  if (out.certs.length === 0 && out.keys.length === 0) throw unreadable(file, 'no certificate or private key in the PEM text');
  return out;
}

function pemBody(block: string): Buffer {
  return Buffer.from(block.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

function certificate(data: string | Buffer, file: string): X509Certificate {
  try {
    return new X509Certificate(data);
  } catch (error) {
    throw unreadable(file, `not a certificate (${(error as Error).message})`);
  }
}

/** A private key; encrypted ones need the passphrase (CERT_PASSPHRASE_WRONG without or with a wrong one). */
function privateKey(input: { key: string | Buffer; format: 'pem' | 'der'; type?: 'pkcs8' | 'pkcs1' | 'sec1' }, file: string, passphrase: string | null): KeyObject {
  try {
    return createPrivateKey(passphrase === null ? input : { ...input, passphrase });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = (error as Error).message;
    // OpenSSL says "bad decrypt" for a wrong passphrase, and Node asks for one when none was given.
    if (/BAD_DECRYPT|bad decrypt|passphrase|ERR_MISSING_PASSPHRASE|interrupted or cancelled/i.test(`${code} ${message}`)) throw wrongPassphrase(file, passphrase !== null);
    throw unreadable(file, `not a private key Ferry can read (${message})`);
  }
}

async function readDer(bytes: Buffer, file: string, passphrase: string | null): Promise<Material> {
  // The first bytes decide: a certificate and a PKCS#12 are both a SEQUENCE, so each is tried in turn.
  try {
    return { certs: [{ cert: new X509Certificate(bytes), origin: { file, form: 'der', index: 0 } }], keys: [] };
  } catch {
    // Not a single certificate.
  }
  const pkcs7 = tryPkcs7(bytes);
  if (pkcs7 !== null && pkcs7.length > 0) return { certs: pkcs7.map((cert, index) => ({ cert, origin: { file, form: 'pkcs7', index } })), keys: [] };
  const p12 = await tryPkcs12(bytes, file, passphrase);
  if (p12 !== null) return p12;
  // A plain key in DER: PKCS#8, or the traditional PKCS#1 (RSA) and SEC1 (EC) that `openssl pkey -outform DER` writes.
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return { certs: [], keys: [{ key: createPrivateKey({ key: bytes, format: 'der', type }), origin: { file, form: type === 'pkcs8' ? 'pkcs8' : 'traditional', index: 0 } }] };
    } catch {
      // Not a key of this type.
    }
  }
  if (isEncryptedPkcs8(bytes)) {
    return { certs: [], keys: [{ key: privateKey({ key: bytes, format: 'der', type: 'pkcs8' }, file, passphrase), origin: { file, form: 'pkcs8-encrypted', index: 0 } }] };
  }
  throw unreadable(file, 'neither PEM nor a DER certificate, PKCS#7, PKCS#12 or PKCS#8 key');
}

/** The certificates of a PKCS#7 (CMS SignedData) structure, or null when it is none. */
function tryPkcs7(der: Buffer): X509Certificate[] | null {
  try {
    const info = ContentInfo.fromBER(new Uint8Array(der));
    if (info.contentType !== ContentInfo.SIGNED_DATA) return null;
    const signed = new SignedData({ schema: info.content });
    return (signed.certificates ?? []).filter((c): c is PkijsCertificate => c instanceof PkijsCertificate)
      .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));
  } catch {
    return null;
  }
}

function pkcs7Certificates(der: Buffer, file: string): X509Certificate[] {
  const certs = tryPkcs7(der);
  if (certs === null) throw unreadable(file, 'the PKCS#7 block is not a certificate chain');
  return certs;
}

/** An EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier, OCTET STRING }. */
function isEncryptedPkcs8(der: Buffer): boolean {
  try {
    const node = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    const parts = node.value as forge.asn1.Asn1[];
    return Array.isArray(parts) && parts.length === 2 && parts[1]!.type === forge.asn1.Type.OCTETSTRING && Array.isArray(parts[0]!.value);
  } catch {
    return false;
  }
}

/** A PKCS#12 file's certificates and keys, or null when the bytes are no PKCS#12. */
async function tryPkcs12(der: Buffer, file: string, passphrase: string | null): Promise<Material | null> {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
  } catch {
    return null;
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    // Without a passphrase the empty one is tried (exports without protection use it).
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase ?? '');
  } catch (error) {
    const message = (error as Error).message;
    if (/Cannot read PKCS#12 PFX|Unsupported PKCS#12 contentType|not an OCTET STRING|Invalid PKCS#12/i.test(message) && !/MAC|password/i.test(message)) return null;
    if (/MAC could not be verified|Invalid password|wrong password|decrypt/i.test(message)) throw wrongPassphrase(file, passphrase !== null);
    // BER forms forge does not take (constructed OCTET STRINGs, as pkijs writes them): pkijs reads them.
    const other = await pkijsPkcs12(der, file, passphrase ?? '');
    if (other !== null) return other;
    throw unreadable(file, `a PKCS#12 file Ferry cannot open (${message})`);
  }
  const out: Material = { certs: [], keys: [] };
  let index = 0;
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      const origin: Origin = { file, form: 'pkcs12', index: index++ };
      if (bag.type === forge.pki.oids.certBag!) {
        const asn = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as unknown as { asn1: forge.asn1.Asn1 }).asn1;
        out.certs.push({ cert: certificate(Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary'), file), origin });
      } else if (bag.type === forge.pki.oids.keyBag! || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag!) {
        // RSA keys forge parsed itself; others (EC) it hands back as their PrivateKeyInfo.
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag as unknown as { asn1: forge.asn1.Asn1 }).asn1;
        const keyDer = Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary');
        out.keys.push({ key: privateKey({ key: keyDer, format: 'der', type: 'pkcs8' }, file, null), origin });
      }
    }
  }
  if (out.certs.length === 0 && out.keys.length === 0) throw unreadable(file, 'the PKCS#12 file is empty');
  return out;
}

/**
 * A PKCS#12 read by pkijs (PBES2 only: AES, as pkijs and OpenSSL 3 write it); null when pkijs cannot
 * either. The MAC is checked first: a wrong passphrase is CERT_PASSPHRASE_WRONG here too.
 */
async function pkijsPkcs12(der: Buffer, file: string, passphrase: string): Promise<Material | null> {
  useNodeCrypto();
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  let pfx: PFX;
  try {
    pfx = PFX.fromBER(new Uint8Array(der));
  } catch {
    return null;
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    if (/integrity|MAC|invalid/i.test((error as Error).message)) throw wrongPassphrase(file, passphrase !== '');
    return null;
  }
  const out: Material = { certs: [], keys: [] };
  try {
    const safe = pfx.parsedValue?.authenticatedSafe;
    if (!safe) return null;
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
    let index = 0;
    for (const content of (safe.parsedValue as { safeContents: { value: SafeContents }[] }).safeContents) {
      for (const bag of content.value.safeBags) {
        const origin: Origin = { file, form: 'pkcs12', index: index++ };
        if (bag.bagValue instanceof CertBag && bag.bagValue.parsedValue instanceof PkijsCertificate) {
          out.certs.push({ cert: certificate(Buffer.from(bag.bagValue.parsedValue.toSchema().toBER(false)), file), origin });
        } else if (bag.bagValue instanceof PKCS8ShroudedKeyBag) {
          // The shrouded key, as Node decrypts it (any PBES2 OpenSSL knows).
          const encrypted = Buffer.from(bag.bagValue.toSchema().toBER(false));
          out.keys.push({ key: privateKey({ key: encrypted, format: 'der', type: 'pkcs8' }, file, passphrase), origin });
        } else if (bag.bagValue instanceof PrivateKeyInfo) {
          out.keys.push({ key: privateKey({ key: Buffer.from(bag.bagValue.toSchema().toBER(false)), format: 'der', type: 'pkcs8' }, file, null), origin });
        }
      }
    }
  } catch (error) {
    if (error instanceof FerryError) throw error;
    return null;
  }
  return out.certs.length === 0 && out.keys.length === 0 ? null : out;
}

/** pkijs computes with Node's WebCrypto. */
export function useNodeCrypto(): void {
  setEngine('node', new CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));
}
