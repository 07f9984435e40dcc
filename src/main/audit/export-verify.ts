/**
 * Verifies an audit export (audit-export.ts: entry lines, then a signature line) without any data
 * directory, only the exporting station's public key: the signature by that key, the chain recomputed
 * from the first entry, and the count, head and entries digest the signature covers. A file that is
 * not an export at all is AUDIT_EXPORT_MALFORMED ("choose the right file"); AUDIT_CHAIN_BROKEN
 * ("preserve the database, report the incident") is kept for an export that no longer holds.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { AuditEntrySchema, type AuditEntry } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';
import { DsseEnvelopeSchema } from '../../shared/formats.ts';
import { verifyEnvelope } from '../crypto/dsse.ts';
import { fingerprintOf, publicKeyFromRaw, rawPublicKeyFromPem } from '../crypto/ed25519.ts';
import { AUDIT_EXPORT_PAYLOAD_TYPE } from './audit-export.ts';
import { entryHash, GENESIS_HASH } from './chain-hash.ts';

const PayloadSchema = z.object({
  format: z.literal(1),
  station: z.object({ name: z.string(), fingerprint: z.string() }),
  exportedAt: z.string(),
  count: z.number().int().nonnegative(),
  headHash: z.string(),
  verified: z.boolean(),
  entriesSha256: z.string(),
});

/** What a verified export says. */
export interface ExportVerification {
  ok: true;
  count: number;
  headHash: string;
  station: { name: string; fingerprint: string };
  exportedAt: string;
}

const broken = (message: string, details: Record<string, unknown> = {}) => new FerryError('AUDIT_CHAIN_BROKEN', message, details);

function parseLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw broken(`Line ${n} is not JSON`, { line: n });
  }
}

/** Whether `text` starts as an export does: a whole JSON line of type "entry" or "signature". */
function looksLikeExport(text: string): boolean {
  const end = text.indexOf('\n');
  let first: unknown;
  try {
    first = JSON.parse(end === -1 ? text : text.slice(0, end));
  } catch {
    return false;
  }
  const type = typeof first === 'object' && first !== null ? (first as { type?: unknown }).type : undefined;
  return type === 'entry' || type === 'signature';
}

/** Checks `text` (the export) against `pemText` (the station's public key as PEM). */
export function verifyAuditExport(text: string, pemText: string): ExportVerification {
  const raw = rawPublicKeyFromPem(pemText);
  const fingerprint = fingerprintOf(raw);
  if (!looksLikeExport(text)) {
    throw new FerryError('AUDIT_EXPORT_MALFORMED', 'This file is not an audit export: its first line is not an entry or signature line as "ferry audit export" writes them');
  }
  if (!text.endsWith('\n')) throw broken('The export does not end with a complete line: it was cut short');
  const lines = text.slice(0, -1).split('\n');
  const trailer = z.object({ type: z.literal('signature'), envelope: DsseEnvelopeSchema }).safeParse(parseLine(lines.pop()!, lines.length + 1));
  if (!trailer.success) throw new FerryError('SIGNATURE_INVALID', 'The export has no signature line at its end');
  const envelope = trailer.data.envelope;
  if (envelope.payloadType !== AUDIT_EXPORT_PAYLOAD_TYPE || !verifyEnvelope(envelope, publicKeyFromRaw(raw), fingerprint)) {
    throw new FerryError('SIGNATURE_INVALID', 'The export is not signed by the station whose key was given', { fingerprint });
  }
  const payload = PayloadSchema.safeParse(parseLine(Buffer.from(envelope.payload, 'base64').toString('utf8'), lines.length + 1));
  if (!payload.success || payload.data.station.fingerprint !== fingerprint) throw new FerryError('MANIFEST_MALFORMED', 'The signed export summary does not match format 1');
  const signed = payload.data;

  const digest = createHash('sha256');
  let prevHash = GENESIS_HASH;
  lines.forEach((line, i) => {
    digest.update(line + '\n', 'utf8');
    const parsed = AuditEntrySchema.extend({ type: z.literal('entry') }).strict().safeParse(parseLine(line, i + 1));
    if (!parsed.success) throw broken(`Line ${i + 1} is not an audit entry`, { line: i + 1 });
    const { type: _type, ...entry } = parsed.data;
    checkEntry(entry, i + 1, prevHash, line);
    prevHash = entry.hash;
  });
  if (digest.digest('hex') !== signed.entriesSha256 || lines.length !== signed.count || prevHash !== signed.headHash) {
    throw broken('The entries differ from those the station signed (lines added, removed or changed)', { count: lines.length, signedCount: signed.count });
  }
  if (!signed.verified) throw broken('The station reported its own chain broken when it wrote this export');
  return { ok: true, count: signed.count, headHash: signed.headHash, station: signed.station, exportedAt: signed.exportedAt };
}

function checkEntry(entry: AuditEntry, expectedSeq: number, prevHash: string, line: string): void {
  if (entry.seq !== expectedSeq) throw broken(`Entry ${expectedSeq} is missing (line ${expectedSeq} holds entry ${entry.seq})`, { brokenAt: expectedSeq });
  if (entry.prevHash !== prevHash) throw broken(`Entry ${entry.seq}: prevHash does not match the previous entry`, { brokenAt: entry.seq });
  if (entryHash(prevHash, entry) !== entry.hash || canonicalJson({ type: 'entry', ...entry }) !== line) {
    throw broken(`Entry ${entry.seq}: content does not match its hash`, { brokenAt: entry.seq });
  }
}
