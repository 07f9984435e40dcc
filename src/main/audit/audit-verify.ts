/**
 * `audit verify`: the chain recomputed from the first entry, compared with the stored head, the
 * head's signature checked with the station's public key, and that public key checked against the
 * sealed private key. The caller runs it on one read snapshot (AuditLog.verify), so an append by
 * another process cannot land between reading the entries and reading the head.
 */
import { canonicalJson } from '../../shared/canonical-json.ts';
import type { AuditVerification } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { anchorProblem, type AuditSigner, type StoredHead } from './audit-head.ts';
import { entryHash, GENESIS_HASH, type AuditRow as Row } from './chain-hash.ts';
import { checkStationKey } from './station-key-check.ts';

/** The verification as `audit verify` reports it: the contract's fields plus the key check. */
export interface ChainVerification extends AuditVerification {
  /** Whether this process opened the station's private key and found that it matches the public key. */
  keyConfirmed: boolean;
  /** Why the key was not confirmed (a keychain key in the CLI); null otherwise. */
  keyNote: string | null;
}

type Problem = { brokenAt: number; reason: string };

/** Walks the chain up to its first problem. */
function walkChain(db: Database): { count: number; headHash: string; lastAt: string | null; problem: Problem | null } {
  let prevHash = GENESIS_HASH;
  let count = 0;
  let lastAt: string | null = null;
  const at = (problem: Problem) => ({ count, headHash: prevHash, lastAt, problem });
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq ASC').iterate() as Iterable<Row>) {
    if (row.seq !== count + 1) return at({ brokenAt: row.seq, reason: `entry ${count + 1} is missing` });
    if (row.prev_hash !== prevHash) return at({ brokenAt: row.seq, reason: 'prevHash does not match the previous entry' });
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(row.details) as Record<string, unknown>;
    } catch {
      return at({ brokenAt: row.seq, reason: 'details are not valid JSON' });
    }
    const hash = entryHash(prevHash, { seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details });
    if (hash !== row.hash || canonicalJson(details) !== row.details) return at({ brokenAt: row.seq, reason: 'entry content does not match its hash' });
    prevHash = row.hash;
    lastAt = row.at;
    count += 1;
  }
  return { count, headHash: prevHash, lastAt, problem: null };
}

/** Without a station there is no key to check the log against: never "intact". */
function stationMissing(db: Database): FerryError {
  const entries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const message = entries === 0
    ? 'No station in this data directory: there is no key to check an audit log against'
    : `No station in this data directory, yet its audit log holds ${entries} entries: without the station’s key they cannot be checked (if a station was set up here, it was removed)`;
  return new FerryError('STATION_MISSING', message, { entries });
}

/**
 * Verifies the log in `db`. With a `signer` (the services), a station must exist (else
 * STATION_MISSING), its head must be signed and its key must match; without one (unit tests of the
 * chain alone) only the chain and the stored head are checked.
 */
export function verifyChain(db: Database, signer: AuditSigner | null, checkedAt: string): ChainVerification {
  const identity = signer?.identity() ?? null;
  if (signer && !identity) throw stationMissing(db);
  const key = identity ? checkStationKey(identity, () => signer!.privateKey()) : null;
  const chain = walkChain(db);
  const head = db.prepare('SELECT seq, hash, signed FROM audit_head WHERE id = 1').get() as StoredHead | undefined;
  const headMoved = (head?.seq ?? 0) !== chain.count || (head?.hash ?? GENESIS_HASH) !== chain.headHash;
  const problem = key?.problem ?? chain.problem
    ?? (headMoved ? { brokenAt: chain.count + 1, reason: 'entries after the last one found are missing' } : null)
    ?? (identity && anchorProblem(head, { seq: chain.count, hash: chain.headHash, at: chain.lastAt }, identity));
  return {
    ok: !problem,
    count: chain.count,
    headHash: chain.headHash,
    brokenAt: problem ? problem.brokenAt : null,
    reason: problem ? problem.reason : null,
    checkedAt,
    anchored: !problem && identity !== null,
    keyConfirmed: key?.confirmed ?? false,
    keyNote: key?.note ?? null,
  };
}
