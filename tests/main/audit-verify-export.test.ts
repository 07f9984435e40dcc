import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** A station with three entries, its export and its public key, in a folder of their own. */
async function exported() {
  const dir = tempDir();
  await ferry(dir, 'station', 'init', '--name', 'Jump host');
  const s = createServices({ dataDir: dir, create: false });
  s.settings.set({ language: 'en' });
  s.settings.set({ side: 'restricted' });
  await s.close();
  const out = tempDir();
  const file = join(out, 'audit.jsonl');
  const pem = join(out, 'station.pem');
  expect((await ferry(dir, 'audit', 'export', '--out', file)).code).toBe(0);
  expect((await ferry(dir, 'station', 'export', '--out', pem)).code).toBe(0);
  return { file, pem, lines: readFileSync(file, 'utf8').trimEnd().split('\n') };
}

/** `verify-export` with a data directory that does not exist: it must need none and create none. */
async function verifyExport(file: string, pem: string) {
  const nowhere = join(tempDir(), 'no-such-data-dir');
  const r = await ferry(nowhere, 'audit', 'verify-export', file, '--key', pem, '--json');
  expect(existsSync(nowhere)).toBe(false);
  return r;
}

function rewrite(file: string, lines: string[]): void {
  writeFileSync(file, lines.join('\n') + '\n');
}

describe('ferry audit verify-export', () => {
  it('verifies an untouched export with the station key alone', async () => {
    const { file, pem } = await exported();
    const r = await verifyExport(file, pem);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, count: 3, station: { name: 'Jump host' } });
  });

  it('verifies the committed fixture export, which known-answers.test.ts checks with OpenSSL', async () => {
    const r = await verifyExport('tests/fixtures/audit-export.jsonl', 'tests/fixtures/station.pub.pem');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, count: 3, station: { name: 'Jump host A' } });
  });

  it('fails with AUDIT_CHAIN_BROKEN when one entry line was edited', async () => {
    const { file, pem, lines } = await exported();
    lines[1] = lines[1]!.replace('"en"', '"de"');
    rewrite(file, lines);
    const r = await verifyExport(file, pem);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN', details: { brokenAt: 2 } } });
  });

  it('fails with AUDIT_CHAIN_BROKEN when the last entry line was removed', async () => {
    const { file, pem, lines } = await exported();
    lines.splice(2, 1);
    rewrite(file, lines);
    expect((await verifyExport(file, pem)).json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN' } });
  });

  it('fails with AUDIT_CHAIN_BROKEN when the file was cut short', async () => {
    const { file, pem } = await exported();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 40));
    expect((await verifyExport(file, pem)).json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN' } });
  });

  it('fails with SIGNATURE_INVALID for another station’s key, or without the signature line', async () => {
    const { file, pem, lines } = await exported();
    const other = await exported();
    expect((await verifyExport(file, other.pem)).json()).toMatchObject({ ok: false, error: { code: 'SIGNATURE_INVALID' } });
    rewrite(file, lines.slice(0, -1));
    const r = await verifyExport(file, pem);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'SIGNATURE_INVALID' } });
  });

  it('fails when the export of one station is paired with the signature line of another export of it', async () => {
    const { pem, lines } = await exported();
    const s = tempDir();
    // Same station, a shorter log: its signed summary does not cover these entries.
    const short = lines.slice(0, 1);
    rewrite(join(s, 'short.jsonl'), [...short, lines.at(-1)!]);
    expect((await verifyExport(join(s, 'short.jsonl'), pem)).json()).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN' } });
  });

  it.each([
    ['a text file', 'hello\n'],
    ['an empty file', ''],
    ['JSON that is not an export', '{"packages":[]}\n'],
    ['a PEM key', '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n'],
  ])('a file that is not an export at all (%s) is AUDIT_EXPORT_MALFORMED (exit 1), not a broken chain', async (_label, text) => {
    const { pem } = await exported();
    const file = join(tempDir(), 'hello.txt');
    writeFileSync(file, text);
    const r = await verifyExport(file, pem);
    expect({ code: r.code, out: r.json() }).toMatchObject({ code: 1, out: { ok: false, error: { code: 'AUDIT_EXPORT_MALFORMED' } } });
  });
});

