/**
 * The vault: verified package files, content-addressed, and their index. Everything later (plans,
 * the technician's browser upload) uses these copies, never the stick. Removing one asks the person
 * first (the UI) and is audited; re-verifying reads the file again and compares with its name.
 */
import { chmodSync, rmSync, statfsSync } from 'node:fs';
import { basename } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { tempPathFor } from '../jobs/copy-verify.ts';
import type { TaskRunner } from '../jobs/worker-tasks.ts';
import { transaction, type Database } from '../store/database.ts';
import { packagePath, vaultRoot } from './vault-paths.ts';
import { VaultRepository, type VaultPackage } from './vault-repository.ts';

export type { VaultPackage } from './vault-repository.ts';

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
    const path = packagePath(this.dataDir, sha256);
    try {
      chmodSync(path, 0o600);
    } catch {
      // Already gone: nothing left to remove.
    }
    rmSync(path, { force: true });
  }

  /** The vault folder (for messages). */
  get root(): string {
    return vaultRoot(this.dataDir);
  }
}
