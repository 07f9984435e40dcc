/**
 * Writing requests onto a medium: parallel writers never replace each other's file; names stay
 * FAT-safe and short enough; a medium that links elsewhere, or the data directory, is refused.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { startFerry } from '../helpers/cli-process.ts';
import { tempDir } from '../helpers/temp.ts';

async function restricted(): Promise<string> {
  const dir = tempDir();
  await ferry(dir, 'station', 'init', '--name', 'Jump host');
  await ferry(dir, 'appliance', 'add', '--name', 'A', '--role', 'standalone', '--hostname', 'support.example.com', '--base', '3.3.2', '--site', '12.2.0');
  return dir;
}

describe('request create', () => {
  it('four processes in the same minute write four files, each recorded', async () => {
    const r = await restricted();
    const medium = tempDir();
    const runs = await Promise.all([1, 2, 3, 4].map(() => startFerry(['request', 'create', '--out', medium, '--json', '--data-dir', r]).done));
    const files = runs.map((run) => (JSON.parse(run.out) as { file: string }).file);
    expect(new Set(files).size).toBe(4);
    const onMedium = readdirSync(join(medium, 'FERRY', 'requests'));
    expect(onMedium.sort()).toEqual(files.map((f) => basename(f)).sort());
    const ids = new Set(files.map((f) => (JSON.parse(Buffer.from((JSON.parse(readFileSync(f, 'utf8')) as { payload: string }).payload, 'base64').toString()) as { id: string }).id));
    expect(ids.size).toBe(4);
  });

  it('a long site name still gives a file name FAT accepts; a site that is no host name is refused', async () => {
    const r = await restricted();
    const site = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(45)}.example.com`;
    const run = await ferry(r, 'request', 'create', '--out', tempDir(), '--site', site, '--json');
    expect(run.code, run.out).toBe(0);
    expect(basename(run.json<{ file: string }>().file).length).toBeLessThanOrEqual(255);
    const bad = await ferry(r, 'request', 'create', '--out', tempDir(), '--site', 'support.example.com/login', '--json');
    expect({ code: bad.code, error: bad.json<{ error: { code: string } }>().error.code }).toEqual({ code: 2, error: 'USAGE' });
  });

  it('refuses a medium whose FERRY folder links elsewhere, and the data directory itself', async () => {
    const r = await restricted();
    const medium = tempDir();
    symlinkSync(tempDir(), join(medium, 'FERRY'));
    const linked = await ferry(r, 'request', 'create', '--out', medium, '--json');
    expect({ code: linked.code, error: linked.json<{ error: { code: string } }>().error.code }).toEqual({ code: 3, error: 'OUTPUT_NOT_WRITABLE' });
    const inside = await ferry(r, 'request', 'create', '--out', r, '--json');
    expect(inside.json<{ error: { code: string } }>().error.code).toBe('OUTPUT_NOT_WRITABLE');
    const other = await restricted();
    mkdirSync(join(other, 'sub'));
    const below = await ferry(r, 'request', 'create', '--out', join(other, 'sub'), '--json');
    expect(below.json<{ error: { code: string } }>().error.code).toBe('OUTPUT_NOT_WRITABLE');
  });
});
