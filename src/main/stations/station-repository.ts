/** SQL for stations: this station's row and the stations it trusts. Services own the rules. */
import type { Database } from '../store/database.ts';

/** This station as stored. */
export interface StationRow {
  name: string;
  publicKey: Buffer;
  privateKeySealed: Buffer;
  protection: 'safeStorage' | 'file-key';
  createdAt: string;
}

/** A trusted station as stored. */
export interface TrustedRow {
  fingerprint: string;
  name: string;
  publicKey: Buffer;
  source: 'pem' | 'request' | 'manifest';
  trustedAt: string;
}

/** Reads and writes the `station` and `trusted_stations` tables. */
export class StationRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(): StationRow | undefined {
    const row = this.db.prepare('SELECT name, public_key, private_key_sealed, protection, created_at FROM station WHERE id = 1').get() as
      { name: string; public_key: Uint8Array; private_key_sealed: Uint8Array; protection: StationRow['protection']; created_at: string } | undefined;
    return row && {
      name: row.name, publicKey: Buffer.from(row.public_key), privateKeySealed: Buffer.from(row.private_key_sealed),
      protection: row.protection, createdAt: row.created_at,
    };
  }

  insert(row: StationRow): void {
    this.db.prepare('INSERT INTO station (id, name, public_key, private_key_sealed, protection, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(row.name, row.publicKey, row.privateKeySealed, row.protection, row.createdAt);
  }

  rename(name: string): void {
    this.db.prepare('UPDATE station SET name = ? WHERE id = 1').run(name);
  }

  upsertTrusted(row: TrustedRow): void {
    this.db.prepare(`INSERT INTO trusted_stations (fingerprint, name, public_key, source, trusted_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name, source = excluded.source, trusted_at = excluded.trusted_at`)
      .run(row.fingerprint, row.name, row.publicKey, row.source, row.trustedAt);
  }

  getTrusted(fingerprint: string): TrustedRow | undefined {
    const row = this.db.prepare('SELECT fingerprint, name, public_key, source, trusted_at FROM trusted_stations WHERE fingerprint = ?').get(fingerprint) as TrustedSql | undefined;
    return row && toTrusted(row);
  }

  renameTrusted(fingerprint: string, name: string): void {
    this.db.prepare('UPDATE trusted_stations SET name = ? WHERE fingerprint = ?').run(name, fingerprint);
  }

  removeTrusted(fingerprint: string): void {
    this.db.prepare('DELETE FROM trusted_stations WHERE fingerprint = ?').run(fingerprint);
  }

  listTrusted(): TrustedRow[] {
    const rows = this.db.prepare('SELECT fingerprint, name, public_key, source, trusted_at FROM trusted_stations ORDER BY name').all() as unknown as TrustedSql[];
    return rows.map(toTrusted);
  }
}

interface TrustedSql { fingerprint: string; name: string; public_key: Uint8Array; source: TrustedRow['source']; trusted_at: string }

function toTrusted(r: TrustedSql): TrustedRow {
  return { fingerprint: r.fingerprint, name: r.name, publicKey: Buffer.from(r.public_key), source: r.source, trustedAt: r.trusted_at };
}
