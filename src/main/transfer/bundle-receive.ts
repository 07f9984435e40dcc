/**
 * Receiving a bundle (restricted side). `verify` runs every check and reads every byte, writing
 * nothing. `import` reads each package once — hashing while copying into the vault's staging folder —
 * and only when every package matched does it move them into the vault and record the bundle, the
 * signer's sequence and audit head in one transaction: nothing reaches the vault from a refused
 * import. A re-run after an interruption reuses staged files that were verified already.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { openSignedHead } from '../audit/audit-head.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { WitnessStore } from '../audit/witnesses.ts';
import { publicKeyFromRaw } from '../crypto/ed25519.ts';
import type { TaskRunner } from '../jobs/worker-tasks.ts';
import { fsyncPath } from '../store/exclusive-file.ts';
import { transaction, type Database } from '../store/database.ts';
import type { StationService } from '../stations/station-service.ts';
import { withImportLock } from '../vault/import-lock.ts';
import { ownedTempName, packagePath, stagingDir } from '../vault/vault-paths.ts';
import type { VaultService } from '../vault/vault-service.ts';
import { checkManifest, type CheckedManifest } from './bundle-check.ts';
import { extraFiles, planReads, type PlannedPackage } from './bundle-paths.ts';

/** What verifying (or importing) a bundle found. */
export interface BundleReport {
  id: string;
  sequence: number;
  createdAt: string;
  expiresAt: string;
  inReplyTo: string;
  signer: { fingerprint: string; name: string };
  packages: { name: string; kind: string; version: string; size: number; sha256: string; parts: number; inVault: boolean }[];
  /** Files in the bundle folder the manifest does not name: ignored, never imported. */
  extraFiles: string[];
  alreadyImported: boolean;
  clockAheadSeconds: number | null;
}

/** What an import adds: how many packages went into the vault and how many were there already. */
export interface ImportReport extends BundleReport {
  imported: number;
  alreadyInVault: number;
}

/** Progress across the whole bundle, in bytes. */
export type BundleProgress = (phase: 'verifying' | 'syncing', done: number, total: number) => void;

/** What receiving needs. */
export interface ReceiveDeps {
  dataDir: string;
  db: Database;
  audit: AuditLog;
  stations: StationService;
  witnesses: WitnessStore;
  vault: VaultService;
  run: TaskRunner;
  now: () => Date;
}

/** Checks the manifest and paths, then reads and hashes every byte; writes nothing. */
export async function verifyBundle(deps: ReceiveDeps, dir: string, at: Date, signal: AbortSignal, progress: BundleProgress = () => undefined): Promise<BundleReport> {
  const checked = checkManifest(dir, { db: deps.db, stations: deps.stations, at });
  const planned = planReads(dir, checked.manifest);
  checkHead(checked);
  const total = planned.reduce((sum, p) => sum + p.pkg.size, 0);
  let offset = 0;
  for (const { pkg, sources } of planned) {
    await deps.run({ type: 'parts', sources, expected: { file: pkg.file, size: pkg.size, sha256: pkg.sha256 } }, signal, (phase, done) => progress(phase, offset + done, total));
    offset += pkg.size;
  }
  return report(deps, dir, checked, planned);
}

/** Verifies while copying into staging, then moves everything into the vault at once. */
export async function importBundle(deps: ReceiveDeps, dir: string, signal: AbortSignal, progress: BundleProgress = () => undefined): Promise<ImportReport> {
  const checked = checkManifest(dir, { db: deps.db, stations: deps.stations, at: deps.now() });
  const planned = planReads(dir, checked.manifest);
  checkHead(checked);
  // One import per signer at a time: its sequence is checked and recorded without a race.
  return withImportLock(deps.dataDir, `signer-${checked.signer.fingerprint}`, () => {
    if (!checked.alreadyImported) checkSequence(deps.db, checked.signer.fingerprint, checked.manifest.sequence);
    return stageAndCommit(deps, dir, checked, planned, signal, progress);
  });
}

