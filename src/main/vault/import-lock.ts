/**
 * One import of a bundle at a time, across processes (the app and a CLI, two CLIs): a lock file
 * `vault/tmp/<bundle id>.lock` created exclusively, holding the importer's process id. A lock whose
 * process no longer runs (killed) is taken over; a live one is JOB_ALREADY_RUNNING.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { vaultRoot } from './vault-paths.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` holding the import lock of `bundleId`. */
export async function withImportLock<T>(dataDir: string, bundleId: string, fn: () => Promise<T>): Promise<T> {
  const dir = join(vaultRoot(dataDir), 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, `${bundleId}.lock`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const holder = Number(readFileSync(lock, { encoding: 'utf8', flag: 'r' }).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new FerryError('JOB_ALREADY_RUNNING', `Bundle ${bundleId} is being imported by another Ferry process (${holder})`, { pid: holder, bundleId });
      }
      // Left by a process that ended (or by this one, earlier): take it over.
      rmSync(lock, { force: true });
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
