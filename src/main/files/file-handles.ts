/**
 * The one registry of opaque handles for what the person chose: a file, a folder, a medium, or a
 * target to save to. The renderer gets a random id and a display name, never a path it could alter.
 * Each handle stands for one root; a folder or medium resolves only relative children that stay
 * inside it, checked on real paths so neither `..` nor a symlink leads out. Handles live for the
 * process lifetime.
 */
import { randomUUID } from 'node:crypto';
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, win32 } from 'node:path';
import type { FileHandle, FolderHandle, SaveTarget } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';
import { isWithin, resolveOutputPath } from './output-path.ts';

/** What a handle stands for. */
export type HandleKind = 'file' | 'folder' | 'medium' | 'save-target';

const unknown = (): FerryError => new FerryError('HANDLE_UNKNOWN', 'Unknown handle, or a handle of another kind');

function outside(child: string, why: string): FerryError {
  return new FerryError('PATH_OUTSIDE_FOLDER', `${child} is outside the chosen folder: ${why}`, { path: child, reason: why });
}

/**
 * Where `path` really leads: its real path, or for a path that does not exist (yet) the real path of
 * its deepest existing ancestor joined with the rest; a dangling link is followed to its target, since
 * creating the file would follow it too. Null when that cannot be told (a link loop, no permission).
 */
function realish(path: string, hops = 0): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    // Missing, a dangling link, a loop, or unreadable: find out below.
  }
  const parent = dirname(path);
  if (parent === path) return null;
  const realParent = realish(parent, hops);
  if (realParent === null) return null;
  const here = join(realParent, basename(path));
  const st = lstatSync(here, { throwIfNoEntry: false });
  if (!st) return here;
  if (!st.isSymbolicLink() || hops >= 32) return null;
  return realish(resolve(realParent, readlinkSync(here)), hops + 1);
}

/** Stats of an existing regular file or folder; FILE_MISSING or INPUT_NOT_A_FILE otherwise. */
function statAs(path: string, want: 'file' | 'folder'): Stats {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new FerryError('FILE_MISSING', `${basename(path) || path} does not exist`, { name: basename(path) });
  if (want === 'file' && !st.isFile()) throw new FerryError('INPUT_NOT_A_FILE', `${basename(path)} is not a regular file`, { name: basename(path) });
  if (want === 'folder' && !st.isDirectory()) throw new FerryError('FILE_MISSING', `${basename(path)} is not a folder`, { name: basename(path) });
  return st;
}

/** Maps handles to the roots they stand for. */
export class FileHandles {
  private readonly roots = new Map<string, { kind: HandleKind; path: string }>();
  private readonly dataDir: string | null;

  /** `dataDir`: Ferry's data directory, which no save target may point into. */
  constructor(dataDir: string | null = null) {
    this.dataDir = dataDir;
  }

  private add(kind: HandleKind, path: string): string {
    const handle = randomUUID();
    this.roots.set(handle, { kind, path });
    return handle;
  }

  /** Registers an existing regular file (from an open dialog). */
  register(path: string): FileHandle {
    const st = statAs(path, 'file');
    // The real path: a link swapped later does not redirect the handle.
    return { handle: this.add('file', realpathSync.native(path)), name: basename(path), size: st.size };
  }

  /** Registers an existing folder, or a removable medium's root. */
  registerFolder(path: string, kind: 'folder' | 'medium' = 'folder'): FolderHandle {
    statAs(path, 'folder');
    return { handle: this.add(kind, realpathSync.native(path)), name: basename(path) || path };
  }

  /**
   * Registers where to save a file, by the same rules as every output (`resolveOutputPath`): an
   * existing folder, never Ferry's or another station's data directory, never a link or a folder.
   * Replacing an existing file is allowed: the save dialog has already asked the person.
   */
  registerSaveTarget(path: string): SaveTarget {
    const target = resolveOutputPath(path, { dataDir: this.dataDir, force: true });
    return { handle: this.add('save-target', target), name: basename(path) };
  }

  /** The path behind a handle of `kind`; HANDLE_UNKNOWN for anything not handed out or of another kind. */
  resolve(handle: string, kind: HandleKind = 'file'): string {
    const root = this.roots.get(handle);
    if (!root || root.kind !== kind) throw unknown();
    return root.path;
  }

  /**
   * A path inside a folder or medium, from a relative child path. Refuses absolute and drive paths,
   * `..`, and (on real paths) links that lead out — PATH_OUTSIDE_FOLDER. The child need not exist.
   */
  resolveChild(handle: string, child: string, kind: 'folder' | 'medium' = 'folder'): string {
    const root = this.resolve(handle, kind);
    if (child === '') throw outside(child, 'empty');
    if (isAbsolute(child) || win32.isAbsolute(child) || /^[a-zA-Z]:/.test(child)) throw outside(child, 'absolute');
    if (child.split(/[/\\]/).includes('..')) throw outside(child, 'parent');
    const path = join(root, child);
    const real = realish(path);
    if (real === null || !isWithin(real, root)) throw outside(child, 'link');
    return path;
  }
}
