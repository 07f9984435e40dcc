import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { signHead } from '../../src/main/audit/audit-head.ts';
import { signEnvelope } from '../../src/main/crypto/dsse.ts';
import { generateStationKeys, rawPublicKeyFromPem } from '../../src/main/crypto/ed25519.ts';
import { createServices } from '../../src/main/services.ts';
import { REQUEST_PAYLOAD_TYPE, type DsseEnvelope } from '../../src/shared/formats.ts';
import { recomputeChain } from '../helpers/audit-station.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** A request from the station in `dir`, carrying its signed audit head (or `head` instead). */
async function requestFrom(dir: string, head?: DsseEnvelope): Promise<string> {
  const s = createServices({ dataDir: dir, create: false });
  const station = s.stations.show();
  const payload = {
    format: 1, id: randomUUID(), createdAt: new Date().toISOString(),
    station: { name: station.name, fingerprint: station.fingerprint, publicKey: rawPublicKeyFromPem(station.publicKeyPem).toString('base64') },
    site: 'support.example.com', appliances: [], target: { siteVersion: 'latest' }, have: [],
    auditHead: head ?? s.audit.signedHead(),
  };
  const envelope = signEnvelope(REQUEST_PAYLOAD_TYPE, Buffer.from(JSON.stringify(payload)), s.stations.privateKey(), station.fingerprint);
  await s.close();
  const file = join(tempDir(), 'request.json');
  writeFileSync(file, JSON.stringify(envelope));
  return file;
}

async function fingerprintOf(dir: string): Promise<string> {
  return (await ferry(dir, 'station', 'show', '--json')).json<{ fingerprint: string }>().fingerprint;
}

/**
 * Station A (three entries) sends a request to B; B trusts it and so records A's head (seq 3);
 * B writes its witness file; A trusts B's key so that it can check that file.
 */
async function witnessed() {
  const a = tempDir();
  const b = tempDir();
  await ferry(a, 'station', 'init', '--name', 'Jump host');
  await ferry(b, 'station', 'init', '--name', 'Office PC');
  const s = createServices({ dataDir: a, create: false });
  s.settings.set({ language: 'en' });
  s.settings.set({ side: 'restricted' });
  await s.close();
  const trusted = await ferry(b, 'station', 'trust', await requestFrom(a), '--fingerprint', await fingerprintOf(a), '--json');
  expect(trusted.code).toBe(0);
  const witnessFile = join(tempDir(), 'witnesses.json');
  const written = await ferry(b, 'audit', 'witnesses', '--out', witnessFile, '--json');
  expect(written.json()).toMatchObject({ count: 1 });
  const pem = join(tempDir(), 'office.pem');
  await ferry(b, 'station', 'export', '--out', pem);
  expect((await ferry(a, 'station', 'trust', pem, '--fingerprint', await fingerprintOf(b))).code).toBe(0);
  return { a, b, witnessFile };
}

/** Rewrites A's log with A's own key: as an attacker who copied the whole folder can. */
function rewriteWithKey(dir: string, edit: (db: DatabaseSync) => void): void {
  const s = createServices({ dataDir: dir, create: false });
  const key = s.stations.privateKey();
  const station = s.stations.show().fingerprint;
  edit(s.db);
  const last = recomputeChain(s.db);
  const signed = signHead({ station, seq: last.seq, hash: last.hash, at: last.at }, key);
  s.db.prepare('UPDATE audit_head SET seq = ?, hash = ?, signed = ?').run(last.seq, last.hash, JSON.stringify(signed));
  void s.close();
}

describe('witnessed audit heads (issue 6.2, across the air gap)', () => {
  it('trusting a request records the head it carries; the witness file checks out on the other station', async () => {
    const { a, b, witnessFile } = await witnessed();
    const r = await ferry(a, 'audit', 'verify', '--witness', witnessFile, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, anchored: true, witness: { station: { fingerprint: await fingerprintOf(b), name: 'Office PC' }, heads: 1, latestSeq: 3 } });
    expect((await ferry(a, 'audit', 'verify', '--witness', witnessFile)).out).toMatch(/Office PC .*1 recorded head\(s\) match, up to entry 3/);
  });

  it('a log rewritten with the station key passes alone but fails against the witness', async () => {
    const { a, witnessFile } = await witnessed();
    rewriteWithKey(a, (db) => db.prepare("UPDATE audit_log SET details = replace(details, 'restricted', 'connected') WHERE seq = 3").run());
    expect((await ferry(a, 'audit', 'verify')).code).toBe(0);
    const r = await ferry(a, 'audit', 'verify', '--witness', witnessFile, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { brokenAt: 3, reason: expect.stringMatching(/entry 3 differs from the head Office PC recorded/), witness: { heads: 1 } } } });
  });

  it('a tail cut with the station key fails against the witness', async () => {
    const { a, witnessFile } = await witnessed();
    rewriteWithKey(a, (db) => db.exec('DELETE FROM audit_log WHERE seq >= 3'));
    expect((await ferry(a, 'audit', 'verify')).code).toBe(0);
    const r = await ferry(a, 'audit', 'verify', '--witness', witnessFile, '--json');
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { reason: expect.stringMatching(/entry 3 is missing, but Office PC/) } } });
  });

  it('refuses a witness file from a station this one does not trust (SIGNER_UNTRUSTED)', async () => {
    const { witnessFile } = await witnessed();
    const stranger = tempDir();
    await ferry(stranger, 'station', 'init', '--name', 'Stranger');
    const r = await ferry(stranger, 'audit', 'verify', '--witness', witnessFile, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'SIGNER_UNTRUSTED' } });
  });

  it('refuses a witness file changed after signing (SIGNATURE_INVALID)', async () => {
    const { a, witnessFile } = await witnessed();
    const envelope = JSON.parse(readFileSync(witnessFile, 'utf8')) as DsseEnvelope;
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as { heads: { seq: number }[] };
    payload.heads[0]!.seq = 2;
    envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
    writeFileSync(witnessFile, JSON.stringify(envelope));
    const r = await ferry(a, 'audit', 'verify', '--witness', witnessFile, '--json');
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'SIGNATURE_INVALID' } });
  });

  it('refuses to trust a request whose audit head another key signed, and records nothing', async () => {
    const a = tempDir();
    const b = tempDir();
    await ferry(a, 'station', 'init', '--name', 'Jump host');
    await ferry(b, 'station', 'init', '--name', 'Office PC');
    const forged = signHead({ station: await fingerprintOf(a), seq: 1, hash: 'a'.repeat(64), at: new Date().toISOString() }, generateStationKeys().privateKey);
    const r = await ferry(b, 'station', 'trust', await requestFrom(a, forged), '--fingerprint', await fingerprintOf(a), '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'SIGNATURE_INVALID' } });
    const db = new DatabaseSync(join(b, 'ferry.db'));
    expect(db.prepare('SELECT count(*) AS n FROM witnessed_heads').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM trusted_stations').get()).toEqual({ n: 0 });
    db.close();
  });
});
