/**
 * Opens Ferry's SQLite database (`ferry.db` in the data directory) through the built-in `node:sqlite`,
 * in WAL mode, and brings its schema up to date.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FerryError } from '../../shared/errors.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** The database handle services share. */
export type Database = DatabaseSync;

/** Opens (creating if needed) the database in `dataDir` and applies pending migrations. */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Database {
  let db: DatabaseSync;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new DatabaseSync(join(dataDir, 'ferry.db'));
  } catch (error) {
    throw new FerryError('DATA_DIR_UNUSABLE', `Cannot open the database in ${dataDir}: ${(error as Error).message}`, { dataDir });
  }
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof FerryError) throw error;
    // A damaged or foreign file: say so, and leave it untouched for the person to inspect or restore.
    throw new FerryError('DATA_DIR_UNUSABLE', `${join(dataDir, 'ferry.db')} is not a usable Ferry database: ${(error as Error).message}`, { dataDir });
  }
  return db;
}

/** Applies every migration newer than the recorded schema version, each in its own transaction. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  let current = row.v;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new FerryError('DATA_DIR_UNUSABLE', `The database was written by a newer Ferry (schema ${current}, this one knows ${newest}).`, { schema: current, known: newest });
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    });
    current = m.version;
  }
  return current;
}

/** Runs `fn` in an immediate transaction: committed if it returns, rolled back if it throws. */
export function transaction<T>(db: Database, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
