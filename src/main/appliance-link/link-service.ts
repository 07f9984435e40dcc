/**
 * The optional read-only link to an appliance (issue: appliance link). Everything works without it;
 * with it, versions, the failover state, the settings backup and the Jump Client list come from the
 * appliance itself. The API account's secret is sealed like the download key and never logged,
 * printed or saved in clear; the certificate is pinned on first use after the person confirmed its
 * fingerprint; each reading is kept with its time as evidence and audited.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { FerryError } from '../../shared/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { ApplianceService } from '../appliances/appliance-service.ts';
import { openSealed, type SecretProtector } from '../stations/secret-protector.ts';
import { transaction, type Database } from '../store/database.ts';
import { ownedTempName, vaultRoot } from '../vault/vault-paths.ts';
import type { EvidenceFile, VaultService } from '../vault/vault-service.ts';
import type { ApiInfo, ApplianceJumpClient, Health } from './answers.ts';
import { ApplianceApi, requirePermission } from './appliance-api.ts';
import { applianceOrigin, normaliseFingerprint, presentedCertificate, type PresentedCertificate } from './pinned-https.ts';

/** A stored link, without its secret. */
export interface ApplianceLink {
  origin: string;
  clientId: string;
  pin: string;
  linkedAt: string;
}

/** What linking found: the link and what the account may do. */
export interface LinkResult extends ApplianceLink {
  name: string;
  apiVersion: string | null;
  permissions: Record<string, string>;
}

/** A status reading, with the time it was read. */
export interface StatusReading extends Health {
  /** The reading's id (runbook evidence names it). */
  id: string;
  name: string;
  readAt: string;
  apiVersion: string | null;
  /** Seconds between the last data sync and the reading (null without failover). */
  syncAgeSeconds: number | null;
  /** The site version the inventory holds for this appliance, to compare with. */
  inventorySiteVersion: string;
  /** The appliance's clock when read (get_api_info), and how far it is ahead of this computer's (seconds); null when not stated. */
  applianceTime: string | null;
  clockSkewSeconds: number | null;
  /** What the API account may do, as get_api_info said at this reading (perm_… → value). */
  permissions: Record<string, string>;
}

interface LinkRow {
  appliance_id: string; origin: string; client_id: string; secret_sealed: Uint8Array; protection: SecretProtector['kind'];
  pin_sha256: string; linked_at: string; appliance_guid: string | null;
}

export interface LinkServiceDeps {
  dataDir: string;
  db: Database;
  audit: AuditLog;
  appliances: ApplianceService;
  vault: VaultService;
  protectors: readonly SecretProtector[];
  now?: () => Date;
  timeoutMs?: number;
}

/** A client id as the appliance shows it: printable, without spaces, of a sane length. */
function checkClientId(text: string): string {
  const id = text.trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(id) || id.includes(':')) throw new FerryError('USAGE', 'The client id is the "OAuth Client ID" of the API account (letters and digits, no spaces)', { field: 'clientId' });
  return id;
}

function checkSecret(text: string): string {
  const secret = text.replace(/\r?\n$/, '');
  if (!/^[\x21-\x7e]{1,500}$/.test(secret)) throw new FerryError('USAGE', 'The client secret is the "OAuth Client Secret" shown once when the API account was saved (no spaces or line breaks)', { field: 'secret' });
  return secret;
}

/** Links, readings, backups and Jump Client lists through the appliance's documented APIs. */
export class LinkService {
  private readonly deps: LinkServiceDeps;
  private readonly now: () => Date;
  /** One API client per link, so a token is reused while it is valid. */
  private readonly apis = new Map<string, { linkedAt: string; api: ApplianceApi }>();

  constructor(deps: LinkServiceDeps) {
    this.deps = deps;
    this.now = deps.now ?? (() => new Date());
  }

  /** The certificate `url` presents now, for the person to compare before confirming it. */
  async certificate(url: string, signal?: AbortSignal): Promise<PresentedCertificate & { origin: string }> {
    const origin = applianceOrigin(url);
    return { origin: origin.origin, ...(await presentedCertificate(origin, this.timeoutMs, signal)) };
  }

