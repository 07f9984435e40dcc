/**
 * Requests (restricted side → connected side): which appliances, at which versions, with which
 * download keys, aiming at which target, and which packages the vault holds already. Signed as a DSSE
 * envelope, written to `<medium>/FERRY/requests/<site>-<UTC yyyymmddThhmm>.request.json`, recorded here
 * so a bundle can only answer a request this station made.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { REQUEST_PAYLOAD_TYPE, RequestSchema, type DsseEnvelope, type FerryRequest } from '../../shared/formats.ts';
import { fatSafeName } from '../../shared/transfer/fat-name.ts';
import { keyAge } from '../../shared/transfer/download-key.ts';
import { isHostname } from '../../shared/hostname.ts';
import { isVersion } from '../../shared/versions.ts';
import type { ApplianceService } from '../appliances/appliance-service.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { signEnvelope } from '../crypto/dsse.ts';
import { rawPublicKeyFromPem } from '../crypto/ed25519.ts';
import { writeUnderFreeName } from '../files/atomic-write.ts';
import type { StationService } from '../stations/station-service.ts';
import { transaction, type Database } from '../store/database.ts';
import type { VaultService } from '../vault/vault-service.ts';
import type { VolumeProvider } from '../media/volume.ts';
import { checkMedium, ensureFolders, MEDIUM_ROOT, mediumFolder } from './medium-folder.ts';
import { openSigned, type OpenedSigned } from './signed-file.ts';

/** What `request create` reports. */
export interface CreatedRequest {
  file: string;
  id: string;
  appliances: number;
  have: number;
  /** Appliances without a download key, or with one older than the warning age. */
  warnings: { appliance: string; problem: 'noKey' | 'keyStale'; ageDays?: number }[];
}

/** Room a request needs on the medium (it is a few kilobytes; the rest is the file system's). */
const REQUEST_SPACE = 256 * 1024;

/** Roles whose host name names the site, best first (the site's public name is the primary's). */
const SITE_ROLES = ['primary', 'standalone', 'master', 'backup', 'traffic'];

/** Writes and reads requests. */
export class RequestService {
  private readonly db: Database;
  private readonly audit: AuditLog;
  private readonly stations: StationService;
  private readonly appliances: ApplianceService;
  private readonly vault: VaultService;
  private readonly volumes: VolumeProvider;
  private readonly now: () => Date;

  constructor(deps: { db: Database; audit: AuditLog; stations: StationService; appliances: ApplianceService; vault: VaultService; volumes: VolumeProvider; now?: () => Date }) {
    this.db = deps.db;
    this.audit = deps.audit;
    this.stations = deps.stations;
    this.appliances = deps.appliances;
    this.vault = deps.vault;
    this.volumes = deps.volumes;
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Signs a request for every appliance in the inventory and writes it onto the medium at `out`.
   * `requireMedium` (the app): `out` must be a detected volume that is not a system volume.
   */
  async create(out: string, options: { target?: string; site?: string; dataDir: string; requireMedium?: boolean }): Promise<CreatedRequest> {
    const target = options.target ?? 'latest';
    if (target !== 'latest' && !isVersion(target)) throw new FerryError('VERSION_INVALID', `--target "${target.slice(0, 100)}" is neither a version nor "latest"`, { field: 'target' });
    const medium = mediumFolder(out, options.dataDir);
    await checkMedium(this.volumes, medium, REQUEST_SPACE, options.requireMedium ?? false);
    const appliances = this.appliances.list();
    if (appliances.length === 0) throw new FerryError('USAGE', 'The inventory has no appliances yet: add them first (ferry appliance add)', { reason: 'no-appliances' });
    const site = (options.site ?? [...appliances].sort((a, b) => SITE_ROLES.indexOf(a.role) - SITE_ROLES.indexOf(b.role))[0]!.hostname).trim();
    if (!isHostname(site)) throw new FerryError('USAGE', `The site "${site.slice(0, 100)}" is not a host name (e.g. support.example.com)`, { field: 'site' });
    const station = this.stations.show();
    const privateKey = this.stations.privateKey();
    const now = this.now();
    const id = randomUUID();
    const warnings: CreatedRequest['warnings'] = [];
    const entries = appliances.map((a) => {
      const key = this.appliances.downloadKey(a.id);
      if (key === null) warnings.push({ appliance: a.name, problem: 'noKey' });
      else if (a.downloadKey && keyAge(a.downloadKey.capturedAt, now).stale) warnings.push({ appliance: a.name, problem: 'keyStale', ageDays: a.downloadKey.ageDays });
      return { id: a.id, name: a.name, role: a.role, hostname: a.hostname, base: a.base, siteVersion: a.siteVersion, downloadKey: key ?? '', keyCapturedAt: a.downloadKey?.capturedAt ?? '' };
    });
    const have = this.vault.hashes();
    const folder = ensureFolders(medium, [MEDIUM_ROOT, 'requests']);
    // The site part is shortened so the whole name stays within what FAT allows.
    const base = `${fatSafeName(site.slice(0, 180), 'site')}-${stamp(now)}`;
    const draft = {
      format: 1, id, createdAt: now.toISOString(),
      station: { name: station.name, fingerprint: station.fingerprint, publicKey: rawPublicKeyFromPem(station.publicKeyPem).toString('base64') },
      site, appliances: entries, target: { siteVersion: target }, have,
    };
    let written: string | null = null;
    try {
      return transaction(this.db, () => {
        this.db.prepare('INSERT INTO requests (id, created_at, site, target, appliances, file_name) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, now.toISOString(), site, JSON.stringify({ siteVersion: target }), JSON.stringify(appliances.map((a) => a.id)), base);
        this.audit.append({ actor: 'user', action: 'request.created', subject: id, details: { site, target, appliances: appliances.length, have: have.length } });
        // The head just signed covers this very entry: the other side witnesses the log up to here.
        const payload: FerryRequest = RequestSchema.parse({ ...draft, auditHead: this.audit.signedHead() as DsseEnvelope });
        const envelope = signEnvelope(REQUEST_PAYLOAD_TYPE, Buffer.from(canonicalJson(payload), 'utf8'), privateKey, station.fingerprint);
        // A second request in the same minute (another process too) takes the next free name, never this one's.
        written = writeUnderFreeName(folder, base, '.request.json', JSON.stringify(envelope, null, 2) + '\n');
        this.db.prepare('UPDATE requests SET file_name = ? WHERE id = ?').run(basename(written), id);
        return { file: written, id, appliances: entries.length, have: have.length, warnings };
      });
    } catch (error) {
      // Not recorded here means not answerable: the file must not stay on the medium either.
      if (written !== null) rmSync(written, { force: true });
      throw error;
    }
  }

  /** Whether this station wrote the request with this id. */
  isOwn(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM requests WHERE id = ?').get(id) !== undefined;
  }

  /** Opens a request file's text: signature checked under the key it names; trust is the caller's question. */
  open(text: string): OpenedSigned<FerryRequest> {
    return openSigned(text, REQUEST_PAYLOAD_TYPE, RequestSchema, 'request');
  }
}

/** `yyyymmddThhmm` in UTC. */
function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').slice(0, 13);
}

