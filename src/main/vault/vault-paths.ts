/**
 * Where the vault keeps its files (DESIGN: Storage): `vault/sha256/ab/<sha256>`, read-only once
 * placed; imports stage in `vault/tmp/<bundle id>/`, where a file carries its hash as its name only
 * once it was verified — so a re-run after an interruption reuses it without reading the stick again.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The vault folder in a data directory. */
export function vaultRoot(dataDir: string): string {
  return join(dataDir, 'vault');
}

/** Where the package with this SHA-256 lives. */
export function packagePath(dataDir: string, sha256: string): string {
  return join(vaultRoot(dataDir), 'sha256', sha256.slice(0, 2), sha256);
}

/** The staging folder of one bundle's import. */
export function stagingDir(dataDir: string, bundleId: string): string {
  return join(vaultRoot(dataDir), 'tmp', bundleId);
}

/** How long a verified staged file waits for its import to be re-run before it is swept. */
export const STAGING_KEPT_MS = 7 * 24 * 3600 * 1000;

/** Whether a process with this id runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The id of the process that made a temp name (`….<pid>-<random>.ferry-part`, `zip-<pid>-<uuid>`, `evidence-<pid>-<random>`),
 * or null for a name without one.
 */
/** Folders a process owns while it works (unpacked archives, evidence being copied in). */
const OWNED_DIRS = ['zip-', 'evidence-'];

function ownerOf(name: string): number | null {
  const m = /(?:^(?:zip|evidence)-|\.)(\d+)-[0-9a-f-]+(?:\.ferry-part)?$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** A temp name for this process: `<prefix><pid>-<random><suffix>`, recognised by the sweep. */
export function ownedTempName(prefix: string, suffix: string): string {
  return `${prefix}${process.pid}-${randomBytes(6).toString('hex')}${suffix}`;
}

/**
 * Removes what ended processes left in `vault/tmp`: temp files (`.ferry-part`, never verified) and
 * unpacked archives (`zip-…`) whose process no longer runs — never another running process's work —
 * and staging folders untouched for longer than STAGING_KEPT_MS. Verified staged files of recent
 * imports stay for their re-run. Links are removed as links, never followed. Returns the count removed.
 */
export function sweepStaging(dataDir: string, now: Date): number {
  const tmp = join(vaultRoot(dataDir), 'tmp');
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(tmp);
  } catch {
    return 0;
  }
  const gone = (name: string): boolean => {
    const pid = ownerOf(name);
    return pid !== null && pid !== process.pid && !processAlive(pid);
  };
  for (const entry of entries) {
    const dir = join(tmp, entry);
    // Import locks belong to their importer (import-lock.ts takes over a dead one's).
    if (entry.endsWith('.lock')) continue;
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory()) {
        // Nothing but folders and locks belongs here; a link is removed as a link.
        rmSync(dir, { force: true });
        removed += 1;
        continue;
      }
      if ((OWNED_DIRS.some((p) => entry.startsWith(p)) && gone(entry)) || now.getTime() - st.mtimeMs > STAGING_KEPT_MS) {
        rmSync(dir, { recursive: true, force: true });
        removed += 1;
        continue;
      }
      if (OWNED_DIRS.some((p) => entry.startsWith(p))) continue;
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.ferry-part') || !gone(name)) continue;
        rmSync(join(dir, name), { force: true });
        removed += 1;
      }
    } catch {
      // Gone meanwhile: nothing of ours to sweep.
    }
  }
  return removed;
}
