import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/main/store/database.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { tempDir } from '../helpers/temp.ts';

describe('database', () => {
  it('opens in WAL mode with every migration applied once', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
    const again = openDatabase(dir);
    const rows = again.prepare('SELECT version FROM schema_migrations').all();
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  it('rolls a failing migration back entirely', () => {
    const db = openDatabase(tempDir());
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('refuses a damaged database file with DATA_DIR_UNUSABLE and leaves it as it was', () => {
    const dir = tempDir();
    const garbage = Buffer.from('this is not an SQLite database, it is a shopping list'.repeat(100));
    writeFileSync(join(dir, 'ferry.db'), garbage);
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_UNUSABLE' }));
    expect(readFileSync(join(dir, 'ferry.db')).equals(garbage)).toBe(true);
  });

  it('refuses a database from a newer Ferry', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO schema_migrations VALUES (1000, 'future', 'now')").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_UNUSABLE' }));
  });
});
