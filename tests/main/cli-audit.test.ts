import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pae } from '../../src/main/crypto/dsse.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

describe('ferry audit', () => {
  it('verify passes on a fresh station', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, count: 1, anchored: true });
  });

  it('verify fails with AUDIT_CHAIN_BROKEN (exit 1) after one byte of one entry changed in the database', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const db = new DatabaseSync(join(dir, 'ferry.db'));
    // Change exactly one byte of the stored entry: the first letter of the station name.
    const before = (db.prepare('SELECT details FROM audit_log WHERE seq = 1').get() as { details: string }).details;
    const after = before.replace('Jump host', 'Kump host');
    expect(after.length).toBe(before.length);
    db.prepare('UPDATE audit_log SET details = ? WHERE seq = 1').run(after);
    db.close();
    const r = await ferry(dir, 'audit', 'verify', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { brokenAt: 1 } } });
  });

  it('export writes JSON Lines ending in a signature that verifies over the entries', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const out = join(tempDir(), 'audit.jsonl');
    const r = await ferry(dir, 'audit', 'export', '--out', out, '--json');
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['entry', 'signature']);
    const trailer = lines[1] as { publicKeyPem: string; envelope: { payloadType: string; payload: string; signatures: { sig: string }[] } };
    const payload = Buffer.from(trailer.envelope.payload, 'base64');
    const ok = verify(null, pae(trailer.envelope.payloadType, payload), createPublicKey(trailer.publicKeyPem), Buffer.from(trailer.envelope.signatures[0]!.sig, 'base64'));
    expect(ok).toBe(true);
    expect(JSON.parse(payload.toString())).toMatchObject({ count: 1, verified: true });
  });

  it('runs as a real process through `npm run ferry` semantics with exit codes', () => {
    const dir = tempDir();
    const run = (...args: string[]) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/main/cli.ts', ...args, '--data-dir', dir], { encoding: 'utf8' });
    expect(run('station', 'init', '--name', 'X').status).toBe(0);
    expect(run('audit', 'verify').status).toBe(0);
    expect(run('audit', 'nope').status).toBe(2);
  });
});
