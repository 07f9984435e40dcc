/**
 * Versioned schema migrations, applied in order inside one transaction each. Append new versions at
 * the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
