/**
 * Where a bundle's bytes are, checked before one is read: every path the manifest names is a plain
 * relative path below `packages/` (no `..`, absolute or drive paths, backslashes, control characters),
 * no two differ only in case (FAT and NTFS would make them one file), and on disk each is a regular
 * file reached through real folders — no links, no devices. Files on the medium that the manifest does
 * not name are listed, never imported.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { BundleManifest, BundlePackage } from '../../shared/formats.ts';
import { caseFoldKey, isFatSafeName, isSafeRelativePath } from '../../shared/transfer/fat-name.ts';
import type { PartSource } from '../jobs/parts-verify.ts';
import { MANIFEST_FILE } from './bundle-check.ts';

/** The folder inside a bundle that holds the package files. */
export const PACKAGES_FOLDER = 'packages';

/** One package and the pieces to read for it, in order. */
export interface PlannedPackage {
  pkg: BundlePackage;
  sources: PartSource[];
}

const outside = (file: string, reason: string): FerryError =>
  new FerryError('PATH_OUTSIDE_BUNDLE', `The manifest names "${file.slice(0, 200)}", which is not a plain path inside the bundle (${reason})`, { file: file.slice(0, 200), reason });

/** Checks every path of the manifest, on paper and on disk; returns what to read per package. */
export function planReads(dir: string, manifest: BundleManifest): PlannedPackage[] {
  const seen = new Map<string, string>([[caseFoldKey(MANIFEST_FILE), MANIFEST_FILE]]);
  const checkName = (file: string): void => {
    const safe = isSafeRelativePath(file);
    if (!safe.ok) throw outside(file, safe.reason);
    // Each name must be valid on FAT, exFAT and NTFS too (no ':' — an NTFS stream —, '*', '?', reserved names …).
    if (!file.split('/').every(isFatSafeName)) throw outside(file, 'not-fat-safe');
    if (file.split('/')[0] !== PACKAGES_FOLDER || file.split('/').length < 2) throw outside(file, 'not-in-packages');
    const key = caseFoldKey(file);
    const other = seen.get(key);
    if (other !== undefined) throw new FerryError('PATH_OUTSIDE_BUNDLE', `"${file}" and "${other}" name the same file on FAT, exFAT and NTFS`, { file, other, reason: 'case-fold-duplicate' });
    seen.set(key, file);
  };
  const planned = manifest.packages.map((pkg) => {
    if (pkg.parts) {
      const total = pkg.parts.reduce((sum, p) => sum + p.size, 0);
      if (total !== pkg.size) throw new FerryError('MANIFEST_MALFORMED', `The parts of ${pkg.file} add up to ${total} bytes, not ${pkg.size}`, { file: pkg.file });
      checkName(pkg.file);
      for (const part of pkg.parts) checkName(part.file);
      return { pkg, sources: pkg.parts.map((p) => ({ path: join(dir, ...p.file.split('/')), file: p.file, size: p.size, sha256: p.sha256, isPart: true })) };
    }
    checkName(pkg.file);
    return { pkg, sources: [{ path: join(dir, ...pkg.file.split('/')), file: pkg.file, size: pkg.size, sha256: pkg.sha256, isPart: false }] };
  });
  for (const { sources } of planned) for (const source of sources) checkOnDisk(dir, source);
  return planned;
}

/** Each folder on the way a real folder, the file a regular file; missing: FILE_MISSING / PART_MISSING. */
function checkOnDisk(dir: string, source: PartSource): void {
  const segments = source.file.split('/');
  let path = dir;
  for (let i = 0; i < segments.length; i += 1) {
    path = join(path, segments[i]!);
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(path);
    } catch {
      if (source.isPart) throw new FerryError('PART_MISSING', `Part ${source.file} is missing`, { file: source.file, verification: true });
      throw new FerryError('FILE_MISSING', `${source.file} is missing from the bundle`, { file: source.file, verification: true });
    }
    const last = i === segments.length - 1;
    if (st.isSymbolicLink()) throw outside(source.file, 'link');
    if (!last && !st.isDirectory()) throw outside(source.file, 'not-a-folder');
    if (last && !st.isFile()) throw outside(source.file, st.isDirectory() ? 'folder' : 'device');
  }
}

/** Files and links in the bundle folder the manifest does not name (reported, never imported). */
export function extraFiles(dir: string, planned: PlannedPackage[]): string[] {
  const named = new Set<string>([MANIFEST_FILE]);
  for (const { sources } of planned) for (const s of sources) named.add(s.file);
  const extra: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const rel = prefix === '' ? name : `${prefix}/${name}`;
      let isDir = false;
      try {
        isDir = lstatSync(join(folder, name)).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(join(folder, name), rel);
      else if (!named.has(rel)) extra.push(rel);
      if (extra.length >= 1000) return;
    }
  };
  walk(dir, '');
  return extra;
}
