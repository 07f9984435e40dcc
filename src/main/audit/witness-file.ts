/**
 * Witness files (`ferry audit witnesses --out FILE`): the heads this station recorded of other
 * stations' logs, in a DSSE envelope signed by this station. `audit verify --witness FILE` on another
 * station checks the file's signer is trusted and every head recorded for that station against its chain.
 */
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { FerryError } from '../../shared/errors.ts';
import { escapeForTerminal } from '../../shared/names.ts';
import { AUDIT_WITNESSES_PAYLOAD_TYPE, WitnessFileSchema, type WitnessFile } from '../../shared/formats.ts';
import { parseEnvelope, signEnvelope, verifyEnvelope } from '../crypto/dsse.ts';
import { openSignedHead, type StationIdentity } from './audit-head.ts';
import type { WitnessStore } from './witnesses.ts';

/** What a witness check found, for `--json` (additive fields of `audit verify`). */
export interface WitnessReport {
  /** The station that recorded the heads (it signed the file). */
  station: { name: string; fingerprint: string };
  writtenAt: string;
  /** Heads of this station in the file, all compared with the chain. */
  heads: number;
  /** The head with the highest sequence number found, or null. */
  latestSeq: number | null;
}

/** Writes the witness file text: every recorded head, signed by this station. */
export function buildWitnessFile(store: WitnessStore, self: { name: string; fingerprint: string }, privateKey: KeyObject, now: Date = new Date()): { text: string; count: number } {
  const payload: WitnessFile = { format: 1, station: self, writtenAt: now.toISOString(), heads: store.list() };
  const envelope = signEnvelope(AUDIT_WITNESSES_PAYLOAD_TYPE, Buffer.from(canonicalJson(payload), 'utf8'), privateKey, self.fingerprint);
  return { text: JSON.stringify(envelope, null, 2) + '\n', count: payload.heads.length };
}

/** What the check needs to know about this station. */
export interface WitnessContext {
  own: StationIdentity;
  /** A trusted station's public key by fingerprint; null when not trusted. */
  trustedKey(fingerprint: string): KeyObject | null;
  /** The hash of entry `seq` of this station's chain; null when there is none. */
  entryHash(seq: number): string | null;
}

/**
 * Checks a witness file: SIGNER_UNTRUSTED / SIGNATURE_INVALID / MANIFEST_MALFORMED for the file
 * itself; otherwise the report and the first head this chain contradicts (or null).
 */
export function checkWitnessFile(text: string, ctx: WitnessContext): { report: WitnessReport; problem: { brokenAt: number; reason: string } | null } {
  const { envelope, payload } = parseEnvelope(text, AUDIT_WITNESSES_PAYLOAD_TYPE);
  const keyids = envelope.signatures.map((s) => s.keyid);
  // The first signer this station trusts, with its key (looked up once).
  const trusted = keyids.map((id) => ({ id, key: ctx.trustedKey(id) })).find((k) => k.key !== null);
  if (trusted === undefined) {
    throw new FerryError('SIGNER_UNTRUSTED', 'The witness file is not signed by a station this one trusts', { keyids: keyids.slice(0, 5) });
  }
  const signer = trusted.id;
  if (!verifyEnvelope(envelope, trusted.key!, signer)) throw new FerryError('SIGNATURE_INVALID', 'The witness file’s signature does not verify', { signer });
  let file: WitnessFile;
  try {
    file = WitnessFileSchema.parse(JSON.parse(payload.toString('utf8')));
  } catch {
    throw new FerryError('MANIFEST_MALFORMED', 'The witness file does not match format 1');
  }
  if (file.station.fingerprint !== signer) throw new FerryError('SIGNATURE_INVALID', 'The witness file names another station than its signer', { signer });
  const mine = file.heads.filter((h) => h.station === ctx.own.fingerprint).sort((a, b) => a.seq - b.seq);
  let problem: { brokenAt: number; reason: string } | null = null;
  for (const head of mine) {
    const signed = openSignedHead(head.signed, ctx.own);
    if (signed.seq !== head.seq || signed.hash !== head.hash || signed.at !== head.at) {
      throw new FerryError('SIGNATURE_INVALID', `The witness file’s head ${head.seq} differs from the head this station signed`, { seq: head.seq });
    }
    const actual = ctx.entryHash(head.seq);
    const by = `${escapeForTerminal(file.station.name)} recorded on ${escapeForTerminal(head.recordedAt)} (${escapeForTerminal(head.source)})`;
    if (actual === null) problem ??= { brokenAt: head.seq, reason: `entry ${head.seq} is missing, but ${by} saw it` };
    else if (actual !== head.hash) problem ??= { brokenAt: head.seq, reason: `entry ${head.seq} differs from the head ${by}: the log was rewritten` };
  }
  const latestSeq = mine.reduce<number | null>((max, h) => (max === null || h.seq > max ? h.seq : max), null);
  return { report: { station: file.station, writtenAt: file.writtenAt, heads: mine.length, latestSeq }, problem };
}
