/**
 * Stations with audit logs, and the plain-SQL edits of someone who has the database file but not
 * the key: what the anchored-log tests attack.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import { entryHash } from '../../src/main/audit/audit-log.ts';
import { createServices } from '../../src/main/services.ts';
import { ferry } from './cli.ts';
import { tempDir } from './temp.ts';

/** A station with three audit entries (created, two settings changes). */
export async function stationWithEntries(): Promise<string> {
  const dir = tempDir();
  expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  const s = createServices({ dataDir: dir, create: false });
  s.settings.set({ language: 'en' });
  s.settings.set({ side: 'restricted' });
  await s.close();
  return dir;
}

/** Plain SQL on the database file, as someone with the folder but not the key would do it. */
export function sql<T = void>(dir: string, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(dir, 'ferry.db'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Recomputes every entry's prevHash and hash after an edit; returns the new last entry. */
export function recomputeChain(db: DatabaseSync): { seq: number; hash: string; at: string } {
  type Row = { seq: number; at: string; actor: string; action: string; subject: string; details: string };
  let prev = '0'.repeat(64);
  let last = { seq: 0, hash: prev, at: '' };
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as unknown as Row[]) {
    const hash = entryHash(prev, { ...r, details: JSON.parse(r.details) as Record<string, unknown> });
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
    last = { seq: r.seq, hash, at: r.at };
  }
  return last;
}

/** `audit verify` must fail with AUDIT_CHAIN_BROKEN (exit 1) for `reason`. */
export async function expectBroken(dir: string, reason: RegExp): Promise<void> {
  const r = await ferry(dir, 'audit', 'verify', '--json');
  expect({ code: r.code, out: r.json() }).toMatchObject({ code: 1, out: { ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { reason: expect.stringMatching(reason) } } } });
}
