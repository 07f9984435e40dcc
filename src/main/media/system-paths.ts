/** Paths as the providers compare them, and the folders whose volumes are system volumes. */
import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { SystemPaths } from './volume.ts';

/** A path's real form when it exists (links resolved), else its absolute form (a data dir not made yet). */
export function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/** The real path of an existing file or folder (links resolved); FILE_MISSING when there is none. */
export async function existingRealPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    throw new FerryError('FILE_MISSING', `Cannot find ${path}: ${(error as Error).message}`, { path });
  }
}

/** Home and the data directory as real paths: the folders whose volumes are system volumes. */
export function protectedFolders(paths: SystemPaths): string[] {
  const folders = [paths.homeDir ?? homedir()];
  if (paths.dataDir) folders.push(paths.dataDir);
  return folders.filter((folder) => folder !== '').map(realOrResolved);
}
