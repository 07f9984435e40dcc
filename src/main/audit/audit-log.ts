/**
 * The append-only, hash-chained audit log (DESIGN: Storage). Each entry stores the previous entry's
 * hash, and `hash = sha256(prevHash || canonical JSON of the entry)`. Callers append inside the same
 * transaction as the change they record, so a change without its entry cannot be committed. Once the
 * station exists, each append also stores the new head signed with the station key (audit-head.ts).
 */
import { canonicalJson } from '../../shared/canonical-json.ts';
import type { AuditEntry, AuditPage, AuditQuery } from '../../shared/contract.ts';
import type { DsseEnvelope } from '../../shared/formats.ts';
import { readSnapshot, transaction, type Database } from '../store/database.ts';
import { parseHeadEnvelope, signHead, type AuditSigner, type StoredHead } from './audit-head.ts';
import { verifyChain, type ChainVerification } from './audit-verify.ts';
import { entryHash, GENESIS_HASH, type AuditRow as Row } from './chain-hash.ts';

export { entryHash, GENESIS_HASH } from './chain-hash.ts';

/** What a service says about a change. */
export interface AuditRecord {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/** The audit log of one database. */
export class AuditLog {
  private readonly db: Database;
  private readonly now: () => Date;
  private readonly signer: AuditSigner | null;

  /** `signer` gives the station key for signed heads; without one (tests) heads stay unsigned. */
  constructor(db: Database, now: () => Date = () => new Date(), signer: AuditSigner | null = null) {
    this.db = db;
    this.now = now;
    this.signer = signer;
  }

  private storedHead(): StoredHead | undefined {
    return this.db.prepare('SELECT seq, hash, signed FROM audit_head WHERE id = 1').get() as StoredHead | undefined;
  }

  /**
   * Appends one entry and its signed head; joins the caller's transaction if one is open. Fails (and
   * so does the caller's change) when a station exists but its key cannot be opened here.
   */
  append(record: AuditRecord): AuditEntry {
    return transaction(this.db, () => {
      const head = this.storedHead();
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? GENESIS_HASH;
      const base = { seq, at: this.now().toISOString(), actor: record.actor, action: record.action, subject: record.subject, details: record.details ?? {} };
      const hash = entryHash(prevHash, base);
      const identity = this.signer?.identity() ?? null;
      const signed = identity && JSON.stringify(signHead({ station: identity.fingerprint, seq, hash, at: base.at }, this.signer!.privateKey()));
      this.db.prepare('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(seq, base.at, base.actor, base.action, base.subject, canonicalJson(base.details), prevHash, hash);
      // `legacy` (schema 2) is written for readers of the row only; verification never trusts it.
      this.db.prepare(`INSERT INTO audit_head (id, seq, hash, signed, legacy) VALUES (1, ?, ?, ?, 0)
                       ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signed = excluded.signed, legacy = 0`)
        .run(seq, hash, signed);
      return { ...base, prevHash, hash };
    });
  }

  /** The current signed head, for requests and bundle manifests to carry; null before the station exists. */
  signedHead(): DsseEnvelope | null {
    return parseHeadEnvelope(this.storedHead()?.signed ?? null);
  }

  /**
   * Signs the head of a log written before heads were signed (schema 1) by appending a visible
   * `audit.anchored` entry. Only for the transaction that upgrades the database to schema 2
   * (services.ts): that is the one moment an unsigned head is Ferry's own. Null when no station
   * exists yet (its creation signs the first head); throws when the station key cannot be opened.
   */
  anchorAtUpgrade(schema: number): AuditEntry | null {
    const identity = this.signer?.identity() ?? null;
    if (!identity) return null;
    const head = this.storedHead();
    return this.append({ actor: 'station', action: 'audit.anchored', subject: identity.fingerprint, details: { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH, schema } });
  }

  /** Runs `fn` on one read snapshot of the database, so that what it reads agrees (export, witness check). */
  snapshot<T>(fn: () => T): T {
    return readSnapshot(this.db, fn);
  }

  /** A page of entries, newest first, filtered by action and time span, with the counts. */
  list(query: Partial<AuditQuery> = {}): AuditPage {
    const where: string[] = [];
    const params: string[] = [];
    if (query.action !== undefined) { where.push('action = ?'); params.push(query.action); }
    // Entries store `at` as ISO-8601 UTC, so comparing the normalised strings compares times.
    if (query.from !== undefined) { where.push('at >= ?'); params.push(new Date(query.from).toISOString()); }
    if (query.to !== undefined) { where.push('at < ?'); params.push(new Date(query.to).toISOString()); }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db.prepare(`SELECT * FROM audit_log ${filter} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? 100, query.offset ?? 0) as unknown as Row[];
    const matching = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${filter}`).get(...params) as { n: number }).n;
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    return { entries: rows.map(toEntry), matching, total };
  }

  /** The actions that occur in the log, for a filter. */
  actions(): string[] {
    return (this.db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => r.action);
  }

  /** How many entries are about `subject` (a run, a bundle …). */
  countFor(subject: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE subject = ?').get(subject) as { n: number }).n;
  }

  /** The stored hash of entry `seq`, or null when there is none. */
  hashAt(seq: number): string | null {
    return (this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
  }

  /** All entries, oldest first, as stored (for export). */
  *all(): Generator<AuditEntry> {
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq ASC').iterate() as Iterable<Row>) {
      yield toEntry(row);
    }
  }

  /**
   * Recomputes the whole chain and checks it against the stored head, the head's signature and the
   * station key (audit-verify.ts), all on one read snapshot: another process appending meanwhile
   * cannot make an intact log look cut. Reports the first entry that does not hold.
   */
  verify(): ChainVerification {
    return readSnapshot(this.db, () => verifyChain(this.db, this.signer, this.now().toISOString()));
  }
}

function toEntry(row: Row): AuditEntry {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    details = { unreadable: row.details };
  }
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash, hash: row.hash };
}
