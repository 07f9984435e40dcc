/**
 * Receiving a bundle (restricted side). `verify` runs every check and reads every byte, writing
 * nothing. `import` reads each package once — hashing while copying into the vault's staging folder —
 * and only when every package matched does it move them into the vault and record the bundle, the
 * signer's sequence and audit head in one transaction: nothing reaches the vault from a refused
 * import. A re-run after an interruption reuses staged files that were verified already.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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
import { packagePath, stagingDir } from '../vault/vault-paths.ts';
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
  return withImportLock(deps.dataDir, checked.manifest.id, () => stageAndCommit(deps, dir, checked, planned, signal, progress));
}

async function stageAndCommit(deps: ReceiveDeps, dir: string, checked: CheckedManifest, planned: PlannedPackage[], signal: AbortSignal, progress: BundleProgress): Promise<ImportReport> {
  const staging = stagingDir(deps.dataDir, checked.manifest.id);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  // The same bytes listed twice are read and placed once.
  const todo = planned.filter(({ pkg }, i) => !inVault(deps, pkg.sha256) && planned.findIndex((p) => p.pkg.sha256 === pkg.sha256) === i);
  const total = todo.reduce((sum, p) => sum + p.pkg.size, 0);
  let offset = 0;
  try {
    for (const { pkg, sources } of todo) {
      const staged = join(staging, pkg.sha256);
      // Named by its hash only after it was verified and synced: safe to reuse without the stick.
      if (!(existsSync(staged) && statSync(staged).size === pkg.size)) {
        const temp = join(staging, `.${pkg.sha256}.${randomBytes(6).toString('hex')}.ferry-part`);
        await deps.run({ type: 'parts', sources, expected: { file: pkg.file, size: pkg.size, sha256: pkg.sha256 }, output: { dir: staging, name: pkg.sha256, temp } },
          signal, (phase, done) => progress(phase, offset + done, total));
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
  const imported = commit(deps, checked, planned, todo, staging);
  rmSync(staging, { recursive: true, force: true });
  return { ...report(deps, dir, checked, planned), imported, alreadyInVault: planned.length - imported };
}

/** The signed audit head a manifest carries must verify under the signer before anything is copied. */
function checkHead(checked: CheckedManifest) {
  const envelope = checked.manifest.auditHead;
  return envelope ? openSignedHead(envelope, { fingerprint: checked.signer.fingerprint, publicKey: publicKeyFromRaw(checked.signer.publicKey) }) : null;
}

function inVault(deps: ReceiveDeps, sha256: string): boolean {
  return deps.vault.repo.get(sha256) !== undefined && existsSync(packagePath(deps.dataDir, sha256));
}

function isEnvironment(error: FerryError): boolean {
  return ['MEDIA_FULL', 'MEDIA_NOT_WRITABLE', 'DATA_DIR_BUSY', 'OUTPUT_NOT_WRITABLE'].includes(error.code);
}

/** Moves the staged files into the vault (read-only), then records everything in one transaction. */
function commit(deps: ReceiveDeps, checked: CheckedManifest, planned: PlannedPackage[], todo: PlannedPackage[], staging: string): number {
  for (const { pkg } of todo) {
    const target = packagePath(deps.dataDir, pkg.sha256);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    // A file already there was placed by an earlier run of this import, from a verified staged file.
    if (existsSync(target) && statSync(target).size === pkg.size) rmSync(join(staging, pkg.sha256), { force: true });
    else renameSync(join(staging, pkg.sha256), target);
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
