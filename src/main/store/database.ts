/**
 * Opens Ferry's SQLite database (`ferry.db` in the data directory) through the built-in `node:sqlite`,
 * in WAL mode, and brings its schema up to date. Several Ferry processes (the app, CLI calls) may open
 * it at once: every connection waits for a lock up to its busy timeout, set before anything else.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FerryError } from '../../shared/errors.ts';
import { prepareDataDir, restrictDatabaseFiles } from '../data-dir.ts';
import { createDatabaseFile, existingDatabaseFile } from './create-database.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { checkSchema } from './schema-check.ts';
import { DEFAULT_BUSY_TIMEOUT_MS, storeError } from './store-errors.ts';

/** The database handle services share. */
export type Database = DatabaseSync;

/** The database file's name inside the data directory. */
export const DATABASE_FILE = 'ferry.db';

/** How to open the data directory. */
export interface OpenOptions {
  /** Create a missing data directory and database (first run, `station init`); otherwise refuse. */
  create?: boolean;
  /** How long to wait for another process's lock before DATA_DIR_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  /**
   * Runs inside the transaction of each migration this process applies, after its SQL: work that
   * must happen exactly once, with the upgrade (services.ts signs a schema-1 log's head there).
   * If it throws, that migration is rolled back and the open fails with its error.
   */
  onMigrated?: MigrationHook;
}

/** See `OpenOptions.onMigrated`; gets the connection being migrated. */
export type MigrationHook = (db: Database, version: number) => void;

/** Opens the database in `dataDir` (creating it only if `create`) and applies pending migrations. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Database {
  const create = options.create ?? false;
  const migrations = options.migrations ?? MIGRATIONS;
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const file = join(dataDir, DATABASE_FILE);
  prepareDataDir(dataDir, create);
  let db: DatabaseSync;
  try {
    if (!existingDatabaseFile(file, create)) {
      createDatabaseFile(file, (fresh) => {
        configure(fresh, timeout, null);
        migrate(fresh, migrations, options.onMigrated);
      });
    }
    db = new DatabaseSync(file);
  } catch (error) {
    const mapped = storeError(error);
    if (mapped instanceof FerryError) throw mapped;
    throw new FerryError('DATA_DIR_UNUSABLE', `Cannot open ${file}: ${(error as Error).message}`, { dataDir });
  }
  try {
    configure(db, timeout, file);
    // Checked before migrating too: a migration or its hook must not be the first to hit a missing
    // table. (A newer Ferry's schema is left to migrate(), which refuses it as such.)
    const found = schemaVersion(db);
    if (found <= (migrations.at(-1)?.version ?? 0)) checkSchema(db, migrations, found, file);
    const now = migrate(db, migrations, options.onMigrated);
    // Nothing applied: the schema just checked is the one in use.
    if (now !== found) checkSchema(db, migrations, now, file);
    restrictDatabaseFiles(file);
  } catch (error) {
    db.close();
    const mapped = storeError(error);
    if (mapped instanceof FerryError) throw mapped;
    // A damaged or foreign file: say so, and leave it untouched for the person to inspect or restore.
    throw new FerryError('DATA_DIR_UNUSABLE', `${file} is not a usable Ferry database: ${(error as Error).message}`, { dataDir });
  }
  return db;
}

/**
 * Busy timeout first (every later statement may need a lock), then WAL and the other settings. An
 * existing file must already be Ferry's: checked before anything is written to it.
 */
function configure(db: Database, timeoutMs: number, existing: string | null): void {
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(timeoutMs))}`);
  // Reading the catalogue fails on a file that is not SQLite at all.
  if (existing !== null && !hasMigrationsTable(db)) {
    throw new FerryError('DATA_DIR_UNUSABLE', `${existing} holds no Ferry database (another program’s, or one whose creation never finished). Move it aside; "ferry station init" then starts afresh.`, { file: existing, reason: 'foreign' });
  }
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
}

function hasMigrationsTable(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

/** The recorded schema version; 0 for a database without Ferry's bookkeeping table. */
function schemaVersion(db: Database): number {
  if (!hasMigrationsTable(db)) return 0;
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}

function refuseNewer(current: number, newest: number): FerryError {
  return new FerryError('DATA_DIR_UNUSABLE', `The database was written by a newer Ferry (schema ${current}, this one knows ${newest}).`, { schema: current, known: newest });
}

/**
 * Applies every migration newer than the recorded schema version, each in its own immediate
 * transaction that re-reads the version under the write lock: a process that opened the database at
 * the same moment may have applied it already.
 */
export function migrate(db: Database, migrations: readonly Migration[], onMigrated?: MigrationHook): number {
  const newest = migrations.at(-1)?.version ?? 0;
  let current = schemaVersion(db);
  if (current > newest) throw refuseNewer(current, newest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    current = transaction(db, () => {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
      const now = schemaVersion(db);
      if (now > newest) throw refuseNewer(now, newest);
      if (m.version <= now) return now;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      onMigrated?.(db, m.version);
      return m.version;
    });
  }
  return current;
}

/**
 * Runs `fn` in an immediate transaction: committed if it returns, rolled back if it throws. A write
 * lock that another process holds beyond the busy timeout is DATA_DIR_BUSY.
 */
export function transaction<T>(db: Database, fn: () => T): T {
  return inTransaction(db, 'BEGIN IMMEDIATE', fn);
}

/**
 * Runs `fn` on one consistent read snapshot: a deferred transaction, which in WAL mode sees the
 * database as it was at its first read, whatever other processes commit meanwhile. Reads that must
 * agree with each other (the audit entries, their head and the station key) go through here.
 */
export function readSnapshot<T>(db: Database, fn: () => T): T {
  return inTransaction(db, 'BEGIN DEFERRED', fn);
}

/** Joins an open transaction, else opens one with `begin` and ends it. */
function inTransaction<T>(db: Database, begin: string, fn: () => T): T {
  if (db.isTransaction) return fn();
  try {
    db.exec(begin);
  } catch (error) {
    throw storeError(error);
  }
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back (e.g. a full disk); a second ROLLBACK would hide the cause.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw storeError(error);
  }
}
