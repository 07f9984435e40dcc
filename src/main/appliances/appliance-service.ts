/**
 * The appliance inventory (restricted side): name, hostname, role, topology, versions, and the
 * appliance download key — checked for shape, sealed like the station key, shown masked, with its
 * age and how far the appliance's clock was from this computer's when it was captured (the key
 * depends on the appliance's clock; the guide's note under "Manuelle Installation").
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApplianceInputSchema, ApplianceSchema } from '../../shared/contract/appliance.ts';
import { FerryError } from '../../shared/errors.ts';
import { isHostname } from '../../shared/hostname.ts';
import { parseInstant } from '../../shared/instant.ts';
import { normalizeName } from '../../shared/names.ts';
import { checkDownloadKey, CLOCK_DRIFT_WARN_SECONDS, clockDrift, keyAge, maskKey } from '../../shared/transfer/download-key.ts';
import { isVersion } from '../../shared/versions.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { openSealed, type SecretProtector } from '../stations/secret-protector.ts';
import { transaction, type Database } from '../store/database.ts';
import { ApplianceRepository, type ApplianceRow } from './appliance-repository.ts';

export type ApplianceInput = z.input<typeof ApplianceInputSchema>;
export type Appliance = z.output<typeof ApplianceSchema>;

/** The topology a role implies when none is given. */
const TOPOLOGY_OF_ROLE = { standalone: 'single', primary: 'failover', backup: 'failover', master: 'atlas', traffic: 'atlas' } as const;

/** VERSION_INVALID naming the field, for what is not a version (e.g. `latest`). */
function checkVersion(field: 'base' | 'site', value: string): void {
  if (!isVersion(value.trim())) throw new FerryError('VERSION_INVALID', `The ${field} version "${value.slice(0, 100)}" is not a version (e.g. 12.2.0)`, { field, value: value.slice(0, 100) });
}

/** The inventory of one data directory. */
export class ApplianceService {
  private readonly repo: ApplianceRepository;
  private readonly db: Database;
  private readonly audit: AuditLog;
  /** The first seals new keys; each opens keys sealed with its kind. */
  private readonly protectors: readonly SecretProtector[];
  private readonly now: () => Date;

  constructor(db: Database, audit: AuditLog, protectors: readonly SecretProtector[], now: () => Date = () => new Date()) {
    this.db = db;
    this.audit = audit;
    this.protectors = protectors;
    this.now = now;
    this.repo = new ApplianceRepository(db);
  }

  /** Adds an appliance (with its download key, if given); names are unique. */
  add(input: ApplianceInput): Appliance {
    const name = normalizeName(input.name, 'appliance name');
    const hostname = input.hostname.trim();
    if (!isHostname(hostname)) throw new FerryError('USAGE', `Not a host name: "${hostname.slice(0, 100)}" (e.g. support.example.com, without https://)`, { field: 'hostname' });
    checkVersion('base', input.base);
    checkVersion('site', input.siteVersion);
    const region = input.region === undefined ? null : normalizeName(input.region, 'region');
    if (region !== null && input.role !== 'traffic') throw new FerryError('USAGE', 'Only traffic nodes of an Atlas cluster have a region', { field: 'region' });
    const key = input.downloadKey === undefined ? undefined : checkDownloadKey(input.downloadKey);
    const at = this.now().toISOString();
    const row: ApplianceRow = {
      id: randomUUID(), name, hostname, role: input.role, region, topology: input.topology ?? TOPOLOGY_OF_ROLE[input.role],
      base: input.base.trim(), site_version: input.siteVersion.trim(), serial: input.serial?.trim() || null,
      stored_data_gib: input.storedDataGib ?? null, created_at: at, updated_at: at,
    };
    return transaction(this.db, () => {
      if (this.repo.byName(name)) throw new FerryError('USAGE', `An appliance named "${name}" exists already`, { field: 'name', reason: 'exists' });
      this.repo.insert(row);
      this.audit.append({ actor: 'user', action: 'appliance.added', subject: row.id, details: { name, role: row.role, base: row.base, site: row.site_version } });
      if (key !== undefined) this.storeKey(row.id, name, key, input.applianceTime);
      return this.show(row.id);
    });
  }

