/**
 * Ed25519 keys in the forms Ferry stores and exchanges: the raw 32-byte public key (fingerprints,
 * requests), PEM SubjectPublicKeyInfo (`station export`), PKCS#8 DER (sealed private key).
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { FerryError } from '../../shared/errors.ts';

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A fresh Ed25519 key pair. */
export function generateStationKeys(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** The raw 32-byte public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519' || der.length !== 44) {
    throw new FerryError('PUBLIC_KEY_INVALID', 'Not an Ed25519 key');
  }
  return Buffer.from(der.subarray(12));
}

/** A public key object from the raw 32 bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new FerryError('PUBLIC_KEY_INVALID', `An Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Parses a PEM SubjectPublicKeyInfo holding an Ed25519 key; returns the raw key. */
export function rawPublicKeyFromPem(pem: string): Buffer {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new FerryError('PUBLIC_KEY_INVALID', 'The file holds no readable public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new FerryError('PUBLIC_KEY_INVALID', `Expected an Ed25519 key, found ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return rawPublicKey(key);
}

/** PEM SubjectPublicKeyInfo of a raw key. */
export function pemFromRaw(raw: Uint8Array): string {
  return publicKeyFromRaw(raw).export({ format: 'pem', type: 'spki' }).toString();
}

/** Lowercase hex SHA-256 of the raw public key. */
export function fingerprintOf(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}
