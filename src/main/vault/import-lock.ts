/**
 * One import per signing station at a time, across processes (the app and a CLI, two CLIs) and
 * within one (two jobs of the app): a lock file `vault/tmp/<name>.lock` created exclusively, holding
 * the importer's process id, so the signer's sequence is checked and recorded without a race. A lock whose
 * process no longer runs (killed) is taken over; a live one is JOB_ALREADY_RUNNING.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { processAlive, vaultRoot } from './vault-paths.ts';

/** Locks this process holds (two jobs of the app share its pid, so the file alone cannot tell them apart). */
const held = new Set<string>();

/** Runs `fn` holding the import lock `name` (e.g. per signer). */
export async function withImportLock<T>(dataDir: string, name: string, fn: () => Promise<T>): Promise<T> {
  const dir = join(vaultRoot(dataDir), 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, `${name}.lock`);
  if (held.has(lock)) throw new FerryError('JOB_ALREADY_RUNNING', 'Another import from the same station is running', { lock: name });
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const holder = Number(readFileSync(lock, { encoding: 'utf8', flag: 'r' }).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new FerryError('JOB_ALREADY_RUNNING', `Another Ferry process (${holder}) is importing from the same station`, { pid: holder, lock: name });
      }
      // Left by a process that ended (or by this one, earlier): take it over.
      rmSync(lock, { force: true });
    }
  }
  held.add(lock);
  try {
    return await fn();
  } finally {
    held.delete(lock);
    rmSync(lock, { force: true });
  }
}