  /** Captures (or replaces) an appliance's download key, comparing its clock with this computer's. */
  setDownloadKey(idOrName: string, text: string, applianceTime?: string): Appliance {
    const key = checkDownloadKey(text);
    return transaction(this.db, () => {
      const row = this.find(idOrName);
      this.storeKey(row.id, row.name, key, applianceTime);
      return this.show(row.id);
    });
  }

  /**
   * Corrects the versions the inventory holds (after an upgrade, or from a status reading that shows
   * the inventory is out of date). Audited with before and after and where the new values came from;
   * the same values again change nothing and write no entry.
   */
  setVersions(idOrName: string, base: string, siteVersion: string, source: 'hand' | 'link-reading' = 'hand'): Appliance {
    checkVersion('base', base);
    checkVersion('site', siteVersion);
    const next = { base: base.trim(), site: siteVersion.trim() };
    return transaction(this.db, () => {
      const row = this.find(idOrName);
      if (row.base === next.base && row.site_version === next.site) return this.show(row.id);
      this.repo.setVersions(row.id, next.base, next.site, this.now().toISOString());
      this.audit.append({ actor: 'user', action: 'appliance.versionsChanged', subject: row.id, details: {
        name: row.name, from: `Base ${row.base} · Site ${row.site_version}`, to: `Base ${next.base} · Site ${next.site}`, source,
      } });
      return this.show(row.id);
    });
  }

  /** The download key in clear, for the request and for "copy" on the connected side. */
  downloadKey(idOrName: string): string | null {
    const row = this.find(idOrName);
    const key = this.repo.key(row.id);
    return key ? openSealed(this.protectors, key.protection, key.key_sealed, 'download key').toString('utf8') : null;
  }

  /** Every appliance, by name. */
  list(): Appliance[] {
    return this.repo.list().map((r) => this.toAppliance(r));
  }

  /** One appliance by id or name. */
  show(idOrName: string): Appliance {
    return this.toAppliance(this.find(idOrName));
  }

  private find(idOrName: string): ApplianceRow {
    const row = this.repo.byId(idOrName) ?? this.repo.byName(idOrName);
    if (!row) throw new FerryError('USAGE', `No appliance "${idOrName.slice(0, 100)}" in the inventory`, { reason: 'unknown-appliance' });
    return row;
  }

  private storeKey(id: string, name: string, key: string, applianceTime: string | undefined): void {
    if (applianceTime !== undefined && parseInstant(applianceTime) === null) {
      throw new FerryError('USAGE', `The appliance time "${applianceTime.slice(0, 60)}" is not an ISO-8601 time (e.g. 2026-11-27T14:03:12Z)`, { field: 'applianceTime' });
    }
    const host = this.now();
    const drift = applianceTime === undefined ? null : clockDrift(applianceTime, host);
    const protector = this.protectors[0]!;
    this.repo.setKey({
      appliance_id: id, key_sealed: protector.seal(Buffer.from(key, 'utf8')), protection: protector.kind,
      captured_at: host.toISOString(), appliance_time: applianceTime ?? null, drift_seconds: drift?.seconds ?? null,
    });
    // The key never goes into the log, not even in part: only that one was captured, and a short
    // hash that tells two captures apart without revealing anything of the key.
    const keyId = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
    this.audit.append({ actor: 'user', action: 'appliance.keyCaptured', subject: id, details: { name, keyId, ...(drift ? { driftSeconds: drift.seconds } : {}) } });
  }

  private toAppliance(r: ApplianceRow): Appliance {
    const key = this.repo.key(r.id);
    const now = this.now();
    let downloadKey: Appliance['downloadKey'] = null;
    if (key) {
      const age = keyAge(key.captured_at, now);
      let masked = '••••';
      try {
        masked = maskKey(openSealed(this.protectors, key.protection, key.key_sealed, 'download key').toString('utf8'));
      } catch {
        // The list still shows that a key exists when this process cannot open it (the CLI and a keychain key).
      }
      const drift = key.drift_seconds;
      downloadKey = { masked, capturedAt: key.captured_at, ageDays: age.days, stale: age.stale, driftSeconds: drift, driftWarning: drift !== null && Math.abs(drift) > CLOCK_DRIFT_WARN_SECONDS };
    }
    return {
      id: r.id, name: r.name, hostname: r.hostname, role: r.role as Appliance['role'], region: r.region,
      topology: r.topology as Appliance['topology'], base: r.base, siteVersion: r.site_version, serial: r.serial,
      storedDataGib: r.stored_data_gib, downloadKey, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }
}
