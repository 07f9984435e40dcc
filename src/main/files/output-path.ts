/**
 * Where Ferry may write a file the person named (`--out FILE`, later the app's save targets): never
 * inside the data directory (whatever `..` or links lead there) nor into any folder holding a
 * `ferry.db` (another station's data directory), never through a link, and never over
 * an existing file unless the person said `--force`.
 *
 * Ferry does not try to tell "a file Ferry wrote earlier" from any other file: it keeps no record of
 * its outputs, and a name in a shared folder may have been replaced since. One rule — an existing
 * file needs `--force` — is simple to state and never loses data.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** What decides whether an output path is acceptable. */
export interface OutputOptions {
  /** Ferry's data directory: no output may land inside it, `--force` or not (null: none known). */
  dataDir: string | null;
  /** Replace an existing regular file (`--force`). */
  force?: boolean | undefined;
  /** The new file's permissions (default 0644; 0600 for anything holding a key). */
  mode?: number;
}

const refuse = (path: string, message: string, reason: string): FerryError =>
  new FerryError('OUTPUT_NOT_WRITABLE', `Will not write ${path}: ${message}`, { path, reason });

/** Whether `path` is `dir` itself or below it (both already real paths). */
export function isWithin(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The data directory's real path, or null when it does not exist (then nothing can be inside it). */
function realDataDir(dataDir: string | null): string | null {
  if (dataDir === null) return null;
  try {
    return realpathSync.native(dataDir);
  } catch {
    return null;
  }
}

/**
 * Refuses a (real) folder as a place for Ferry's outputs when it is or lies inside the data
 * directory, or lies in a folder holding a `ferry.db` (another station's data directory is as precious
 * as this one's).
 */
export function checkOutputFolder(folder: string, dataDir: string | null, requested: string = folder): void {
  const data = realDataDir(dataDir);
  if (data !== null && isWithin(folder, data)) {
    throw refuse(requested, `it is inside Ferry's data directory (${data}); choose another folder`, 'inside-data-dir');
  }
  // The folder or any folder above it: below another station's data directory is inside it too.
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'ferry.db'))) throw refuse(requested, `${dir} is a Ferry data directory; choose another folder`, 'inside-data-dir');
    if (dirname(dir) === dir) break;
  }
}

/**
 * Resolves an output path for writing: the real path of its folder plus its name.
 * OUTPUT_NOT_WRITABLE when the folder is missing, inside the data directory, or the name is taken
 * by a link, a folder, a device, or (without `force`) a file.
 */
export function resolveOutputPath(path: string, options: OutputOptions): string {
  const requested = resolve(path);
  const name = basename(requested);
  if (path === '' || name === '' || name === '.' || name === '..') throw refuse(path, 'not a file name', 'not-a-file-name');
  let folder: string;
  try {
    folder = realpathSync.native(dirname(requested));
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    throw refuse(requested, `the folder ${dirname(requested)} does not exist or is not a folder`, 'folder-missing');
  }
  const target = join(folder, name);
  checkOutputFolder(folder, options.dataDir, requested);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isSymbolicLink()) throw refuse(requested, 'it is a link; name the file itself', 'link');
  if (existing && !existing.isFile()) throw refuse(requested, 'it exists and is not a regular file', 'not-a-file');
  if (existing && !options.force) throw refuse(requested, 'the file exists; add --force to replace it', 'exists');
  return target;
}

/** Checks `path` with `resolveOutputPath` and writes `data` there atomically; returns the path written. */
export function writeOutputFile(path: string, data: string | Uint8Array, options: OutputOptions): string {
  const target = resolveOutputPath(path, options);
  // Between this check and the rename another process could create the name; Ferry's outputs go to
  // folders the person chose, so that window is theirs, and the rename never follows a link.
  writeFileAtomic(target, data, options.mode);
  return target;
}
