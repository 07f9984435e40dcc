/**
 * Logs from before signed heads (schema 1) are anchored once, in the process that upgrades the
 * database to schema 2, in that same transaction. Afterwards an unsigned head always fails: review
 * finding 3 set `signed = NULL, legacy = 1` on a cut log, and a read-only `audit verify` anchored it.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBroken, sql, stationWithEntries } from '../helpers/audit-station.ts';
import { ferry } from '../helpers/cli.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { writeLegacyStation } from '../helpers/legacy-station.ts';
import { tempDir } from '../helpers/temp.ts';

const rows = (dir: string) => sql(dir, (db) => db.prepare('SELECT seq, action, subject, hash FROM audit_log ORDER BY seq').all());
const schema = (dir: string) => sql(dir, (db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r.version));

describe('a log from before signed heads (schema 1)', () => {
  it('is anchored once, visibly, by the process that upgrades it; later opens add nothing', async () => {
    const dir = tempDir();
    const fingerprint = writeLegacyStation(dir);
    const first = await ferry(dir, 'audit', 'verify', '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, count: 2, anchored: true, keyConfirmed: true });
    expect((await ferry(dir, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 2 });
    expect(rows(dir).map((r) => ({ action: r.action, subject: r.subject }))).toEqual([
      { action: 'station.created', subject: fingerprint }, { action: 'audit.anchored', subject: fingerprint },
    ]);
  });

  it('after anchoring, deleting the tail and rewinding the head fails like any other log', async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    expect((await ferry(dir, 'audit', 'verify')).code).toBe(0);
    sql(dir, (db) => db.exec(`DELETE FROM audit_log WHERE seq = 2;
      UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_log WHERE seq = 1)`));
    await expectBroken(dir, /entries 2 to 2 are missing/);
  });

  it.skipIf(process.platform === 'win32')('is not upgraded by a process that cannot open the key: it says why, writes nothing, and a later one upgrades it', async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    const before = rows(dir);
    chmodSync(join(dir, 'secret.key'), 0o644);
    const refused = await ferry(dir, 'audit', 'verify', '--json');
    expect({ code: refused.code, out: refused.json() }).toMatchObject({ code: 3, out: { error: { code: 'SECRET_KEY_EXPOSED' } } });
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/Upgrading it signs its audit log with the station key/);
    expect(schema(dir)).toEqual([1]);
    expect(rows(dir)).toEqual(before);
    chmodSync(join(dir, 'secret.key'), 0o600);
    expect((await ferry(dir, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 2, anchored: true });
    expect(schema(dir)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a key this program cannot open (the keychain, in the CLI) leaves it at schema 1: SECRET_UNAVAILABLE', async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    sql(dir, (db) => db.exec("UPDATE station SET protection = 'safeStorage'"));
    const r = await ferry(dir, 'station', 'show', '--json');
    expect({ code: r.code, out: r.json() }).toMatchObject({ code: 3, out: { error: { code: 'SECRET_UNAVAILABLE' } } });
    expect(schema(dir)).toEqual([1]);
  });
});

describe('review 3: a cut log marked "legacy" is not re-anchored', () => {
  it('deleting the tail and setting signed = NULL, legacy = 1 fails verify, and no command writes an anchor', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec(`DELETE FROM audit_log WHERE seq = 3;
      UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2), signed = NULL, legacy = 1`));
    const before = rows(dir);
    await expectBroken(dir, /not signed/);
    for (const args of [['station', 'show'], ['audit', 'export', '--out', join(tempDir(), 'a.jsonl')], ['audit', 'verify']]) {
      await ferry(dir, ...args);
    }
    await expectBroken(dir, /not signed/);
    expect(rows(dir)).toEqual(before);
  });

  it('a whole log whose head signature was removed and marked "legacy" fails, and stays as it is', async () => {
    const dir = await stationWithEntries();
    sql(dir, (db) => db.exec("UPDATE audit_head SET signed = NULL, legacy = 1"));
    await expectBroken(dir, /not signed/);
    expect(rows(dir)).toHaveLength(3);
  });
});
