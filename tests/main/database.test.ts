import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, transaction } from '../../src/main/store/database.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { tempDir } from '../helpers/temp.ts';

const unusable = (reason?: string) => expect.objectContaining({ code: 'DATA_DIR_UNUSABLE', ...(reason ? { details: expect.objectContaining({ reason }) } : {}) });

describe('database', () => {
  it('opens in WAL mode with every migration applied once', () => {
    const dir = tempDir();
    const db = openDatabase(dir, { create: true });
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
    const again = openDatabase(dir);
    const rows = again.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toHaveLength(MIGRATIONS.length);
    again.close();
  });

  it('sets the busy timeout before anything else, so a connection waits for a lock', () => {
    const dir = tempDir();
    openDatabase(dir, { create: true }).close();
    const db = openDatabase(dir, { busyTimeoutMs: 1234 });
    expect((db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBe(1234);
    db.close();
  });

  it('rolls a failing migration back entirely', () => {
    const db = openDatabase(tempDir(), { create: true });
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('refuses a damaged database file with DATA_DIR_UNUSABLE and leaves it as it was', () => {
    const dir = tempDir();
    const garbage = Buffer.from('this is not an SQLite database, it is a shopping list'.repeat(100));
    writeFileSync(join(dir, 'ferry.db'), garbage);
    expect(() => openDatabase(dir, { create: true })).toThrow(unusable());
    expect(readFileSync(join(dir, 'ferry.db')).equals(garbage)).toBe(true);
  });

  it.each(['audit_head', 'audit_log', 'station', 'trusted_stations', 'settings', 'witnessed_heads'])('a database missing Ferry’s table %s is DATA_DIR_UNUSABLE (damaged) when it is opened', (table) => {
    const dir = tempDir();
    openDatabase(dir, { create: true }).close();
    const raw = new DatabaseSync(join(dir, 'ferry.db'));
    raw.exec(`DROP TABLE ${table}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(unusable('damaged'));
    expect(() => openDatabase(dir)).toThrow(new RegExp(`table "${table}" is missing`));
  });

  it('a database missing a column of Ferry’s tables is DATA_DIR_UNUSABLE (damaged) too', () => {
    const dir = tempDir();
    openDatabase(dir, { create: true }).close();
    const raw = new DatabaseSync(join(dir, 'ferry.db'));
    raw.exec('ALTER TABLE audit_head DROP COLUMN signed');
    raw.close();
    expect(() => openDatabase(dir)).toThrow(unusable('damaged'));
    expect(() => openDatabase(dir)).toThrow(/column "signed" of table "audit_head" is missing/);
  });

  it('refuses a database from a newer Ferry', () => {
    const dir = tempDir();
    const db = openDatabase(dir, { create: true });
    db.prepare("INSERT INTO schema_migrations VALUES (1000, 'future', 'now')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(unusable());
  });

  it('creates nothing unless asked: a missing folder or database is DATA_DIR_UNUSABLE', () => {
    const parent = tempDir();
    const missing = join(parent, 'nowhere');
    expect(() => openDatabase(missing)).toThrow(unusable('missing'));
    expect(existsSync(missing)).toBe(false);
    expect(() => openDatabase(parent)).toThrow(unusable('missing'));
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a zero-byte ferry.db even when creating is allowed, and says how to start afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ferry.db'), '');
    expect(() => openDatabase(dir, { create: true })).toThrow(unusable('empty'));
    expect(() => openDatabase(dir, { create: true })).toThrow(/start afresh/);
    expect(statSync(join(dir, 'ferry.db')).size).toBe(0);
  });

  it('refuses a foreign SQLite database instead of adding Ferry tables to it', () => {
    const dir = tempDir();
    const foreign = new DatabaseSync(join(dir, 'ferry.db'));
    foreign.exec('CREATE TABLE recipes (name TEXT)');
    foreign.close();
    expect(() => openDatabase(dir, { create: true })).toThrow(unusable());
    const after = new DatabaseSync(join(dir, 'ferry.db'));
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'recipes' }]);
    after.close();
  });

  it.skipIf(process.platform === 'win32')('creates the folder 0700 and the database and its WAL files 0600', () => {
    const dir = join(tempDir(), 'data');
    const db = openDatabase(dir, { create: true });
    db.exec("INSERT INTO settings VALUES ('k', 'v')");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of ['ferry.db', 'ferry.db-wal', 'ferry.db-shm']) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    db.close();
  });

  it.skipIf(process.platform === 'win32')('takes group and other permissions off a database an earlier Ferry left readable', () => {
    const dir = tempDir();
    openDatabase(dir, { create: true }).close();
    chmodSync(join(dir, 'ferry.db'), 0o644);
    openDatabase(dir).close();
    expect(statSync(join(dir, 'ferry.db')).mode & 0o777).toBe(0o600);
  });

  it('re-reads the schema version under the write lock: a migration another process applied meanwhile is skipped', () => {
    const dir = tempDir();
    openDatabase(dir, { create: true, migrations: MIGRATIONS.slice(0, 1) }).close();
    const a = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 1) });
    const b = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 1) });
    // `b` migrates at the moment `a` has read "version 1" and decided to apply migration 2 (the second
    // time `a` looks at that migration's version), as a parallel process would.
    const second = MIGRATIONS[1]!;
    let reads = 0;
    const racing = [MIGRATIONS[0]!, {
      name: second.name, sql: second.sql,
      get version() {
        reads += 1;
        if (reads === 2) migrate(b, MIGRATIONS.slice(0, 2));
        return second.version;
      },
    }];
    expect(migrate(a, racing)).toBe(2);
    expect(a.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 2 });
    a.close();
    b.close();
  });

  it('says DATA_DIR_BUSY when another connection holds the write lock longer than the timeout', () => {
    const dir = tempDir();
    openDatabase(dir, { create: true }).close();
    const holder = new DatabaseSync(join(dir, 'ferry.db'));
    holder.exec('BEGIN IMMEDIATE');
    const db = openDatabase(dir, { busyTimeoutMs: 50 });
    expect(() => transaction(db, () => db.exec("INSERT INTO settings VALUES ('a', 'b')"))).toThrow(expect.objectContaining({ code: 'DATA_DIR_BUSY' }));
    holder.exec('ROLLBACK');
    holder.close();
    db.close();
  });

  it('leaves no temp files behind when a folder is created by two openers at once', () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    const a = openDatabase(dir, { create: true });
    const b = openDatabase(dir, { create: true });
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    a.close();
    b.close();
  });
});
