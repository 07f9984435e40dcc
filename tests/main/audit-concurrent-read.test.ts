/**
 * Review finding 1: `audit verify` and `audit export` while another Ferry process appends. Both read
 * the entries, the head and the station in one read snapshot, so an intact log is never reported
 * broken ("entries after the last one found are missing") because an append landed between reads.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { transaction } from '../../src/main/store/database.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** A station whose log is long enough that one verification takes a while. */
async function longLog(entries: number): Promise<string> {
  const dir = tempDir();
  expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  const s = createServices({ dataDir: dir, create: false });
  transaction(s.db, () => {
    for (let n = 1; n < entries; n += 1) s.audit.append({ actor: 'test', action: 'test.seeded', subject: `entry ${n}`, details: { n } });
  });
  await s.close();
  return dir;
}

/** Starts tests/helpers/audit-writer.ts on `dir`; resolves `started` once it appends. */
function startWriter(dir: string, ms: number) {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'tests/helpers/audit-writer.ts', dir, String(ms)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markStarted: () => void;
  const started = new Promise<void>((resolve) => { markStarted = resolve; });
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); if (out.includes('started')) markStarted(); });
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const done = new Promise<{ code: number | null; appended: number; err: string }>((resolve) => {
    child.on('close', (code) => { markStarted(); resolve({ code, appended: Number(/appended (\d+)/.exec(out)?.[1] ?? 0), err }); });
  });
  return { started, done };
}

describe('reading the audit log while another process appends (review 1)', () => {
  it('verify and export see one consistent state: never a false AUDIT_CHAIN_BROKEN', async () => {
    const dir = await longLog(4000);
    const out = tempDir();
    const pem = join(out, 'station.pem');
    await ferry(dir, 'station', 'export', '--out', pem);
    const writer = startWriter(dir, 6000);
    await writer.started;
    const verified: unknown[] = [];
    const exported: unknown[] = [];
    for (let i = 0; i < 8; i += 1) {
      const r = await ferry(dir, 'audit', 'verify', '--json');
      verified.push({ code: r.code, result: r.json<{ ok: boolean }>().ok });
      const file = join(out, `export-${i}.jsonl`);
      const e = await ferry(dir, 'audit', 'export', '--out', file, '--json');
      exported.push({ code: e.code, verified: e.json<{ verified?: boolean }>().verified, check: (await ferry(dir, 'audit', 'verify-export', file, '--key', pem, '--json')).code });
    }
    const w = await writer.done;
    expect({ code: w.code, err: w.err }).toEqual({ code: 0, err: '' });
    // The writer really appended while the reads ran.
    expect(w.appended).toBeGreaterThan(50);
    expect(verified).toEqual(Array(8).fill({ code: 0, result: true }));
    expect(exported).toEqual(Array(8).fill({ code: 0, verified: true, check: 0 }));
    const last = readFileSync(join(out, 'export-7.jsonl'), 'utf8').trimEnd().split('\n');
    expect(last.length).toBeGreaterThan(4000);
  }, 120_000);
});
