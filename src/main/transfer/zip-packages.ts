/**
 * Downloaded packages that arrive as a ZIP archive: read as a stream with yauzl (never whole into
 * memory), checked entry by entry with Ferry's own path rules before a byte is written — a plain
 * relative path (no `..`, absolute or drive paths, backslashes, control characters), no two names
 * that differ only in case, no links, no encrypted entries, at most MAX_ENTRIES entries and declared
 * sizes that fit — and unpacked into a private folder under the vault's temp folder. yauzl checks
 * that every entry's real size is the declared one, so a "zip bomb" stops at its declaration.
 */
import { createWriteStream, mkdirSync, rmSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry } from 'yauzl';
import { FerryError } from '../../shared/errors.ts';
import { caseFoldKey, isSafeRelativePath } from '../../shared/transfer/fat-name.ts';
import { ownedTempName, vaultRoot } from '../vault/vault-paths.ts';

/** More files than any vendor download holds. */
export const MAX_ENTRIES = 1000;
/** Prefix of the folders archives are unpacked into (swept once their process has ended: nothing in them is reused). */
export const ZIP_FOLDER_PREFIX = 'zip-';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const unsafe = (entry: string, reason: string): FerryError =>
  new FerryError('ARCHIVE_UNSAFE', `The archive's entry "${entry.slice(0, 200)}" is not a plain file inside it (${reason})`, { entry: entry.slice(0, 200), reason });

/** yauzl's own refusals (unsafe names) are ARCHIVE_UNSAFE; anything else it says means the file is not a whole ZIP. */
function fromYauzl(error: unknown): FerryError {
  if (error instanceof FerryError) return error;
  const message = (error as Error).message;
  if (/invalid relative path|absolute path|invalid characters/i.test(message)) return new FerryError('ARCHIVE_UNSAFE', `The archive names an unsafe path: ${message}`, { reason: 'yauzl' });
  return new FerryError('ARCHIVE_UNREADABLE', `Not a readable ZIP archive: ${message}`, { cause: message.slice(0, 200) });
}

/** Checks one entry's name and kind; returns its path, or null for a folder entry. */
function checkEntry(entry: Entry, seen: Set<string>): string | null {
  const name = entry.fileName;
  if (name.endsWith('/')) return null;
  const safe = isSafeRelativePath(name);
  if (!safe.ok) throw unsafe(name, safe.reason);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw unsafe(name, 'link');
  if (entry.isEncrypted()) throw unsafe(name, 'encrypted');
  const key = caseFoldKey(name);
  if (seen.has(key)) throw unsafe(name, 'case-fold-duplicate');
  seen.add(key);
  return name;
}

async function openArchive(zipPath: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(zipPath, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true, autoClose: false });
  } catch (error) {
    throw fromYauzl(error);
  }
}

/** Every file entry of an open archive, each name and kind checked; throws on the first that breaks a rule. */
async function checkedEntries(zip: yauzl.ZipFile): Promise<{ entry: Entry; path: string }[]> {
  if (zip.entryCount > MAX_ENTRIES) throw new FerryError('ARCHIVE_UNSAFE', `The archive holds ${zip.entryCount} entries, more than ${MAX_ENTRIES}`, { reason: 'too-many-entries', entries: zip.entryCount });
  const files: { entry: Entry; path: string }[] = [];
  const seen = new Set<string>();
  const folders = new Set<string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const path = checkEntry(entry, seen);
      if (path === null) continue;
      // A name that is a file here and a folder of another entry there cannot be unpacked.
      const segments = caseFoldKey(path).split('/');
      for (let i = 1; i < segments.length; i += 1) folders.add(segments.slice(0, i).join('/'));
      files.push({ entry, path });
    }
  } catch (error) {
    throw fromYauzl(error);
  }
  const clash = files.find((f) => folders.has(caseFoldKey(f.path)));
  if (clash) throw unsafe(clash.path, 'file-and-folder');
  return files;
}

/** The files an archive holds (path and size), every rule checked, nothing unpacked: for identifying them. */
export async function listArchive(zipPath: string): Promise<{ file: string; size: number }[]> {
  const zip = await openArchive(zipPath);
  try {
    return (await checkedEntries(zip)).map(({ entry, path }) => ({ file: path, size: entry.uncompressedSize }));
  } finally {
    zip.close();
  }
}

/**
 * Unpacks `zipPath` into a fresh folder in `<dataDir>/vault/tmp/` and returns it; the caller removes
 * it when done. Nothing is unpacked when any entry breaks a rule (all names are checked first).
 */
export async function unpackPackages(zipPath: string, dataDir: string, signal: AbortSignal): Promise<string> {
  const zip = await openArchive(zipPath);
  const target = join(vaultRoot(dataDir), 'tmp', ownedTempName(ZIP_FOLDER_PREFIX, ''));
  try {
    // First pass: every name and size, before anything is written.
    const files = await checkedEntries(zip);
    const total = files.reduce((sum, f) => sum + f.entry.uncompressedSize, 0);
    mkdirSync(target, { recursive: true, mode: 0o700 });
    const st = statfsSync(target);
    if (total > st.bavail * st.bsize) {
      throw new FerryError('MEDIA_FULL', `Unpacking needs ${total} bytes, ${st.bavail * st.bsize} are free in ${target}`, { needed: total, free: st.bavail * st.bsize, mountPoint: target });
    }
    for (const { entry, path } of files) {
      if (signal.aborted) throw new FerryError('JOB_CANCELLED', 'Cancelled');
      const out = join(target, ...path.split('/'));
      mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
      try {
        const stream = await zip.openReadStreamPromise(entry);
        await pipeline(stream, createWriteStream(out, { flags: 'wx', mode: 0o600 }), { signal });
      } catch (error) {
        if (signal.aborted) throw new FerryError('JOB_CANCELLED', 'Cancelled');
        throw fromYauzl(error);
      }
    }
    return target;
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  } finally {
    zip.close();
  }
}
