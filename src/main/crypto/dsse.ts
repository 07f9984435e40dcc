/**
 * DSSE envelopes (the in-toto / Sigstore signing envelope) with Ed25519: the signature covers
 * PAE(payloadType, payload) = "DSSEv1" SP len(type) SP type SP len(payload) SP payload.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { DsseEnvelopeSchema, type DsseEnvelope } from '../../shared/formats.ts';
import { FerryError } from '../../shared/errors.ts';

/** Pre-authentication encoding of DSSE v1. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type,
    Buffer.from(` ${payload.length} `, 'utf8'), payload,
  ]);
}

/** Signs `payload` into an envelope. `keyid` is the signer's fingerprint. */
export function signEnvelope(payloadType: string, payload: Uint8Array, privateKey: KeyObject, keyid: string): DsseEnvelope {
  const sig = sign(null, pae(payloadType, payload), privateKey);
  return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures: [{ keyid, sig: sig.toString('base64') }] };
}

/** Parses untrusted JSON text as an envelope of the expected payload type; returns the payload bytes. */
export function parseEnvelope(text: string, expectedType: string): { envelope: DsseEnvelope; payload: Buffer } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FerryError('MANIFEST_MALFORMED', 'Not JSON', { problem: 'notJson' });
  }
  const parsed = DsseEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new FerryError('MANIFEST_MALFORMED', 'Not a DSSE envelope');
  if (parsed.data.payloadType !== expectedType) {
    throw new FerryError('MANIFEST_MALFORMED', `Expected ${expectedType}, found ${parsed.data.payloadType}`);
  }
  return { envelope: parsed.data, payload: Buffer.from(parsed.data.payload, 'base64') };
}

/** True when one of the envelope's signatures with this keyid verifies under `publicKey`. */
export function verifyEnvelope(envelope: DsseEnvelope, publicKey: KeyObject, keyid: string): boolean {
  const message = pae(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
  return envelope.signatures.some((s) => s.keyid === keyid && verify(null, message, publicKey, Buffer.from(s.sig, 'base64')));
}
