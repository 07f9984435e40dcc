/**
 * This station's identity (an Ed25519 key pair, created once) and the stations it trusts. Trust is
 * given only when the fingerprint a person typed equals the key's fingerprint.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { KeyPreview, Station, TrustedStation, TrustResult } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';
import { formatFingerprint, normalizeFingerprint } from '../../shared/fingerprint.ts';
import { normalizeName } from '../../shared/names.ts';
import { BUNDLE_PAYLOAD_TYPE, BundleManifestSchema, REQUEST_PAYLOAD_TYPE, RequestSchema, type DsseEnvelope } from '../../shared/formats.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { WitnessStore } from '../audit/witnesses.ts';
import { fingerprintOf, generateStationKeys, pemFromRaw, publicKeyFromRaw, rawPublicKey, rawPublicKeyFromPem } from '../crypto/ed25519.ts';
import { transaction, type Database } from '../store/database.ts';
import { openSigned } from '../transfer/signed-file.ts';
import { openSealed, type SecretProtector } from './secret-protector.ts';
import { StationRepository } from './station-repository.ts';

export interface StationServiceOptions {
  db: Database;
  audit: AuditLog;
  /** Seals new keys; also opens keys sealed with the same kind. */
  protector: SecretProtector;
  /** Opens keys sealed with another kind, where this process can (the app can open file keys). */
  otherProtectors?: SecretProtector[];
  /** Records the audit head a trusted request carries (audit/witnesses.ts). */
  witnesses?: WitnessStore;
  now?: () => Date;
}

/** Identity and trust of this station. */
export class StationService {
  private readonly db: Database;
  private readonly repo: StationRepository;
  private readonly audit: AuditLog;
  private readonly protector: SecretProtector;
  private readonly others: SecretProtector[];
  private readonly witnesses: WitnessStore | null;
  private readonly now: () => Date;

  constructor(options: StationServiceOptions) {
    this.db = options.db;
    this.repo = new StationRepository(options.db);
    this.audit = options.audit;
    this.protector = options.protector;
    this.others = options.otherProtectors ?? [];
    this.witnesses = options.witnesses ?? null;
    this.now = options.now ?? (() => new Date());
  }

  /** Whether a station exists in this data directory. */
  exists(): boolean {
    return this.repo.get() !== undefined;
  }

  /** Creates the station; refuses when one exists (its key must never be replaced silently). */
  init(name: string): Station {
    const checked = normalizeName(name, 'station name');
    return transaction(this.db, () => {
      if (this.repo.get()) throw new FerryError('STATION_EXISTS', 'This data directory already has a station');
      const { publicKey, privateKey } = generateStationKeys();
      const raw = rawPublicKey(publicKey);
      const sealed = this.protector.seal(privateKey.export({ format: 'der', type: 'pkcs8' }));
      const createdAt = this.now().toISOString();
      this.repo.insert({ name: checked, publicKey: raw, privateKeySealed: sealed, protection: this.protector.kind, createdAt });
      this.audit.append({ actor: 'station', action: 'station.created', subject: fingerprintOf(raw), details: { name: checked, protection: this.protector.kind } });
      return this.show();
    });
  }

  /** The station, creating it with `defaultName` on first run (the desktop app). */
  ensure(defaultName: string): Station {
    return this.repo.get() ? this.show() : this.init(defaultName);
  }

  /** This station's public identity. */
  show(): Station {
    const row = this.repo.get();
    if (!row) throw new FerryError('STATION_MISSING', 'No station in this data directory');
    return { name: row.name, fingerprint: fingerprintOf(row.publicKey), publicKeyPem: pemFromRaw(row.publicKey), createdAt: row.createdAt, protection: row.protection };
  }

  /** Renames the station (the key stays). */
  rename(name: string): Station {
    const checked = normalizeName(name, 'station name');
    return transaction(this.db, () => {
      const before = this.show();
      this.repo.rename(checked);
      this.audit.append({ actor: 'user', action: 'station.renamed', subject: before.fingerprint, details: { from: before.name, to: checked } });
      return this.show();
    });
  }