async function stageAndCommit(deps: ReceiveDeps, dir: string, checked: CheckedManifest, planned: PlannedPackage[], signal: AbortSignal, progress: BundleProgress): Promise<ImportReport> {
  const staging = stagingDir(deps.dataDir, checked.manifest.id);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  // Half-written copies of an ended run: never verified, and ours to remove now that we hold the lock.
  for (const name of readdirSync(staging)) if (name.endsWith('.ferry-part')) rmSync(join(staging, name), { force: true });
  // Every entry is read (as `verify` reads it); the same bytes listed twice, or already in the vault, are not copied again.
  const copies = new Set(planned.filter(({ pkg }, i) => planned.findIndex((p) => p.pkg.sha256 === pkg.sha256) === i && !inVault(deps, pkg.sha256)));
  const isStaged = (pkg: PlannedPackage['pkg']) => existsSync(join(staging, pkg.sha256)) && statSync(join(staging, pkg.sha256)).size === pkg.size;
  checkStagingSpace(staging, [...copies].filter((p) => !isStaged(p.pkg)).reduce((sum, p) => sum + p.pkg.size, 0));
  const total = planned.reduce((sum, p) => sum + p.pkg.size, 0);
  let offset = 0;
  try {
    for (const entry of planned) {
      const { pkg, sources } = entry;
      const expected = { file: pkg.file, size: pkg.size, sha256: pkg.sha256 };
      const onProgress = (phase: 'verifying' | 'syncing', done: number) => progress(phase, offset + done, total);
      // A staged file is named by its hash only after it was verified and synced: reused without the stick.
      if (!copies.has(entry)) await deps.run({ type: 'parts', sources, expected }, signal, onProgress);
      else if (!isStaged(pkg)) {
        const temp = join(staging, ownedTempName(`.${pkg.sha256}.`, '.ferry-part'));
        await deps.run({ type: 'parts', sources, expected, output: { dir: staging, name: pkg.sha256, temp } }, signal, onProgress);
      }
      offset += pkg.size;
      progress('verifying', offset, total);
    }
  } catch (error) {
    // A refused bundle leaves nothing behind; a cancel or a problem of this computer keeps what was
    // verified for the re-run.
    if (error instanceof FerryError && error.code !== 'JOB_CANCELLED' && !isEnvironment(error)) rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  await commit(deps, checked, planned, [...copies], staging, signal);
  rmSync(staging, { recursive: true, force: true });
  const unique = new Set(planned.map((p) => p.pkg.sha256)).size;
  return { ...report(deps, dir, checked, planned), imported: copies.size, alreadyInVault: unique - copies.size };
}

/** MANIFEST_ROLLBACK unless `sequence` exceeds every one accepted from `signer` (checked again under the lock). */
function checkSequence(db: Database, signer: string, sequence: number): void {
  const last = db.prepare('SELECT MAX(sequence) AS n FROM bundles_accepted WHERE signer = ?').get(signer) as { n: number | null };
  if (last.n !== null && sequence <= last.n) {
    throw new FerryError('MANIFEST_ROLLBACK', `The bundle has sequence ${sequence}, but ${last.n} from that station was accepted already`, { sequence, lastAccepted: last.n });
  }
}

/** MEDIA_FULL, with the numbers, when the data directory cannot hold what is to be staged. */
function checkStagingSpace(staging: string, bytes: number): void {
  const st = statfsSync(staging);
  const free = st.bavail * st.bsize;
  if (bytes > free) throw new FerryError('MEDIA_FULL', `The import needs ${bytes} bytes in ${staging}; ${free} are free`, { needed: bytes, free, mountPoint: staging });
}

/** The signed audit head a manifest carries must verify under the signer before anything is copied. */
function checkHead(checked: CheckedManifest) {
  const envelope = checked.manifest.auditHead;
  return envelope ? openSignedHead(envelope, { fingerprint: checked.signer.fingerprint, publicKey: publicKeyFromRaw(checked.signer.publicKey) }) : null;
}

/** Whether the file at `path` has the package's size and hash. */
async function holds(deps: ReceiveDeps, path: string, pkg: PlannedPackage['pkg'], signal: AbortSignal): Promise<boolean> {
  try {
    await deps.run({ type: 'parts', sources: [{ path, file: pkg.file, size: pkg.size, sha256: pkg.sha256, isPart: false }], expected: { file: pkg.file, size: pkg.size, sha256: pkg.sha256 } }, signal, () => undefined);
    return true;
  } catch (error) {
    if (error instanceof FerryError && (error.code === 'FILE_HASH_MISMATCH' || error.code === 'FILE_SIZE_MISMATCH')) return false;
    throw error;
  }
}

function inVault(deps: ReceiveDeps, sha256: string): boolean {
  return deps.vault.repo.get(sha256) !== undefined && existsSync(packagePath(deps.dataDir, sha256));
}

function isEnvironment(error: FerryError): boolean {
  return ['MEDIA_FULL', 'MEDIA_NOT_WRITABLE', 'DATA_DIR_BUSY', 'OUTPUT_NOT_WRITABLE'].includes(error.code);
}

/** Moves the staged files into the vault (read-only), then records everything in one transaction. */
async function commit(deps: ReceiveDeps, checked: CheckedManifest, planned: PlannedPackage[], copies: PlannedPackage[], staging: string, signal: AbortSignal): Promise<number> {
  for (const { pkg } of copies) {
    const target = packagePath(deps.dataDir, pkg.sha256);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const staged = join(staging, pkg.sha256);
    // A file already there (placed by an ended run, or left after its entry was removed) is kept only if it still is what its name says.
    if (existsSync(target) && await holds(deps, target, pkg, signal)) rmSync(staged, { force: true });
    else {
      if (existsSync(target)) chmodSync(target, 0o600);
      renameSync(staged, target);
    }
    chmodSync(target, 0o400);
    fsyncPath(dirname(target));
  }
  const m = checked.manifest;
  const at = deps.now().toISOString();
  return transaction(deps.db, () => {
    let added = 0;
    for (const { pkg } of planned) {
      const isNew = deps.vault.repo.insert({
        sha256: pkg.sha256, size: pkg.size, name: pkg.name, kind: pkg.kind, version: pkg.version, requires: pkg.requires ?? [],
        upgradesFrom: pkg.upgradesFrom ?? null, fileName: pkg.file.split('/').at(-1)!, vendorSha256: pkg.vendorSha256 ?? null,
        bundleId: m.id, requestId: m.inReplyTo, signer: checked.signer.fingerprint, importedAt: at, verifiedAt: at,
      });
      if (isNew) added += 1;
    }
    deps.db.prepare('INSERT OR IGNORE INTO bundles_accepted (id, signer, sequence, request_id, manifest_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(m.id, checked.signer.fingerprint, m.sequence, m.inReplyTo, checked.manifestSha256, at);
    if (m.auditHead) deps.witnesses.record({ fingerprint: checked.signer.fingerprint, publicKey: publicKeyFromRaw(checked.signer.publicKey) }, m.auditHead, `bundle ${m.id}`);
    deps.audit.append({ actor: 'user', action: 'bundle.imported', subject: m.id, details: { signer: checked.signer.name, sequence: m.sequence, request: m.inReplyTo, packages: planned.length, added } });
    return added;
  });
}

function report(deps: ReceiveDeps, dir: string, checked: CheckedManifest, planned: PlannedPackage[]): BundleReport {
  const m = checked.manifest;
  return {
    id: m.id, sequence: m.sequence, createdAt: m.createdAt, expiresAt: m.expiresAt, inReplyTo: m.inReplyTo,
    signer: { fingerprint: checked.signer.fingerprint, name: checked.signer.name },
    packages: planned.map(({ pkg }) => ({ name: pkg.name, kind: pkg.kind, version: pkg.version, size: pkg.size, sha256: pkg.sha256, parts: pkg.parts?.length ?? 0, inVault: inVault(deps, pkg.sha256) })),
    extraFiles: extraFiles(dir, planned),
    alreadyImported: checked.alreadyImported,
    clockAheadSeconds: checked.clockAheadSeconds,
  };
}
