/** SQL of the vault index (`vault_packages`). */
import type { z } from 'zod';
import type { VaultPackageSchema } from '../../shared/contract/vault.ts';
import type { Database } from '../store/database.ts';

/** A vault entry as services and the UI see it. */
export type VaultPackage = z.output<typeof VaultPackageSchema>;

interface Row {
  sha256: string; size: number; name: string; kind: string; version: string; requires: string;
  upgrades_from: string | null; file_name: string; vendor_sha256: string | null; bundle_id: string;
  request_id: string; signer: string; imported_at: string; verified_at: string;
}

function fromRow(r: Row): VaultPackage {
  return {
    sha256: r.sha256, size: r.size, name: r.name, kind: r.kind as VaultPackage['kind'], version: r.version,
    requires: JSON.parse(r.requires) as VaultPackage['requires'], upgradesFrom: r.upgrades_from, fileName: r.file_name,
    vendorSha256: r.vendor_sha256, bundleId: r.bundle_id, requestId: r.request_id, signer: r.signer,
    importedAt: r.imported_at, verifiedAt: r.verified_at,
  };
}

/** Reads and writes the vault index. */
export class VaultRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  list(): VaultPackage[] {
    return (this.db.prepare('SELECT * FROM vault_packages ORDER BY kind, name, version').all() as unknown as Row[]).map(fromRow);
  }

  get(sha256: string): VaultPackage | undefined {
    const row = this.db.prepare('SELECT * FROM vault_packages WHERE sha256 = ?').get(sha256) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Every hash in the vault (a request's `have`). */
  hashes(): string[] {
    return (this.db.prepare('SELECT sha256 FROM vault_packages ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);
  }

  /** Registers a verified file; one already registered keeps its first origin. Returns whether it was new. */
  insert(p: VaultPackage): boolean {
    const result = this.db.prepare(`INSERT OR IGNORE INTO vault_packages
      (sha256, size, name, kind, version, requires, upgrades_from, file_name, vendor_sha256, bundle_id, request_id, signer, imported_at, verified_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      p.sha256, p.size, p.name, p.kind, p.version, JSON.stringify(p.requires), p.upgradesFrom, p.fileName,
      p.vendorSha256, p.bundleId, p.requestId, p.signer, p.importedAt, p.verifiedAt);
    return Number(result.changes) > 0;
  }

  markVerified(sha256: string, at: string): void {
    this.db.prepare('UPDATE vault_packages SET verified_at = ? WHERE sha256 = ?').run(at, sha256);
  }

  remove(sha256: string): void {
    this.db.prepare('DELETE FROM vault_packages WHERE sha256 = ?').run(sha256);
  }
}
