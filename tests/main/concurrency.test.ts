import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { ferryProcess } from '../helpers/cli-process.ts';
import { MIGRATIONS } from '../../src/main/store/migrations.ts';
import { writeLegacyStation } from '../helpers/legacy-station.ts';
import { tempDir } from '../helpers/temp.ts';

const PARALLEL = 20;

function codes(runs: { code: number | null; out: string }[]): { code: number | null; error: string | undefined }[] {
  return runs.map((r) => ({ code: r.code, error: r.code === 0 ? undefined : (JSON.parse(r.out) as { error: { code: string } }).error.code }));
}

function query<T>(dir: string, sql: string): T[] {
  const db = new DatabaseSync(join(dir, 'ferry.db'));
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('parallel Ferry processes on one data directory (issue 6.4)', () => {
  it(`exactly one of ${PARALLEL} parallel "station init" on a fresh folder creates the station; the rest say STATION_EXISTS`, async () => {
    const dir = join(tempDir(), 'data');
    const runs = await Promise.all(Array.from({ length: PARALLEL }, (_, i) =>
      ferryProcess(['station', 'init', '--name', `Station ${i}`, '--data-dir', dir, '--json'])));
    const results = codes(runs);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    expect(results.filter((r) => r.code !== 0)).toEqual(Array(PARALLEL - 1).fill({ code: 1, error: 'STATION_EXISTS' }));
    expect((await ferry(dir, 'audit', 'verify', '--json')).json()).toMatchObject({ ok: true, count: 1, anchored: true });
  }, 120_000);

  it(`${PARALLEL} parallel "audit verify" all succeed`, async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const runs = await Promise.all(Array.from({ length: PARALLEL }, () => ferryProcess(['audit', 'verify', '--data-dir', dir, '--json'])));
    expect(codes(runs)).toEqual(Array(PARALLEL).fill({ code: 0, error: undefined }));
  }, 120_000);

  it(`${PARALLEL} parallel "audit verify" on a schema-1 folder migrate it once and anchor it once`, async () => {
    const dir = tempDir();
    writeLegacyStation(dir);
    const runs = await Promise.all(Array.from({ length: PARALLEL }, () => ferryProcess(['audit', 'verify', '--data-dir', dir, '--json'])));
    expect(codes(runs)).toEqual(Array(PARALLEL).fill({ code: 0, error: undefined }));
    expect(query(dir, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(query(dir, "SELECT seq FROM audit_log WHERE action = 'audit.anchored'")).toEqual([{ seq: 2 }]);
  }, 120_000);

  it('a write lock held longer than the busy timeout is DATA_DIR_BUSY (exit 3), not INTERNAL_ERROR', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const holder = new DatabaseSync(join(dir, 'ferry.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await ferryProcess(['station', 'init', '--name', 'Second', '--data-dir', dir, '--json'], { FERRY_BUSY_TIMEOUT_MS: '300' });
      expect(r.code).toBe(3);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'DATA_DIR_BUSY' } });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);
});
