/**
 * Heads of other stations' audit logs that this station witnessed: every request (and later bundle
 * manifest) carries its signer's signed head, and the receiving station records it. Later, an auditor
 * checks a station's chain against the heads another station recorded (`audit verify --witness`), so
 * rewriting a log unnoticed means rewriting two stations on both sides of the air gap.
 */
import type { DsseEnvelope, WitnessedHead } from '../../shared/formats.ts';
import type { Database } from '../store/database.ts';
import { openSignedHead, parseHeadEnvelope, type StationIdentity } from './audit-head.ts';

interface Row {
  station: string;
  seq: number;
  hash: string;
  at: string;
  signed: string;
  recorded_at: string;
  source: string;
}

/** The `witnessed_heads` table. */
export class WitnessStore {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /**
   * Records the signed head another station sent, after checking that `signer` signed it
   * (SIGNATURE_INVALID / MANIFEST_MALFORMED otherwise). Call it inside the transaction that accepts
   * the request or bundle, with the signer the caller already verified that file against; `source`
   * says which file, e.g. "request <uuid>". Recording the same head twice keeps the first.
   */
  record(signer: StationIdentity, signedHead: DsseEnvelope, source: string): WitnessedHead {
    const head = openSignedHead(signedHead, signer);
    const recordedAt = this.now().toISOString();
    this.db.prepare(`INSERT INTO witnessed_heads (station, seq, hash, at, signed, recorded_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT(station, seq, hash) DO NOTHING`)
      .run(head.station, head.seq, head.hash, head.at, JSON.stringify(signedHead), recordedAt, source);
    return { station: head.station, seq: head.seq, hash: head.hash, at: head.at, recordedAt, source, signed: signedHead };
  }

  /** Every recorded head, by station and sequence number. */
  list(): WitnessedHead[] {
    const rows = this.db.prepare('SELECT * FROM witnessed_heads ORDER BY station, seq, recorded_at').all() as unknown as Row[];
    return rows.flatMap((r) => {
      const signed = parseHeadEnvelope(r.signed);
      return signed ? [{ station: r.station, seq: r.seq, hash: r.hash, at: r.at, recordedAt: r.recorded_at, source: r.source, signed }] : [];
    });
  }
}
