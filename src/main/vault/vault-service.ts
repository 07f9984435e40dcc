/**
 * The vault: verified package files, content-addressed, and their index. Everything later (plans,
 * the technician's browser upload) uses these copies, never the stick. Removing one asks the person
 * first (the UI) and is audited; re-verifying reads the file again and compares with its name.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { syncFolder, tempPathFor } from '../jobs/copy-verify.ts';
import type { TaskRunner } from '../jobs/worker-tasks.ts';
import { transaction, type Database } from '../store/database.ts';
import { ownedTempName, packagePath, vaultRoot } from './vault-paths.ts';
import { VaultRepository, type VaultPackage } from './vault-repository.ts';

export type { VaultPackage } from './vault-repository.ts';

/** A file kept as evidence of a runbook step (a settings backup, an exported certificate). */
export interface EvidenceFile {
  sha256: string;
  size: number;
  fileName: string;
  importedAt: string;
}

interface EvidenceRow { sha256: string; size: number; file_name: string; imported_at: string }

/** Progress of a vault job in bytes. */
export type BytesProgress = (phase: string, done: number, total: number) => void;

/** The vault of one data directory. */
export class VaultService {
  readonly repo: VaultRepository;
  private readonly dataDir: string;
  private readonly db: Database;
  private readonly audit: AuditLog;
  private readonly run: TaskRunner;
  private readonly now: () => Date;

  constructor(dataDir: string, db: Database, audit: AuditLog, run: TaskRunner, now: () => Date = () => new Date()) {
    this.dataDir = dataDir;
    this.db = db;
    this.audit = audit;
    this.run = run;
    this.now = now;
    this.repo = new VaultRepository(db);
  }

  /** Every package in the vault. */
  list(): VaultPackage[] {
    return this.repo.list();
  }

  /** One package; FILE_MISSING when the vault has none with this hash. */
  get(sha256: string): VaultPackage {
    const found = this.repo.get(sha256);
    if (!found) throw new FerryError('FILE_MISSING', `No package with SHA-256 ${sha256} in the vault`, { sha256 });
    return found;
  }

  /** The hashes of every vault package (a request's `have`). */
  hashes(): string[] {
    return this.repo.hashes();
  }

  /** Where a package's bytes are. */
  pathOf(sha256: string): string {
    return packagePath(this.dataDir, this.get(sha256).sha256);
  }

  /** Free and total bytes where the vault lives. */
  space(): { freeBytes: number; totalBytes: number } {
    const st = statfsSync(this.dataDir);
    return { freeBytes: st.bavail * st.bsize, totalBytes: st.blocks * st.bsize };
  }

  /** Reads the package again: FILE_HASH_MISMATCH / FILE_SIZE_MISMATCH when it changed; else records when. */
  async reverify(sha256: string, signal: AbortSignal, progress: BytesProgress = () => undefined): Promise<VaultPackage> {
    const entry = this.get(sha256);
    const path = packagePath(this.dataDir, sha256);
    await this.run({
      type: 'parts',
      sources: [{ path, file: entry.fileName, size: entry.size, sha256, isPart: false }],
      expected: { file: entry.fileName, size: entry.size, sha256 },
    }, signal, progress);
    const at = this.now().toISOString();
    transaction(this.db, () => {
      this.repo.markVerified(sha256, at);
      this.audit.append({ actor: 'user', action: 'vault.verified', subject: sha256, details: { name: entry.name } });
    });
    return { ...entry, verifiedAt: at };
  }

  /**
   * Copies a package out of the vault into `dir` (for the browser upload on the appliance), under
   * the name it had in its bundle, checked against its hash while copying.
   */
  async exportTo(sha256: string, dir: string, signal: AbortSignal, progress: BytesProgress = () => undefined): Promise<string> {
    const entry = this.get(sha256);
    const name = basename(entry.fileName);
    const result = await this.run({
      type: 'copy', source: packagePath(this.dataDir, sha256), dir, name, temp: tempPathFor(dir, name),
      expected: { size: entry.size, sha256 }, mode: 0o644,
    }, signal, progress);
    this.audit.append({ actor: 'user', action: 'vault.exported', subject: sha256, details: { name: entry.name, file: result.name } });
    return result.name;
  }

