/**
 * `audit verify` confirms that the station's stored public key belongs to its sealed private key
 * (review 2: with only `ferry.db`, an attacker put their own public key into `station`, rewrote the
 * log and signed the head with their own key), and never calls a log without a station intact
 * (review 4: station, log and head all deleted).
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signHead } from '../../src/main/audit/audit-head.ts';
import { fingerprintOf, rawPublicKey } from '../../src/main/crypto/ed25519.ts';
import { FileKeyProtector } from '../../src/main/stations/secret-protector.ts';
import { expectBroken, recomputeChain, sql, stationWithEntries } from '../helpers/audit-station.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** The attacker's key pair; the station row gets its public key, the head its signature. */
function swapStationKey(dir: string, sealed?: Buffer): void {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  sql(dir, (db) => {
    db.prepare('UPDATE station SET public_key = ?').run(raw);
    if (sealed) db.prepare('UPDATE station SET private_key_sealed = ?').run(sealed);
    db.prepare("UPDATE audit_log SET details = replace(details, 'restricted', 'connected') WHERE seq = 3").run();
    const head = recomputeChain(db);
    const signed = signHead({ station: fingerprintOf(raw), seq: head.seq, hash: head.hash, at: head.at }, privateKey);
    db.prepare('UPDATE audit_head SET seq = ?, hash = ?, signed = ?').run(head.seq, head.hash, JSON.stringify(signed));
  });
}

describe('review 2: the station key is confirmed, not only the head signature', () => {
  it('an untouched log: verify says the key was confirmed', async () => {
    const dir = await stationWithEntries();
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect(r.json()).toMatchObject({ ok: true, count: 3, anchored: true, keyConfirmed: true });
    expect((await ferry(dir, 'audit', 'verify')).out).toMatch(/Station key +confirmed/);
  });

  it('the attacker’s public key in `station` with a log they re-signed fails', async () => {
    const dir = await stationWithEntries();
    swapStationKey(dir);
    await expectBroken(dir, /public key does not belong to the station’s sealed private key/);
  });

  it('… and with their own private key sealed by another key file, it does not open: fails too', async () => {
    const dir = await stationWithEntries();
    const { privateKey } = generateKeyPairSync('ed25519');
    swapStationKey(dir, new FileKeyProtector(tempDir()).seal(privateKey.export({ format: 'der', type: 'pkcs8' })));
    await expectBroken(dir, /sealed private key does not open/);
  });

  it('a key this program cannot open (the keychain, in the CLI) is not confirmed, and verify says so without failing', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec("UPDATE station SET protection = 'safeStorage'"));
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect({ code: r.code, out: r.json() }).toMatchObject({ code: 0, out: { ok: true, keyConfirmed: false, keyNote: expect.stringMatching(/desktop app/) } });
    expect((await ferry(dir, 'audit', 'verify')).out).toMatch(/Station key +NOT confirmed/);
  });

  it('audit export of a log whose station key was swapped: "not verified", signed with the real key', async () => {
    const dir = await stationWithEntries();
    const original = (await ferry(dir, 'station', 'show', '--json')).json<{ publicKeyPem: string }>().publicKeyPem;
    swapStationKey(dir);
    const file = join(tempDir(), 'a.jsonl');
    expect((await ferry(dir, 'audit', 'export', '--out', file, '--json')).json()).toMatchObject({ verified: false });
    const trailer = JSON.parse(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!) as { publicKeyPem: string };
    expect(trailer.publicKeyPem).toBe(original);
  });
});

describe('review 4: a log without its station is never "intact"', () => {
  it('station, log and head deleted: STATION_MISSING (exit 3), not "intact: 0 entries"', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec('DELETE FROM audit_log; DELETE FROM audit_head; DELETE FROM station;'));
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect({ code: r.code, out: r.json() }).toMatchObject({ code: 3, out: { ok: false, error: { code: 'STATION_MISSING' } } });
    expect((await ferry(dir, 'audit', 'verify')).err).not.toMatch(/intact/);
  });

  it('only the station deleted: STATION_MISSING, and the entries it leaves are counted', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec('DELETE FROM station'));
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect({ code: r.code, out: r.json() }).toMatchObject({ code: 3, out: { error: { code: 'STATION_MISSING', details: { entries: 3 } } } });
  });
});
