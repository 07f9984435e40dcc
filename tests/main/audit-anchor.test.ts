import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/main/audit/audit-log.ts';
import { pae } from '../../src/main/crypto/dsse.ts';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { writeLegacyStation } from '../helpers/legacy-station.ts';
import { tempDir } from '../helpers/temp.ts';

/** A station with three audit entries (created, two settings changes). */
async function stationWithEntries(): Promise<string> {
  const dir = tempDir();
  expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  const s = createServices({ dataDir: dir, create: false });
  s.settings.set({ language: 'en' });
  s.settings.set({ side: 'restricted' });
  await s.close();
  return dir;
}

/** Plain SQL on the database file, as someone with the folder but not the key would do it. */
function sql(dir: string, fn: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(join(dir, 'ferry.db'));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

async function expectBroken(dir: string, reason: RegExp): Promise<void> {
  const r = await ferry(dir, 'audit', 'verify', '--json');
  expect(r.code).toBe(1);
  expect(r.json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { reason: expect.stringMatching(reason) } } });
}

describe('anchored audit log (issue 6.2)', () => {
  it('verifies an untouched log and says its head is signed', async () => {
    const dir = await stationWithEntries();
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, count: 3, anchored: true });
  });

  it('attack 1: deleting the last entry and rewinding audit_head fails', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec(`DELETE FROM audit_log WHERE seq = 3;
      UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)`));
    await expectBroken(dir, /entries 3 to 3 are missing/);
  });

  it('attack 2: emptying both tables fails', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec('DELETE FROM audit_log; DELETE FROM audit_head;'));
    await expectBroken(dir, /no signed head although this station exists/);
  });

  it('attack 3: editing an entry and recomputing every hash and the head fails', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => {
      db.prepare("UPDATE audit_log SET details = replace(details, 'restricted', 'connected') WHERE seq = 3").run();
      type Row = { seq: number; at: string; actor: string; action: string; subject: string; details: string };
      let prev = '0'.repeat(64);
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as unknown as Row[]) {
        const hash = entryHash(prev, { ...r, details: JSON.parse(r.details) as Record<string, unknown> });
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
        prev = hash;
      }
      db.prepare('UPDATE audit_head SET hash = ?').run(prev);
    });
    await expectBroken(dir, /differs from the signed head: the log was rewritten/);
  });

  it('an entry appended without the key (chained correctly, head not re-signed) fails', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => {
      const head = db.prepare('SELECT seq, hash FROM audit_head').get() as { seq: number; hash: string };
      const entry = { seq: head.seq + 1, at: new Date().toISOString(), actor: 'user', action: 'station.trusted', subject: 'f'.repeat(64), details: {} };
      const hash = entryHash(head.hash, entry);
      db.prepare("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, '{}', ?, ?)").run(entry.seq, entry.at, entry.actor, entry.action, entry.subject, head.hash, hash);
      db.prepare('UPDATE audit_head SET seq = ?, hash = ?').run(entry.seq, hash);
    });
    await expectBroken(dir, /entries after 3 were added without the station key/);
  });

  it('a head whose signature was removed fails', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec('UPDATE audit_head SET signed = NULL'));
    await expectBroken(dir, /no signed head/);
  });

  it('the stored head is a DSSE envelope that OpenSSL verifies with the station key', async () => {
    const dir = await stationWithEntries();
    const work = tempDir();
    const pem = join(work, 'station.pem');
    await ferry(dir, 'station', 'export', '--out', pem);
    let signed = '';
    sql(dir, (db) => { signed = (db.prepare('SELECT signed FROM audit_head').get() as { signed: string }).signed; });
    const envelope = JSON.parse(signed) as { payloadType: string; payload: string; signatures: { sig: string }[] };
    expect(envelope.payloadType).toBe('application/vnd.ferry.audit-head+json');
    const payload = Buffer.from(envelope.payload, 'base64');
    expect(JSON.parse(payload.toString())).toMatchObject({ format: 1, seq: 3 });
    writeFileSync(join(work, 'pae.bin'), pae(envelope.payloadType, payload));
    writeFileSync(join(work, 'sig.bin'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', join(work, 'pae.bin'), '-sigfile', join(work, 'sig.bin')], { encoding: 'utf8' });
    expect(out).toContain('Signature Verified Successfully');
  });
});

describe('a log from before signed heads (schema 1)', () => {
  it('is anchored once, visibly, by the first process that can use the key; later opens add nothing', async () => {
    const dir = tempDir();
    const fingerprint = writeLegacyStation(dir);
    const first = await ferry(dir, 'audit', 'verify', '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, count: 2, anchored: true });
    expect((await ferry(dir, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 2 });
    let actions: unknown[] = [];
    sql(dir, (db) => { actions = db.prepare('SELECT action, subject FROM audit_log ORDER BY seq').all(); });
    expect(actions).toEqual([{ action: 'station.created', subject: fingerprint }, { action: 'audit.anchored', subject: fingerprint }]);
  });

  it('after anchoring, deleting the tail and rewinding the head fails like any other log', async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    expect((await ferry(dir, 'audit', 'verify')).code).toBe(0);
    sql(dir, (db) => db.exec(`DELETE FROM audit_log WHERE seq = 2;
      UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_log WHERE seq = 1)`));
    await expectBroken(dir, /entries 2 to 2 are missing/);
  });

  it('is not anchored by a process that cannot open the key: verify says so until one can', async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    chmodSync(join(dir, 'secret.key'), 0o644);
    await expectBroken(dir, /not anchored yet/);
    chmodSync(join(dir, 'secret.key'), 0o600);
    expect((await ferry(dir, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 2, anchored: true });
  });
});
