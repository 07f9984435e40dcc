/**
 * Writing a bundle (connected side): for a request from a trusted station, the downloaded packages
 * a catalog describes are hashed, checked against the request with the planner (what is missing for
 * each appliance's target, what is superseded), written to the medium — split where the medium cannot
 * hold a file whole, each piece fsynced and read back — and only then the signed manifest is written,
 * last. A write that does not finish leaves no manifest (and Ferry removes what it wrote), so a
 * half-written bundle is never taken for a whole one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { FerryError } from '../../shared/errors.ts';
import { BUNDLE_PAYLOAD_TYPE, BundleManifestSchema, REQUEST_PAYLOAD_TYPE, RequestSchema, type BundleManifest, type BundlePackage, type DsseEnvelope } from '../../shared/formats.ts';
import type { Package } from '../../shared/packages.ts';
import { caseFoldKey, fatSafeName } from '../../shared/transfer/fat-name.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { signEnvelope } from '../crypto/dsse.ts';
import { rawPublicKeyFromPem } from '../crypto/ed25519.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { isWithin } from '../files/output-path.ts';
import { pieceSize } from '../jobs/split-write.ts';
import type { TaskRunner } from '../jobs/worker-tasks.ts';
import { maxFileSizeFor, type VolumeProvider } from '../media/volume.ts';
import type { StationService } from '../stations/station-service.ts';
import { transaction, type Database } from '../store/database.ts';
import { MANIFEST_FILE } from './bundle-check.ts';
import { PACKAGES_FOLDER } from './bundle-paths.ts';
import { checkAgainstRequest, type RequestCoverage } from './coverage.ts';
import { checkMedium, ensureFolders, MEDIUM_ROOT, mediumFolder } from './medium-folder.ts';
import { openSigned } from './signed-file.ts';
import { unpackPackages } from './zip-packages.ts';

/** The most parts one package may be split into (the manifest format's limit). */
const MAX_PARTS = 4096;

/** Default validity of a bundle (DESIGN: freeze attacks; appliance and jump-host clocks drift). */
export const DEFAULT_EXPIRES_IN_DAYS = 30;

/** What to write. */
export interface CreateBundleInput {
  requestText: string;
  /** The folder the downloaded packages are in (or a ZIP archive of them); catalog `file` entries are relative to it. */
  packagesDir: string;
  /** Catalog entries, each naming its file in `file`. */
  catalog: Package[];
  /** The medium (or any folder): the bundle goes to `<out>/FERRY/bundles/<id>/`. */
  out: string;
  maxFileSize?: number;
  expiresInDays?: number;
  /** The app: `out` must be a detected, non-system volume (see `checkMedium`). */
  requireMedium?: boolean;
}

/** What was written, and what the request still lacks. */
export interface CreatedBundle extends RequestCoverage {
  dir: string;
  id: string;
  sequence: number;
  expiresAt: string;
  packages: { name: string; file: string; size: number; sha256: string; parts: number }[];
  /** Packages left out because the request says the vault has them already. */
  alreadyThere: string[];
}

/** Progress in bytes: hashing the downloads, writing to the medium, reading back. */
export type CreateProgress = (phase: 'hashing' | 'writing' | 'reading-back', done: number, total: number) => void;

/** What writing a bundle needs. */
export interface CreateDeps {
  dataDir: string;
  db: Database;
  audit: AuditLog;
  stations: StationService;
  volumes: VolumeProvider;
  run: TaskRunner;
  now: () => Date;
}

