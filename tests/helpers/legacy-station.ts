/** A data directory as Ferry wrote it before signed heads (schema 1): a station and one unsigned head. */
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import { entryHash, GENESIS_HASH } from '../../src/main/audit/audit-log.ts';
import { fingerprintOf, generateStationKeys, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { FileKeyProtector } from '../../src/main/stations/secret-protector.ts';
import { openDatabase } from '../../src/main/store/database.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';

/** Writes a schema-1 station into `dir` with plain SQL, as the foundation did; returns its fingerprint. */
export function writeLegacyStation(dir: string, name = 'Old station'): string {
  const db = openDatabase(dir, { create: true, migrations: MIGRATIONS.slice(0, 1) });
  const { publicKey, privateKey } = generateStationKeys();
  const raw = rawPublicKey(publicKey);
  const fingerprint = fingerprintOf(raw);
  const sealed = new FileKeyProtector(dir).seal(privateKey.export({ format: 'der', type: 'pkcs8' }));
  const entry = { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'station', action: 'station.created', subject: fingerprint, details: { name, protection: 'file-key' } };
  const hash = entryHash(GENESIS_HASH, entry);
  db.prepare("INSERT INTO station VALUES (1, ?, ?, ?, 'file-key', ?)").run(name, raw, sealed, entry.at);
  db.prepare('INSERT INTO audit_log VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(entry.at, entry.actor, entry.action, entry.subject, canonicalJson(entry.details), GENESIS_HASH, hash);
  db.prepare('INSERT INTO audit_head VALUES (1, 1, ?)').run(hash);
  db.close();
  return fingerprint;
}