  /** The private signing key; fails when this process cannot open how it was sealed. */
  privateKey(): KeyObject {
    const row = this.repo.get();
    if (!row) throw new FerryError('STATION_MISSING', 'No station in this data directory');
    const der = openSealed([this.protector, ...this.others], row.protection, row.privateKeySealed, 'station key');
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  /**
   * Pins another station from its PEM public key, a Ferry request or a bundle manifest it signed. Refused unless
   * `typedFingerprint` (as the person read it off the other screen) equals the key's fingerprint.
   */
  trust(fileText: string, typedFingerprint: string, givenName?: string): TrustResult {
    const wanted = normalizeFingerprint(typedFingerprint);
    if (!wanted) throw new FerryError('FINGERPRINT_MALFORMED', 'A fingerprint has 64 hex digits (dashes, spaces and case are ignored)', { typed: typedFingerprint.slice(0, 100) });
    const candidate = readStationKey(fileText);
    // No name (or an empty field) means: take the request's; a name of only spaces is a mistake, said so.
    const chosenName = givenName === undefined || givenName === '' ? undefined : normalizeName(givenName, 'station name');
    const actual = fingerprintOf(candidate.raw);
    if (actual !== wanted) {
      // Never the key's own fingerprint: shown, it would turn a comparison into copying.
      throw new FerryError('FINGERPRINT_MISMATCH', 'The key’s fingerprint differs from the one entered', { typed: wanted });
    }
    const own = this.repo.get();
    if (own && fingerprintOf(own.publicKey) === actual) {
      throw new FerryError('PUBLIC_KEY_INVALID', 'This is this station’s own key');
    }
    const trustedAt = this.now().toISOString();
    // Without a name, the start of the fingerprint: readable in every language.
    const name = chosenName ?? candidate.name ?? formatFingerprint(actual.slice(0, 8));
    return transaction(this.db, () => {
      const existing = this.repo.getTrusted(actual);
      if (existing && chosenName !== undefined && chosenName !== existing.name) {
        this.repo.renameTrusted(actual, chosenName);
        this.audit.append({ actor: 'user', action: 'station.trustRenamed', subject: actual, details: { from: existing.name, to: chosenName } });
      } else if (!existing) {
        this.repo.upsertTrusted({ fingerprint: actual, name, publicKey: candidate.raw, source: candidate.source, trustedAt });
        this.audit.append({ actor: 'user', action: 'station.trusted', subject: actual, details: { name, source: candidate.source } });
      }
      // The request's signed audit head: this station now witnesses the other's log (again, for a
      // station already trusted). A head that does not verify rolls everything back with SIGNATURE_INVALID.
      if (candidate.auditHead) this.witnesses?.record({ fingerprint: actual, publicKey: publicKeyFromRaw(candidate.raw) }, candidate.auditHead, candidate.origin ?? 'request');
      // Trusting a station again changes neither when nor how it was first trusted.
      if (existing) {
        return { name: chosenName ?? existing.name, fingerprint: actual, trustedAt: existing.trustedAt, source: existing.source, alreadyTrusted: true };
      }
      return { name, fingerprint: actual, trustedAt, source: candidate.source, alreadyTrusted: false };
    });
  }

  /** What a key or request says about itself (its name), without its fingerprint: the person types that. */
  preview(fileText: string): KeyPreview {
    const candidate = readStationKey(fileText);
    return { name: candidate.name, source: candidate.source };
  }

  /** A trusted station's name and key; null when the fingerprint is not trusted here. */
  trustedKey(fingerprint: string): { name: string; publicKey: Buffer } | null {
    const row = this.repo.getTrusted(fingerprint);
    return row ? { name: row.name, publicKey: Buffer.from(row.publicKey) } : null;
  }

  /** Stations this one trusts, by name. */
  listTrusted(): TrustedStation[] {
    return this.repo.listTrusted().map((r) => ({ name: r.name, fingerprint: r.fingerprint, trustedAt: r.trustedAt, source: r.source }));
  }

  /** Gives a trusted station another name (audited); its key and trust stay. */
  renameTrusted(fingerprint: string, name: string): TrustedStation {
    const checked = normalizeName(name, 'station name');
    return transaction(this.db, () => {
      const before = this.trustedRow(fingerprint);
      this.repo.renameTrusted(fingerprint, checked);
      this.audit.append({ actor: 'user', action: 'station.trustRenamed', subject: fingerprint, details: { from: before.name, to: checked } });
      return { name: checked, fingerprint, trustedAt: before.trustedAt, source: before.source };
    });
  }

  /** Stops trusting a station (audited): its bundles are refused from now on. */
  removeTrusted(fingerprint: string): void {
    transaction(this.db, () => {
      const before = this.trustedRow(fingerprint);
      this.repo.removeTrusted(fingerprint);
      this.audit.append({ actor: 'user', action: 'station.trustRemoved', subject: fingerprint, details: { name: before.name } });
    });
  }

  private trustedRow(fingerprint: string) {
    const row = this.repo.getTrusted(fingerprint);
    if (!row) throw new FerryError('TRUSTED_STATION_UNKNOWN', 'This station is not trusted', { fingerprint });
    return row;
  }
}

/** Reads a station's public key from a PEM file, a signed Ferry request, or a bundle manifest it signed. */
function readStationKey(text: string): { raw: Buffer; name: string | null; source: 'pem' | 'request' | 'manifest'; auditHead?: DsseEnvelope; origin?: string } {
  if (text.includes('-----BEGIN')) return { raw: rawPublicKeyFromPem(text), name: null, source: 'pem' };
  // Neither PEM nor JSON: the person chose the wrong file, not a damaged request.
  if (!looksLikeJson(text)) throw new FerryError('PUBLIC_KEY_INVALID', 'The file is neither a PEM public key nor a Ferry request or bundle manifest');
  // The restricted side receives a bundle before it trusts its writer: its manifest carries the key too.
  const json = JSON.parse(text) as unknown;
  if (typeof json === 'object' && json !== null && (json as { payloadType?: unknown }).payloadType === BUNDLE_PAYLOAD_TYPE) {
    const { payload: manifest, raw, name } = openSigned(text, BUNDLE_PAYLOAD_TYPE, BundleManifestSchema, 'bundle manifest');
    return { raw, name, source: 'manifest', origin: `bundle ${manifest.id}`, ...(manifest.auditHead ? { auditHead: manifest.auditHead } : {}) };
  }
  const { payload: request, raw, name } = openSigned(text, REQUEST_PAYLOAD_TYPE, RequestSchema, 'request');
  return { raw, name, source: 'request', origin: `request ${request.id}`, ...(request.auditHead ? { auditHead: request.auditHead } : {}) };
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
