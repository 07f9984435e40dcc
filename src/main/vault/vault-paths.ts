/**
 * Where the vault keeps its files (DESIGN: Storage): `vault/sha256/ab/<sha256>`, read-only once
 * placed; imports stage in `vault/tmp/<bundle id>/`, where a file carries its hash as its name only
 * once it was verified — so a re-run after an interruption reuses it without reading the stick again.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
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

/**
 * How long a temp file or unpacked archive must have been left alone before a starting process
 * sweeps it: another Ferry process (the app while the CLI runs) may be writing it right now, and a
 * file being written has a fresh modification time.
 */
export const LEFTOVER_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes what an interrupted import left: temp files (`.ferry-part`, never verified) and unpacked
 * archives (`zip-…`) once nobody has touched them for LEFTOVER_AFTER_MS, and staging folders
 * untouched for longer than STAGING_KEPT_MS. Verified staged files of recent imports
 * stay for their re-run. Returns the number of entries removed.
 */
export function sweepStaging(dataDir: string, now: Date): number {
  const tmp = join(vaultRoot(dataDir), 'tmp');
  let removed = 0;
  let bundles: string[];
  try {
    bundles = readdirSync(tmp);
  } catch {
    return 0;
  }
  for (const bundle of bundles) {
    const dir = join(tmp, bundle);
    // Import locks belong to their importer (import-lock.ts takes over a dead one's).
    if (bundle.endsWith('.lock')) continue;
    try {
      // Unpacked archives are never reused: whatever an ended process left is removed.
      const age = now.getTime() - statSync(dir).mtimeMs;
      if ((bundle.startsWith('zip-') && age > LEFTOVER_AFTER_MS) || age > STAGING_KEPT_MS) {
        rmSync(dir, { recursive: true, force: true });
        removed += 1;
        continue;
      }
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.ferry-part') || now.getTime() - statSync(join(dir, name)).mtimeMs <= LEFTOVER_AFTER_MS) continue;
        rmSync(join(dir, name), { force: true });
        removed += 1;
      }
    } catch {
      // Not a folder, or gone meanwhile: nothing of ours to sweep.
    }
  }
  return removed;
}
