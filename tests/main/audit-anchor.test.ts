import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../src/main/audit/audit-log.ts';
import { pae } from '../../src/main/crypto/dsse.ts';
import { expectBroken, recomputeChain, sql, stationWithEntries } from '../helpers/audit-station.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

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
      db.prepare('UPDATE audit_head SET hash = ?').run(recomputeChain(db).hash);
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
    await expectBroken(dir, /the head is not signed although this station exists/);
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
