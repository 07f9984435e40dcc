/** The audit chain's hash rule, shared by the log, its verification and the check of an export. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import type { AuditEntry } from '../../shared/contract.ts';

/** An entry as the `audit_log` table stores it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** Canonical JSON. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one entry given its predecessor's hash: `sha256(prevHash || canonical JSON of the entry)`. */
export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({ seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, details: entry.details });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
