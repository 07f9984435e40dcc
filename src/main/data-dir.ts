/**
 * Where Ferry keeps its state: `--data-dir`, else `FERRY_DATA_DIR`, else the same folder Electron
 * uses as `userData` for the app "Ferry", so the CLI and the desktop app see one station. The folder
 * is private: created 0700, refused when others may write to it, its database files kept 0600 (POSIX;
 * Windows protects `%APPDATA%` by ACL).
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FerryError } from '../shared/errors.ts';

/** The platform's per-user application data folder for Ferry (Electron's `userData`). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ferry');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ferry');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ferry');
}

/** Resolves the data directory from a flag, the environment, or the default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.FERRY_DATA_DIR ?? defaultDataDir(process.platform, env);
}

/**
 * Like ssh with `~/.ssh`: a folder that group or others may write to is refused, since whoever can
 * write there can replace `ferry.db` or `secret.key` (POSIX only; Windows protects `%APPDATA%` by ACL).
 */
function refuseWritableByOthers(dataDir: string, mode: number): void {
  if (process.platform === 'win32' || (mode & 0o022) === 0) return;
  const shown = (mode & 0o7777).toString(8).padStart(4, '0');
  const who = (mode & 0o020) !== 0 && (mode & 0o002) !== 0 ? 'group and others' : (mode & 0o020) !== 0 ? 'its group' : 'others';
  throw new FerryError('DATA_DIR_UNUSABLE',
    `The data directory ${dataDir} may be written by ${who} (mode ${shown}): they could replace the database or the key file. Fix: chmod 700 ${dataDir}`,
    { dataDir, reason: 'exposed', mode: shown, fix: `chmod 700 ${dataDir}` });
}

/**
 * Checks that `dataDir` is a folder that only its owner may write to. A missing one is created
 * (mode 0700) only when `create` is true; otherwise DATA_DIR_UNUSABLE, and nothing is created.
 */
export function prepareDataDir(dataDir: string, create: boolean): void {
  try {
    const stat = statSync(dataDir);
    if (!stat.isDirectory()) throw new FerryError('DATA_DIR_UNUSABLE', `${dataDir} is not a folder`, { dataDir });
    refuseWritableByOthers(dataDir, stat.mode);
    return;
  } catch (error) {
    if (error instanceof FerryError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || !create) {
      const why = code === 'ENOENT' ? 'does not exist. Set up a station with "ferry station init --name …", or pass the right --data-dir.' : `cannot be read (${code ?? (error as Error).message})`;
      throw new FerryError('DATA_DIR_UNUSABLE', `The data directory ${dataDir} ${why}`, { dataDir, reason: code === 'ENOENT' ? 'missing' : 'unreadable' });
    }
  }
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new FerryError('DATA_DIR_UNUSABLE', `Cannot create the data directory ${dataDir}: ${(error as Error).message}`, { dataDir });
  }
}

/**
 * Takes group and other permissions off the database and its WAL files (0600), for databases an
 * earlier Ferry left readable. A file owned by someone else is left as it is.
 */
export function restrictDatabaseFiles(dbFile: string): void {
  if (process.platform === 'win32') return;
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    } catch {
      // Missing (no WAL yet) or not ours to change.
    }
  }
}