/** Writes a bundle; see the module comment. The packages may be a folder or a ZIP archive of them. */
export async function createBundle(deps: CreateDeps, input: CreateBundleInput, signal: AbortSignal, progress: CreateProgress = () => undefined): Promise<CreatedBundle> {
  if (!statSync(input.packagesDir, { throwIfNoEntry: false })?.isFile()) return writeBundle(deps, input, signal, progress, deps.dataDir);
  const unpacked = await unpackPackages(input.packagesDir, deps.dataDir, signal);
  try {
    // Unpacked into the vault's temp folder by Ferry itself: the one place in the data directory packages may come from.
    return await writeBundle(deps, { ...input, packagesDir: unpacked }, signal, progress, null);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

async function writeBundle(deps: CreateDeps, input: CreateBundleInput, signal: AbortSignal, progress: CreateProgress, forbidden: string | null): Promise<CreatedBundle> {
  const request = openSigned(input.requestText, REQUEST_PAYLOAD_TYPE, RequestSchema, 'request');
  const requester = deps.stations.trustedKey(request.fingerprint);
  if (!requester || !requester.publicKey.equals(request.raw)) {
    throw new FerryError('SIGNER_UNTRUSTED', `The request comes from "${request.name}", a station this one does not trust yet: compare fingerprints and trust it first`, { signer: request.fingerprint, name: request.name });
  }
  const expiresInDays = input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
  const files = locateFiles(input.packagesDir, input.catalog, forbidden);
  // One pass over the downloads first: their hashes decide what the vault has already, and the sizes what the medium needs.
  const hashed: { entry: Package; path: string; sha256: string; size: number }[] = [];
  const hashTotal = files.reduce((s, f) => s + f.size, 0);
  let hashedBytes = 0;
  for (const f of files) {
    const r = await deps.run({ type: 'hash', path: f.path }, signal, (_p, done) => progress('hashing', hashedBytes + done, hashTotal));
    hashedBytes += r.size;
    hashed.push({ entry: f.entry, path: f.path, sha256: r.sha256, size: r.size });
  }
  const have = new Set(request.payload.have);
  const toWrite = hashed.filter((h) => !have.has(h.sha256));
  const coverage = checkAgainstRequest(request.payload, input.catalog);
  const limitParts = (input.maxFileSize ?? Number.MAX_SAFE_INTEGER);
  const most = Math.max(0, ...toWrite.map((h) => (h.size > limitParts ? Math.ceil(h.size / pieceSize(limitParts)) : 1)));
  if (most > MAX_PARTS) throw new FerryError('USAGE', `A largest file of ${limitParts} bytes would split a package into ${most} parts; at most ${MAX_PARTS} are allowed`, { field: 'maxFileSize', parts: most });
  const medium = mediumFolder(input.out, deps.dataDir);
  // The bytes, and a little for the manifest and the file system's own bookkeeping.
  const volume = await checkMedium(deps.volumes, medium, toWrite.reduce((s, h) => s + h.size, 0) + 1024 * 1024, input.requireMedium ?? false);
  const limit = Math.min(input.maxFileSize ?? Number.MAX_SAFE_INTEGER, (volume && maxFileSizeFor(volume.fileSystem)) ?? Number.MAX_SAFE_INTEGER);
  const station = deps.stations.show();
  const privateKey = deps.stations.privateKey();
  const id = randomUUID();
  const now = deps.now();
  const sequence = transaction(deps.db, () => {
    const last = deps.db.prepare('SELECT MAX(sequence) AS n FROM bundles_written').get() as { n: number | null };
    const next = (last.n ?? 0) + 1;
    deps.db.prepare('INSERT INTO bundles_written (id, sequence, request_id, requester, created_at, dir) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, next, request.payload.id, request.fingerprint, now.toISOString(), join(medium, MEDIUM_ROOT, 'bundles', id));
    return next;
  });
  const bundleDir = ensureFolders(medium, [MEDIUM_ROOT, 'bundles', id]);
  try {
    const packagesDir = ensureFolders(bundleDir, [PACKAGES_FOLDER]);
    const names = new Set<string>();
    const entries: BundlePackage[] = [];
    const total = toWrite.reduce((s, h) => s + h.size, 0);
    let offset = 0;
    for (const h of toWrite) {
      const name = uniqueName(fatSafeName(basename(h.path), `package-${entries.length + 1}`), names);
      const written = await deps.run({ type: 'split', source: h.path, dir: packagesDir, name, maxFileSize: limit }, signal, (phase, done) => progress(phase, offset + done, total));
      if (written.sha256 !== h.sha256) throw new FerryError('FILE_HASH_MISMATCH', `${h.path} changed while the bundle was written`, { path: h.path, expected: h.sha256, actual: written.sha256 });
      offset += written.size;
      const { file: _file, ...catalogEntry } = h.entry as Package & { file?: unknown };
      entries.push({
        ...catalogEntry, file: `${PACKAGES_FOLDER}/${name}`, size: written.size, sha256: written.sha256,
        ...(written.pieces.length > 1 || written.pieces[0]!.name !== name ? { parts: written.pieces.map((p) => ({ file: `${PACKAGES_FOLDER}/${p.name}`, size: p.size, sha256: p.sha256 })) } : {}),
      });
    }
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
    const manifest = transaction(deps.db, () => {
      deps.audit.append({ actor: 'user', action: 'bundle.created', subject: id, details: { sequence, request: request.payload.id, requester: request.name, packages: entries.length } });
      const payload: BundleManifest = BundleManifestSchema.parse({
        format: 1, id, sequence, createdAt: now.toISOString(), expiresAt, inReplyTo: request.payload.id,
        station: { name: station.name, fingerprint: station.fingerprint, publicKey: rawPublicKeyFromPem(station.publicKeyPem).toString('base64') },
        packages: entries, auditHead: deps.audit.signedHead() as DsseEnvelope,
      });
      return signEnvelope(BUNDLE_PAYLOAD_TYPE, Buffer.from(canonicalJson(payload), 'utf8'), privateKey, station.fingerprint);
    });
    const manifestPath = join(bundleDir, MANIFEST_FILE);
    const text = JSON.stringify(manifest, null, 2) + '\n';
    writeFileAtomic(manifestPath, text);
    // The manifest too is read back: a medium that lies about writes must not get "safe to remove".
    const back = readFileSync(manifestPath, 'utf8');
    if (back !== text) throw new FerryError('MEDIA_NOT_WRITABLE', `${manifestPath} does not read back as written`, { path: manifestPath, reason: 'read-back' });
    return {
      dir: bundleDir, id, sequence, expiresAt, ...coverage,
      packages: entries.map((e) => ({ name: e.name, file: e.file, size: e.size, sha256: e.sha256, parts: e.parts?.length ?? 0 })),
      alreadyThere: hashed.filter((h) => have.has(h.sha256)).map((h) => h.entry.name),
    };
  } catch (error) {
    // Ferry's own fresh folder: nothing of anyone else's is in it. No manifest carried its sequence, so it may be used again.
    rmSync(bundleDir, { recursive: true, force: true });
    deps.db.prepare('DELETE FROM bundles_written WHERE id = ?').run(id);
    throw error;
  }
}

/** Each catalog entry's file: inside the packages folder, a regular file, named once, never Ferry's own data. */
function locateFiles(packagesDir: string, catalog: Package[], forbidden: string | null): { entry: Package; path: string; size: number }[] {
  let root: string;
  try {
    root = realpathSync.native(resolve(packagesDir));
  } catch {
    throw new FerryError('FILE_MISSING', `The packages folder ${packagesDir} does not exist`, { path: packagesDir });
  }
  const data = forbidden === null ? null : realpathSync.native(forbidden);
  const seen = new Map<string, string>();
  return catalog.map((entry, i) => {
    const file = (entry as { file?: unknown }).file;
    if (typeof file !== 'string' || file === '') throw new FerryError('CATALOG_INVALID', `Catalog entry ${i + 1} (${entry.name}) names no file in "file"`, { index: i, field: 'file' });
    let real: string;
    try {
      real = realpathSync.native(resolve(root, file));
    } catch {
      throw new FerryError('FILE_MISSING', `${file} (${entry.name}) is not in ${packagesDir}`, { path: file, package: entry.name });
    }
    if (!isWithin(real, root)) throw new FerryError('PATH_OUTSIDE_FOLDER', `${file} lies outside ${packagesDir}`, { path: file });
    // The station's key and database must never travel on a stick, whatever a catalog names.
    if (data !== null && isWithin(real, data)) throw new FerryError('PATH_OUTSIDE_FOLDER', `${file} lies in Ferry's data directory`, { path: file, reason: 'data-dir' });
    const other = seen.get(real);
    if (other !== undefined) throw new FerryError('CATALOG_INVALID', `Catalog entries "${other}" and "${entry.name}" name the same file ${file}`, { path: file });
    seen.set(real, entry.name);
    const st = statSync(real);
    if (!st.isFile()) throw new FerryError('INPUT_NOT_A_FILE', `${file} is not a regular file`, { path: file });
    return { entry, path: real, size: st.size };
  });
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(caseFoldKey(candidate)); n += 1) candidate = `${n}-${name}`;
  taken.add(caseFoldKey(candidate));
  return candidate;
}
