/** SQL of the appliance inventory and its sealed download keys. */
import type { Database } from '../store/database.ts';

/** An appliance row as stored. */
export interface ApplianceRow {
  id: string; name: string; hostname: string; role: string; region: string | null; topology: string;
  base: string; site_version: string; serial: string | null; stored_data_gib: number | null;
  created_at: string; updated_at: string;
}

/** A download key row as stored (the key itself sealed). */
export interface DownloadKeyRow {
  appliance_id: string; key_sealed: Uint8Array; protection: 'safeStorage' | 'file-key';
  captured_at: string; appliance_time: string | null; drift_seconds: number | null;
}

/** Reads and writes appliances and download keys. */
export class ApplianceRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  list(): ApplianceRow[] {
    return this.db.prepare('SELECT * FROM appliances ORDER BY name').all() as unknown as ApplianceRow[];
  }

  byName(name: string): ApplianceRow | undefined {
    return this.db.prepare('SELECT * FROM appliances WHERE name = ?').get(name) as ApplianceRow | undefined;
  }

  byId(id: string): ApplianceRow | undefined {
    return this.db.prepare('SELECT * FROM appliances WHERE id = ?').get(id) as ApplianceRow | undefined;
  }

  insert(r: ApplianceRow): void {
    this.db.prepare(`INSERT INTO appliances (id, name, hostname, role, region, topology, base, site_version, serial, stored_data_gib, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.name, r.hostname, r.role, r.region, r.topology, r.base, r.site_version, r.serial, r.stored_data_gib, r.created_at, r.updated_at);
  }

  setVersions(id: string, base: string, siteVersion: string, at: string): void {
    this.db.prepare('UPDATE appliances SET base = ?, site_version = ?, updated_at = ? WHERE id = ?').run(base, siteVersion, at, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM appliances WHERE id = ?').run(id);
  }

  key(applianceId: string): DownloadKeyRow | undefined {
    return this.db.prepare('SELECT * FROM download_keys WHERE appliance_id = ?').get(applianceId) as DownloadKeyRow | undefined;
  }

  setKey(r: DownloadKeyRow): void {
    this.db.prepare(`INSERT INTO download_keys (appliance_id, key_sealed, protection, captured_at, appliance_time, drift_seconds) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (appliance_id) DO UPDATE SET key_sealed = excluded.key_sealed, protection = excluded.protection,
      captured_at = excluded.captured_at, appliance_time = excluded.appliance_time, drift_seconds = excluded.drift_seconds`)
      .run(r.appliance_id, r.key_sealed, r.protection, r.captured_at, r.appliance_time, r.drift_seconds);
  }
}
