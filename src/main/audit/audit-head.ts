/**
 * The signed head of an audit chain: `{ station, seq, hash, at }` of the last entry in a DSSE envelope
 * by the station's Ed25519 key. Stored with every append, it anchors the chain: deleting the tail,
 * emptying the log or rewriting it with recomputed hashes no longer matches a signature that only
 * the key holder can make.
 */
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { FerryError } from '../../shared/errors.ts';
import { AUDIT_HEAD_PAYLOAD_TYPE, AuditHeadSchema, DsseEnvelopeSchema, type AuditHead, type DsseEnvelope } from '../../shared/formats.ts';
import { signEnvelope, verifyEnvelope } from '../crypto/dsse.ts';

/** The station's identity as the audit log needs it. */
export interface StationIdentity {
  fingerprint: string;
  publicKey: KeyObject;
}

/** Where the audit log gets the station's keys; the station service provides it. */
export interface AuditSigner {
  /** This station's public identity; null while no station exists (nothing to sign with yet). */
  identity(): StationIdentity | null;
  /** The private key; throws SECRET_UNAVAILABLE / SECRET_KEY_EXPOSED when it cannot be opened. */
  privateKey(): KeyObject;
}

/** Signs a head with the station key. */
export function signHead(head: Omit<AuditHead, 'format'>, privateKey: KeyObject): DsseEnvelope {
  const payload = canonicalJson({ format: 1, station: head.station, seq: head.seq, hash: head.hash, at: head.at });
  return signEnvelope(AUDIT_HEAD_PAYLOAD_TYPE, Buffer.from(payload, 'utf8'), privateKey, head.station);
}

/** Parses stored or received envelope JSON; null when it is not one. */
export function parseHeadEnvelope(value: unknown): DsseEnvelope | null {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = DsseEnvelopeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * The head inside `envelope` if `signer` signed it; otherwise a FerryError: SIGNATURE_INVALID for a
 * wrong signature or signer, MANIFEST_MALFORMED for a payload that is not a head.
 */
export function openSignedHead(envelope: DsseEnvelope, signer: StationIdentity): AuditHead {
  if (envelope.payloadType !== AUDIT_HEAD_PAYLOAD_TYPE || !verifyEnvelope(envelope, signer.publicKey, signer.fingerprint)) {
    throw new FerryError('SIGNATURE_INVALID', 'The audit head is not signed by the station it names', { station: signer.fingerprint });
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  } catch {
    throw new FerryError('MANIFEST_MALFORMED', 'The signed audit head is not JSON');
  }
  const head = AuditHeadSchema.safeParse(json);
  if (!head.success) throw new FerryError('MANIFEST_MALFORMED', 'The signed audit head does not match format 1');
  if (head.data.station !== signer.fingerprint) {
    throw new FerryError('SIGNATURE_INVALID', 'The audit head names another station than its signer', { station: signer.fingerprint });
  }
  return head.data;
}

/** The head as `audit_head` stores it. */
export interface StoredHead {
  seq: number;
  hash: string;
  signed: string | null;
}

/**
 * Why a chain that recomputes correctly still does not match its signed head; null when it does.
 * Once a station exists every head Ferry stores is signed: a log from before signed heads is signed
 * in the very transaction that upgrades it (services.ts). So an unsigned head, whatever the row's
 * other columns say, was written without the key.
 */
export function anchorProblem(
  stored: StoredHead | undefined,
  chain: { seq: number; hash: string; at: string | null },
  identity: StationIdentity,
): { brokenAt: number; reason: string } | null {
  const next = chain.seq + 1;
  if (!stored) return { brokenAt: next, reason: 'the log has no signed head although this station exists: entries were removed' };
  if (!stored.signed) {
    return { brokenAt: next, reason: 'the head is not signed although this station exists: it was changed without the station key (Ferry signs every head; a log from before signed heads is signed when Ferry upgrades it)' };
  }
  const envelope = parseHeadEnvelope(stored.signed);
  let signed: AuditHead;
  try {
    if (!envelope) throw new Error('unreadable');
    signed = openSignedHead(envelope, identity);
  } catch {
    return { brokenAt: next, reason: 'the head’s signature does not verify with this station’s key' };
  }
  if (signed.seq > chain.seq) {
    return { brokenAt: next, reason: `entries ${next} to ${signed.seq} are missing: the signed head names entry ${signed.seq}` };
  }
  if (signed.seq < chain.seq) {
    return { brokenAt: signed.seq + 1, reason: `entries after ${signed.seq} were added without the station key` };
  }
  if (signed.hash !== chain.hash || signed.at !== chain.at) {
    return { brokenAt: chain.seq, reason: `entry ${chain.seq} differs from the signed head: the log was rewritten` };
  }
  return null;
}
