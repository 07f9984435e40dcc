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
  {
    version: 3,
    name: 'transfer',
    sql: `
      -- The appliances this station looks after (restricted side). topology follows from the role
      -- unless set: standalone → single, primary/backup → failover, master/traffic → atlas.
      CREATE TABLE appliances (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE,
        hostname        TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('standalone', 'primary', 'backup', 'master', 'traffic')),
        region          TEXT,
        topology        TEXT NOT NULL CHECK (topology IN ('single', 'failover', 'atlas')),
        base            TEXT NOT NULL,
        site_version    TEXT NOT NULL,
        serial          TEXT,
        stored_data_gib REAL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      -- The appliance download key, sealed like the station key; the clocks compared when it was captured.
      CREATE TABLE download_keys (
        appliance_id   TEXT PRIMARY KEY REFERENCES appliances (id) ON DELETE CASCADE,
        key_sealed     BLOB NOT NULL,
        protection     TEXT NOT NULL CHECK (protection IN ('safeStorage', 'file-key')),
        captured_at    TEXT NOT NULL,
        appliance_time TEXT,
        drift_seconds  INTEGER
      ) STRICT;

      -- Requests this station wrote: a bundle must answer one of them (REQUEST_MISMATCH otherwise).
      CREATE TABLE requests (
        id          TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL,
        site        TEXT NOT NULL,
        target      TEXT NOT NULL,
        appliances  TEXT NOT NULL,
        file_name   TEXT NOT NULL
      ) STRICT;

      -- Verified package files in vault/sha256/ab/<sha256>, with where they came from.
      CREATE TABLE vault_packages (
        sha256        TEXT PRIMARY KEY,
        size          INTEGER NOT NULL,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        version       TEXT NOT NULL,
        requires      TEXT NOT NULL,
        upgrades_from TEXT,
        file_name     TEXT NOT NULL,
        vendor_sha256 TEXT,
        bundle_id     TEXT NOT NULL,
        request_id    TEXT NOT NULL,
        signer        TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        verified_at   TEXT NOT NULL
      ) STRICT;

      -- Bundles imported here; the highest sequence per signer guards against rollback.
      CREATE TABLE bundles_accepted (
        id              TEXT PRIMARY KEY,
        signer          TEXT NOT NULL,
        sequence        INTEGER NOT NULL,
        request_id      TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        imported_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bundles_accepted_signer ON bundles_accepted (signer, sequence);

      -- Bundles this station wrote (connected side); their sequence only ever grows.
      CREATE TABLE bundles_written (
        id          TEXT PRIMARY KEY,
        sequence    INTEGER NOT NULL UNIQUE,
        request_id  TEXT NOT NULL,
        requester   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        dir         TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'runbook-runs',
    sql: `
      -- A run of a runbook: the procedure made concrete (its steps as instantiated, kept as they were
      -- when the run began, so a later Ferry's definitions never change a run under way).
      CREATE TABLE runbook_runs (
        id          TEXT PRIMARY KEY,
        procedure   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        appliances  TEXT NOT NULL,
        steps       TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('open', 'done'))
      ) STRICT;

      -- What happened to each step: done (with its evidence) or skipped (with the reason).
      CREATE TABLE runbook_step_states (
        run_id   TEXT NOT NULL REFERENCES runbook_runs (id) ON DELETE CASCADE,
        step_id  TEXT NOT NULL,
        state    TEXT NOT NULL CHECK (state IN ('done', 'skipped')),
        at       TEXT NOT NULL,
        evidence TEXT NOT NULL,
        note     TEXT NOT NULL,
        PRIMARY KEY (run_id, step_id)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'runbook-options-evidence-files',
    sql: `
      -- What a run was started with beyond its steps: the plan's packages, the way to make B primary,
      -- a configured wait, the maintenance windows, who started it (JSON).
      ALTER TABLE runbook_runs ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
      -- Who completed or skipped a step (the account on this computer).
      ALTER TABLE runbook_step_states ADD COLUMN done_by TEXT NOT NULL DEFAULT '';

      -- Files kept as evidence of a runbook step (the settings backup .nsb, an exported certificate),
      -- hashed while copied into vault/sha256/ab/<sha256> like the packages, but not packages: no
      -- signer, no bundle.
      CREATE TABLE vault_evidence (
        sha256      TEXT PRIMARY KEY,
        size        INTEGER NOT NULL,
        file_name   TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'appliance-links',
    sql: `
      -- The optional read-only link to an appliance's documented APIs: its /login origin, the API
      -- account's client id, the secret sealed like the download key, and the SHA-256 of the TLS
      -- certificate the person confirmed (pinned on first use, like ssh).
      CREATE TABLE appliance_links (
        appliance_id   TEXT PRIMARY KEY REFERENCES appliances (id) ON DELETE CASCADE,
        origin         TEXT NOT NULL,
        client_id      TEXT NOT NULL,
        secret_sealed  BLOB NOT NULL,
        protection     TEXT NOT NULL,
        pin_sha256     TEXT NOT NULL,
        linked_at      TEXT NOT NULL
      ) STRICT;

      -- What the link read, with the time it was read: evidence for runbook steps (JSON).
      CREATE TABLE appliance_readings (
        id            TEXT PRIMARY KEY,
        appliance_id  TEXT NOT NULL REFERENCES appliances (id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('status')),
        at            TEXT NOT NULL,
        reading       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appliance_readings_by_appliance ON appliance_readings (appliance_id, at);
    `,
  },
  {
    version: 7,
    name: 'appliance-link-identity',
    sql: `
      -- The appliance's own ID (check_health's <appliance id>) as it answered when it was linked: a
      -- failover pair may share an address and a certificate, so the pin alone does not tell them apart.
      ALTER TABLE appliance_links ADD COLUMN appliance_guid TEXT;
    `,
  },
];
