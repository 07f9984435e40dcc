/**
 * The database file's life before it is opened: whether an existing `ferry.db` may be used, and the
 * creation of a new one. A new database is built completely (schema, WAL) under a private temp name
 * and published in one step, so `ferry.db` is never half-made: a zero-byte or unreadable `ferry.db`
 * is always damage, never "someone is creating it right now".
 */
import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { FerryError } from '../../shared/errors.ts';
import { createPrivateTemp, publishExclusive, removeStaleTemps, removeTemp } from './exclusive-file.ts';

/** How to recover from a lost or damaged database, for every message that reports one. */
export const START_AFRESH = 'Restore it from a backup, or move the data directory aside and run "ferry station init" to start afresh (a new station with a new key).';

/**
 * Whether `file` exists and may be opened. Missing: false when `create` allows making it, else
 * DATA_DIR_UNUSABLE. Zero bytes or not a file: DATA_DIR_UNUSABLE, whatever `create` says.
 */
export function existingDatabaseFile(file: string, create: boolean): boolean {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new FerryError('DATA_DIR_UNUSABLE', `${file} is not a file`, { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof FerryError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new FerryError('DATA_DIR_UNUSABLE', `Cannot read ${file}: ${(error as Error).message}`, { file });
    }
    if (create) return false;
    throw new FerryError('DATA_DIR_UNUSABLE', `There is no Ferry database in this data directory (${file} is missing). Set up a station with "ferry station init --name …", or pass the right --data-dir.`, { file, reason: 'missing' });
  }
  if (size === 0) {
    throw new FerryError('DATA_DIR_UNUSABLE', `${file} is empty (0 bytes): the database was lost or truncated. ${START_AFRESH}`, { file, reason: 'empty' });
  }
  return true;
}

/**
 * Creates `file` with `init` (which configures and migrates it) unless another process publishes
 * one first; then theirs is used. Temp files of killed earlier attempts are removed.
 */
export function createDatabaseFile(file: string, init: (db: DatabaseSync) => void): void {
  removeStaleTemps(file);
  let tmp: string;
  try {
    tmp = createPrivateTemp(file);
  } catch (error) {
    throw new FerryError('DATA_DIR_UNUSABLE', `Cannot create a database in the data directory: ${(error as Error).message}`, { file });
  }
  try {
    const db = new DatabaseSync(tmp);
    try {
      init(db);
    } finally {
      // Closing the last connection checkpoints the WAL into the file and removes it.
      db.close();
    }
    publishExclusive(tmp, file);
  } finally {
    removeTemp(tmp);
  }
}
