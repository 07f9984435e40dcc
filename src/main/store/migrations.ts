/**
 * Versioned schema migrations, applied in order inside one transaction each. Append new versions at
 * the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema that introduced signed audit heads. The process that upgrades a database to it signs
 * the existing log's head in the same transaction (services.ts); the `legacy` column it adds is
 * informational only: verification treats every unsigned head of an existing station as broken.
 */
export const SIGNED_HEADS_SCHEMA = 2;

/** Every migration Ferry knows, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE station (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        name               TEXT NOT NULL,
        public_key         BLOB NOT NULL,
        private_key_sealed BLOB NOT NULL,
        protection         TEXT NOT NULL CHECK (protection IN ('safeStorage', 'file-key')),
        created_at         TEXT NOT NULL
      ) STRICT;

      CREATE TABLE trusted_stations (
        fingerprint TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        public_key  BLOB NOT NULL,
        source      TEXT NOT NULL,
        trusted_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL UNIQUE
      ) STRICT;

      -- The chain head, written in the same transaction as each entry, so that a removed tail shows.
      CREATE TABLE audit_head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'signed-head-and-witnesses',
    sql: `
      -- The head signed with the station key at every append (a DSSE envelope as JSON); NULL while no
      -- station exists. legacy = 1 marks a head written before heads were signed: the process that
      -- applies this migration signs it at once, with an audit.anchored entry (SIGNED_HEADS_SCHEMA).
      ALTER TABLE audit_head ADD COLUMN signed TEXT;
      ALTER TABLE audit_head ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0;
      UPDATE audit_head SET legacy = 1;

      -- Heads of other stations' logs, as their requests and bundles carried them (signed by them).
      CREATE TABLE witnessed_heads (
        station     TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        hash        TEXT NOT NULL,
        at          TEXT NOT NULL,
        signed      TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        source      TEXT NOT NULL,
        PRIMARY KEY (station, seq, hash)
      ) STRICT;
    `,
  },
];
