/**
 * What SQLite's errors mean to a person: a lock another Ferry process holds too long is
 * DATA_DIR_BUSY (exit 3, "try again"), never a program error.
 */
import { FerryError } from '../../shared/errors.ts';

/** The default wait for another process's lock. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const SQLITE_BUSY = 5;

/**
 * The busy timeout: `FERRY_BUSY_TIMEOUT_MS` (decimal milliseconds, for slow shared folders) or 5 s.
 * A value that is not a plain decimal number is ignored rather than guessed at.
 */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.FERRY_BUSY_TIMEOUT_MS;
  if (text === undefined || !/^[0-9]{1,7}$/.test(text)) return DEFAULT_BUSY_TIMEOUT_MS;
  return Number(text);
}

/** Whether `error` is SQLite's "database is locked" (any extended SQLITE_BUSY code). */
export function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && (code & 0xff) === SQLITE_BUSY;
}

/** Maps a lock timeout to DATA_DIR_BUSY; returns every other error unchanged. */
export function storeError(error: unknown): unknown {
  if (!isBusy(error)) return error;
  return new FerryError('DATA_DIR_BUSY', 'Another Ferry process held the data directory’s lock longer than this one waits', {
    cause: (error as Error).message,
  });
}