  /**
   * Links an appliance: the certificate must be the confirmed `pin` (without one: LINK_NOT_PINNED,
   * with the fingerprint to confirm), the account must sign in; then the link is stored (replacing
   * an earlier one) and audited — without the secret.
   */
  async link(nameOrId: string, input: { url: string; clientId: string; secret: string; pin?: string | undefined }, signal?: AbortSignal): Promise<LinkResult> {
    const appliance = this.deps.appliances.show(nameOrId);
    const origin = applianceOrigin(input.url);
    const clientId = checkClientId(input.clientId);
    const secret = checkSecret(input.secret);
    if (input.pin === undefined) {
      const certificate = await presentedCertificate(origin, this.timeoutMs, signal);
      throw new FerryError('LINK_NOT_PINNED', `${origin.host} presents a certificate with SHA-256 ${certificate.sha256}; compare it with the appliance's and confirm it (--pin)`, {
        host: origin.host, fingerprint: certificate.sha256, subject: certificate.subject, issuer: certificate.issuer, validTo: certificate.validTo,
      });
    }
    const pin = normaliseFingerprint(input.pin);
    if (pin === null) throw new FerryError('FINGERPRINT_MALFORMED', 'The certificate fingerprint has 64 characters 0–9 and a–f (colons, spaces and case do not matter)', { field: 'pin' });
    const api = new ApplianceApi({ origin, clientId, secret, pin }, this.apiOptions());
    const info = await api.apiInfo(signal);
    // Which appliance answers here, by its own ID: later readings must come from the same one.
    let guid: string | null = null;
    if (info.permissions.perm_command !== 'deny') {
      try {
        guid = (await api.health(signal)).applianceId;
      } catch (error) {
        if (!(error instanceof FerryError) || error.code !== 'LINK_PERMISSION_MISSING') throw error;
      }
    }
    const at = this.now().toISOString();
    const protector = this.deps.protectors[0]!;
    transaction(this.deps.db, () => {
      this.deps.db.prepare(`INSERT INTO appliance_links (appliance_id, origin, client_id, secret_sealed, protection, pin_sha256, linked_at, appliance_guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (appliance_id) DO UPDATE SET origin = excluded.origin, client_id = excluded.client_id, secret_sealed = excluded.secret_sealed,
        protection = excluded.protection, pin_sha256 = excluded.pin_sha256, linked_at = excluded.linked_at, appliance_guid = excluded.appliance_guid`)
        .run(appliance.id, origin.origin, clientId, protector.seal(Buffer.from(secret, 'utf8')), protector.kind, pin, at, guid);
      this.deps.audit.append({ actor: 'user', action: 'appliance.linked', subject: appliance.id, details: { name: appliance.name, origin: origin.origin, clientId, pin, permissions: info.permissions, ...(guid ? { applianceGuid: guid } : {}) } });
    });
    this.apis.set(appliance.id, { linkedAt: at, api });
    return { name: appliance.name, origin: origin.origin, clientId, pin, linkedAt: at, apiVersion: info.apiVersion, permissions: info.permissions };
  }

  /** Removes an appliance's link (its readings stay as evidence). */
  unlink(nameOrId: string): void {
    const appliance = this.deps.appliances.show(nameOrId);
    transaction(this.deps.db, () => {
      const removed = this.deps.db.prepare('DELETE FROM appliance_links WHERE appliance_id = ?').run(appliance.id).changes;
      if (removed === 0) throw new FerryError('LINK_MISSING', `"${appliance.name}" has no link`, { name: appliance.name });
      this.deps.audit.append({ actor: 'user', action: 'appliance.unlinked', subject: appliance.id, details: { name: appliance.name } });
    });
    this.apis.delete(appliance.id);
  }

  /** An appliance's link without its secret, or null. */
  linkOf(nameOrId: string): ApplianceLink | null {
    const row = this.row(this.deps.appliances.show(nameOrId).id);
    return row ? { origin: row.origin, clientId: row.client_id, pin: row.pin_sha256, linkedAt: row.linked_at } : null;
  }

