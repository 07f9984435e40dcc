/**
 * The folders Ferry writes on a medium: `<medium>/FERRY/requests/` and `<medium>/FERRY/bundles/<id>/`.
 * The medium (`--out DIR`, or the folder the app's medium handle stands for) must exist; it may not
 * be or lie inside a Ferry data directory; each folder Ferry creates or enters below it must be a
 * real folder, not a link to elsewhere.
 */
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { writeError } from '../jobs/copy-verify.ts';
import { checkOutputFolder } from '../files/output-path.ts';
import { checkNotSystem, checkSpace } from '../media/space.ts';
import type { Volume, VolumeProvider } from '../media/volume.ts';

/** Ferry's top folder on a medium. */
export const MEDIUM_ROOT = 'FERRY';

/** The real path of the medium folder; OUTPUT_NOT_WRITABLE when it is missing or inside a data directory. */
export function mediumFolder(out: string, dataDir: string | null): string {
  let real: string;
  try {
    real = realpathSync.native(resolve(out));
    if (!statSync(real).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new FerryError('OUTPUT_NOT_WRITABLE', `${out} does not exist or is not a folder`, { path: out, reason: 'folder-missing' });
  }
  checkOutputFolder(real, dataDir, out);
  return real;
}

/** Creates (or enters) `segments` below `root`, refusing links; returns the folder's path. */
export function ensureFolders(root: string, segments: readonly string[]): string {
  let dir = root;
  for (const segment of segments) {
    dir = join(dir, segment);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(dir);
    } catch {
      st = undefined;
    }
    if (st?.isSymbolicLink()) throw new FerryError('OUTPUT_NOT_WRITABLE', `${dir} is a link; Ferry writes only into real folders`, { path: dir, reason: 'link' });
    if (st && !st.isDirectory()) throw new FerryError('OUTPUT_NOT_WRITABLE', `${dir} exists and is not a folder`, { path: dir, reason: 'not-a-folder' });
    if (!st) {
      try {
        mkdirSync(dir);
      } catch (error) {
        throw writeError(error, dir);
      }
    }
  }
  return dir;
}

/**
 * The volume `medium` lies on, checked for `bytes` of free space (MEDIA_FULL with the numbers). With
 * `requireMedium` (the app, which offers only removable media) a system volume is refused and the
 * volume must be detected; the CLI writes where the person said, and an undetectable volume there
 * is checked by the writes themselves (null).
 */
export async function checkMedium(volumes: VolumeProvider, medium: string, bytes: number, requireMedium: boolean): Promise<Volume | null> {
  let volume: Volume;
  try {
    volume = await volumes.forPath(medium);
  } catch (error) {
    if (requireMedium) throw error;
    return null;
  }
  if (requireMedium) checkNotSystem(volume);
  checkSpace(volume, bytes);
  return volume;
}
