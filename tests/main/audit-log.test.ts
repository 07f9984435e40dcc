import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, GENESIS_HASH } from '../../src/main/audit/audit-log.ts';
import { openDatabase, transaction } from '../../src/main/store/database.ts';
import { tempDir } from '../helpers/temp.ts';

function setup() {
  const dir = tempDir();
  const db = openDatabase(dir, { create: true });
  return { dir, db, audit: new AuditLog(db) };
}

describe('audit log', () => {
  it('chains each entry to the previous one by hash', () => {
    const { audit } = setup();
    const a = audit.append({ actor: 'user', action: 'x.one', subject: 's', details: { n: 1 } });
    const b = audit.append({ actor: 'user', action: 'x.two', subject: 's' });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(audit.verify()).toMatchObject({ ok: true, count: 2, headHash: b.hash });
  });

  it('detects one byte altered in one entry, directly in the database file', () => {
    const { dir, db, audit } = setup();
    audit.append({ actor: 'user', action: 'settings.side', subject: 'side', details: { to: 'restricted' } });
    audit.append({ actor: 'user', action: 'settings.language', subject: 'language', details: { to: 'en' } });
    db.close();
    const raw = new DatabaseSync(join(dir, 'ferry.db'));
    raw.prepare("UPDATE audit_log SET details = replace(details, 'restricted', 'restrictes') WHERE seq = 1").run();
    raw.close();
    const result = new AuditLog(openDatabase(dir)).verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('detects a removed last entry through the stored chain head', () => {
    const { db, audit } = setup();
    audit.append({ actor: 'a', action: 'one', subject: 's' });
    audit.append({ actor: 'a', action: 'two', subject: 's' });
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('writes no entry when the change it records rolls back', () => {
    const { db, audit } = setup();
    expect(() => transaction(db, () => {
      audit.append({ actor: 'a', action: 'doomed', subject: 's' });
      throw new Error('change failed');
    })).toThrow('change failed');
    expect(audit.list({ limit: 10 }).entries).toHaveLength(0);
    expect(audit.verify()).toMatchObject({ ok: true, count: 0 });
  });
});