  /** Reads version, failover role, health and last data sync; keeps the reading (with its time) and audits it. */
  async status(nameOrId: string, signal?: AbortSignal): Promise<StatusReading> {
    const { appliance, row, api } = this.apiFor(nameOrId);
    const info = await api.apiInfo(signal);
    requirePermission(info, 'status');
    const health = await api.health(signal);
    const readAt = this.now();
    const expected = row.appliance_guid;
    if (expected !== null && health.applianceId !== expected) {
      throw new FerryError('LINK_APPLIANCE_MISMATCH', `Another appliance answers at ${row.origin} (ID ${health.applianceId ?? 'none'}, linked: ${expected})`, {
        expected, actual: health.applianceId, host: health.hostname,
      });
    }
    const applianceNow = info.timestamp === null ? NaN : Date.parse(info.timestamp);
    const reading: StatusReading = {
      id: randomUUID(), name: appliance.name, readAt: readAt.toISOString(), apiVersion: info.apiVersion, ...health,
      syncAgeSeconds: health.lastDataSync ? Math.round((readAt.getTime() - Date.parse(health.lastDataSync.at)) / 1000) : null,
      inventorySiteVersion: appliance.siteVersion,
      applianceTime: Number.isNaN(applianceNow) ? null : new Date(applianceNow).toISOString(),
      clockSkewSeconds: Number.isNaN(applianceNow) ? null : Math.round((applianceNow - readAt.getTime()) / 1000),
      permissions: info.permissions,
    };
    transaction(this.deps.db, () => {
      this.deps.db.prepare('INSERT INTO appliance_readings (id, appliance_id, kind, at, reading) VALUES (?, ?, ?, ?, ?)')
        .run(reading.id, appliance.id, 'status', reading.readAt, JSON.stringify(reading));
      this.deps.audit.append({ actor: 'user', action: 'appliance.statusRead', subject: appliance.id, details: {
        name: appliance.name, version: health.version, failoverRole: health.failoverRole, success: health.success, lastDataSync: health.lastDataSync,
      } });
    });
    return reading;
  }

  /** Every link (without secrets) with the appliance's latest status reading. */
  list(): { link: ApplianceLink & { applianceId: string }; latest: StatusReading | null }[] {
    const rows = this.deps.db.prepare('SELECT appliance_id, origin, client_id, pin_sha256, linked_at FROM appliance_links ORDER BY linked_at').all() as unknown as LinkRow[];
    return rows.map((r) => {
      const latest = this.deps.db.prepare("SELECT reading FROM appliance_readings WHERE appliance_id = ? AND kind = 'status' ORDER BY at DESC LIMIT 1").get(r.appliance_id) as { reading: string } | undefined;
      return {
        link: { applianceId: r.appliance_id, origin: r.origin, clientId: r.client_id, pin: r.pin_sha256, linkedAt: r.linked_at },
        latest: latest ? (JSON.parse(latest.reading) as StatusReading) : null,
      };
    });
  }

  /** A reading by its id, with the appliance it is of (FILE_MISSING-like USAGE when there is none). */
  reading(id: string): { applianceId: string; reading: StatusReading } {
    const row = this.deps.db.prepare('SELECT appliance_id, reading FROM appliance_readings WHERE id = ?').get(id) as { appliance_id: string; reading: string } | undefined;
    if (!row) throw new FerryError('USAGE', `No reading "${id.slice(0, 60)}"`, { reading: id.slice(0, 60) });
    return { applianceId: row.appliance_id, reading: JSON.parse(row.reading) as StatusReading };
  }

  /** The latest status readings of an appliance, newest first. */
  readings(nameOrId: string, limit = 20): StatusReading[] {
    const appliance = this.deps.appliances.show(nameOrId);
    const rows = this.deps.db.prepare("SELECT reading FROM appliance_readings WHERE appliance_id = ? AND kind = 'status' ORDER BY at DESC LIMIT ?").all(appliance.id, limit) as { reading: string }[];
    return rows.map((r) => JSON.parse(r.reading) as StatusReading);
  }

