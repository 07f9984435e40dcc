/**
 * Opening a signed Ferry file (a request or a bundle manifest): DSSE envelope of the expected type,
 * payload JSON matching its schema, the station it names with a fingerprint that is the SHA-256 of
 * its key, and a signature that verifies under that key. Whether that station is *trusted* is the
 * caller's question.
 */
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { FerryError } from '../../shared/errors.ts';
import type { DsseEnvelope, StationRef } from '../../shared/formats.ts';
import { normalizeName } from '../../shared/names.ts';
import { parseEnvelope, verifyEnvelope } from '../crypto/dsse.ts';
import { fingerprintOf, publicKeyFromRaw } from '../crypto/ed25519.ts';

/** A signed file whose signature verified under the key it names. */
export interface OpenedSigned<T> {
  envelope: DsseEnvelope;
  payload: T;
  /** The signer's raw Ed25519 key and fingerprint, from the file (not yet trusted). */
  raw: Buffer;
  fingerprint: string;
  publicKey: KeyObject;
  /** The station name in the file, checked like every name. */
  name: string;
}

/** Parses and verifies `text`; `what` names the file in messages ("request", "bundle manifest"). */
export function openSigned<S extends z.ZodType<{ station: StationRef }>>(text: string, payloadType: string, schema: S, what: string): OpenedSigned<z.output<S>> {
  const { envelope, payload } = parseEnvelope(text, payloadType);
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new FerryError('MANIFEST_MALFORMED', `The ${what}'s payload is not JSON`, { problem: 'notJson' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new FerryError('MANIFEST_MALFORMED', `The ${what} does not match format 1: ${issues.join('; ')}`, { issues });
  }
  const station = parsed.data.station;
  const raw = Buffer.from(station.publicKey, 'base64');
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromRaw(raw);
  } catch {
    throw new FerryError('SIGNATURE_INVALID', `The ${what} names a key that is not an Ed25519 key`);
  }
  const fingerprint = fingerprintOf(raw);
  if (fingerprint !== station.fingerprint || !verifyEnvelope(envelope, publicKey, fingerprint)) {
    throw new FerryError('SIGNATURE_INVALID', `The ${what} is not signed by the key it names`);
  }
  // A bad name inside a signed file is a fault of the file (exit 1), not of the command line.
  let name: string;
  try {
    name = normalizeName(station.name, `station name in the ${what}`);
  } catch (error) {
    throw new FerryError('MANIFEST_MALFORMED', `The ${what}'s station name is not acceptable: ${(error as Error).message}`, { field: 'station.name' });
  }
  return { envelope, payload: parsed.data, raw, fingerprint, publicKey, name };
}