  /** Removes a package (audited): the index first, then the file, so no entry ever points at nothing. */
  remove(sha256: string): void {
    const entry = this.get(sha256);
    transaction(this.db, () => {
      this.repo.remove(sha256);
      this.audit.append({ actor: 'user', action: 'vault.removed', subject: sha256, details: { name: entry.name, size: entry.size } });
    });
    // The same bytes kept as a runbook step's evidence stay: the record still points at them.
    if (this.db.prepare('SELECT 1 FROM vault_evidence WHERE sha256 = ?').get(sha256) !== undefined) return;
    const path = packagePath(this.dataDir, sha256);
    try {
      chmodSync(path, 0o600);
    } catch {
      // Already gone: nothing left to remove.
    }
    rmSync(path, { force: true });
  }

  /**
   * Copies a file into the vault as evidence, hashing it on the way: into a folder of this process
   * under `vault/tmp/`, then renamed to its hash (read-only) and recorded (audited). The same bytes
   * twice are one file (the fresh copy replaces the one there, healing a damaged one).
   */
  async importEvidence(source: string, signal: AbortSignal, progress: BytesProgress = () => undefined): Promise<EvidenceFile> {
    const staging = join(vaultRoot(this.dataDir), 'tmp', ownedTempName('evidence-', ''));
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    try {
      // The name as the person sees it, with direction overrides made visible (no "exe.nsb" spoofing).
      const name = basename(source).replace(/\p{Cf}/gu, '\uFFFD');
      const copied = await this.run({ type: 'copy', source, dir: staging, name: 'file', temp: tempPathFor(staging, 'file') }, signal, progress);
      const target = packagePath(this.dataDir, copied.sha256);
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      // The copy just hashed takes the place of whatever lies there: identical bytes if all is well,
      // and a damaged earlier copy is healed rather than kept.
      if (existsSync(target)) chmodSync(target, 0o600);
      renameSync(join(staging, 'file'), target);
      chmodSync(target, 0o400);
      await syncFolder(dirname(target));
      const at = this.now().toISOString();
      return transaction(this.db, () => {
        const existing = this.db.prepare('SELECT * FROM vault_evidence WHERE sha256 = ?').get(copied.sha256) as EvidenceRow | undefined;
        if (existing) return evidenceOf(existing);
        this.db.prepare('INSERT INTO vault_evidence (sha256, size, file_name, imported_at) VALUES (?, ?, ?, ?)').run(copied.sha256, copied.size, name, at);
        this.audit.append({ actor: 'user', action: 'vault.evidenceImported', subject: copied.sha256, details: { file: name, size: copied.size } });
        return { sha256: copied.sha256, size: copied.size, fileName: name, importedAt: at };
      });
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /** An evidence file; FILE_MISSING when the vault has none with this hash (or its bytes are gone). */
  evidence(sha256: string): EvidenceFile {
    const row = this.db.prepare('SELECT * FROM vault_evidence WHERE sha256 = ?').get(sha256) as EvidenceRow | undefined;
    if (!row || !existsSync(packagePath(this.dataDir, sha256))) throw new FerryError('FILE_MISSING', `No evidence file with SHA-256 ${sha256.slice(0, 64)} in the vault`, { sha256: sha256.slice(0, 64) });
    return evidenceOf(row);
  }

  /** The vault folder (for messages). */
  get root(): string {
    return vaultRoot(this.dataDir);
  }
}

function evidenceOf(r: EvidenceRow): EvidenceFile {
  return { sha256: r.sha256, size: r.size, fileName: r.file_name, importedAt: r.imported_at };
}