  /**
   * Takes the settings backup into the vault as evidence: streamed into a private staging folder,
   * hashed while copied into the vault, recorded and audited. The password is sent, never stored.
   */
  async backup(nameOrId: string, password: string | null, signal: AbortSignal, progress: (phase: string, done: number, total: number) => void = () => undefined): Promise<EvidenceFile> {
    const { appliance, api } = this.apiFor(nameOrId);
    const info = await api.apiInfo(signal);
    requirePermission(info, 'backup');
    const staging = join(vaultRoot(this.deps.dataDir), 'tmp', ownedTempName('evidence-', ''));
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    try {
      const stamp = this.now().toISOString().replace(/[:.]/g, '-');
      const safeName = appliance.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);
      const file = join(staging, `${safeName}-${stamp}.nsb`);
      const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
      // Counts the bytes on their way to the file (the appliance does not say how many will come).
      let received = 0;
      const sink = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          progress('downloading', received, 0);
          callback(null, chunk);
        },
      });
      sink.pipe(out);
      // A write that fails (a full disk) ends the download at once; it is reported below.
      let writeError: NodeJS.ErrnoException | null = null;
      sink.on('error', () => undefined);
      out.once('error', (error: NodeJS.ErrnoException) => {
        writeError = error;
        sink.destroy(error);
      });
      progress('downloading', 0, 0);
      let taken: { size: number };
      try {
        taken = await api.backup(sink, password, signal);
      } finally {
        sink.end();
        await finished(out).catch(() => undefined);
      }
      // Every byte received must be on the disk: the last writes may fail after the answer ended.
      const failed = writeError as NodeJS.ErrnoException | null;
      if (failed !== null || out.bytesWritten !== taken.size) {
        throw new FerryError('OUTPUT_NOT_WRITABLE', `The backup could not be written whole (${out.bytesWritten} of ${taken.size} bytes${failed ? `: ${failed.code ?? failed.message}` : ''})`, {
          cause: failed?.code ?? null, written: out.bytesWritten, received: taken.size,
        });
      }
      progress('downloading', taken.size, taken.size);
      const evidence = await this.deps.vault.importEvidence(file, signal, progress);
      this.deps.audit.append({ actor: 'user', action: 'appliance.backupTaken', subject: appliance.id, details: {
        name: appliance.name, sha256: evidence.sha256, size: evidence.size, passwordProtected: password !== null,
      } });
      return evidence;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /** Every Jump Client of the appliance (all pages). */
  async jumpClients(nameOrId: string, signal?: AbortSignal, onPage?: (read: number, total: number | null) => void): Promise<ApplianceJumpClient[]> {
    const { api } = this.apiFor(nameOrId);
    const info: ApiInfo = await api.apiInfo(signal);
    requirePermission(info, 'jumpClients');
    return api.jumpClients(signal, onPage);
  }

  private get timeoutMs(): number {
    return this.deps.timeoutMs ?? 20_000;
  }

  private apiOptions() {
    return { timeoutMs: this.timeoutMs, now: this.now, saveAnswer: (label: string, text: string) => this.saveAnswer(label, text) };
  }

  private row(applianceId: string): LinkRow | undefined {
    return this.deps.db.prepare('SELECT * FROM appliance_links WHERE appliance_id = ?').get(applianceId) as LinkRow | undefined;
  }

  private apiFor(nameOrId: string) {
    const appliance = this.deps.appliances.show(nameOrId);
    const row = this.row(appliance.id);
    if (!row) throw new FerryError('LINK_MISSING', `"${appliance.name}" has no link to its API (ferry appliance link)`, { name: appliance.name });
    const cached = this.apis.get(appliance.id);
    if (cached && cached.linkedAt === row.linked_at) return { appliance, row, api: cached.api };
    const secret = openSealed(this.deps.protectors, row.protection, row.secret_sealed, 'API secret').toString('utf8');
    const api = new ApplianceApi({ origin: new URL(row.origin), clientId: row.client_id, secret, pin: row.pin_sha256 }, this.apiOptions());
    this.apis.set(appliance.id, { linkedAt: row.linked_at, api });
    return { appliance, row, api };
  }

  /** An unexpected answer kept for support under `support/link-answers/` (0600); its path, or null. */
  private saveAnswer(label: string, text: string): string | null {
    try {
      const dir = join(this.deps.dataDir, 'support', 'link-answers');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, `${this.now().toISOString().replace(/[:.]/g, '-')}-${label.replace(/[^a-z0-9_-]/gi, '_')}-${randomUUID().slice(0, 8)}.txt`);
      writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return file;
    } catch {
      return null;
    }
  }
}
