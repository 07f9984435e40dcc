/**
 * The appliance inventory and its download keys (issue 8, points 1–2): versions and names checked,
 * the key's shape checked, stored sealed (never in the database or the audit log in clear), listed
 * masked with its age, a stale warning after three days, and the appliance's clock compared.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';
const BASE = ['--role', 'primary', '--hostname', 'support.example.com', '--base', '3.3.2', '--site', '12.2.0'];

async function station(): Promise<string> {
  const dir = tempDir();
  expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  return dir;
}

/** Every byte the data directory holds (database, WAL), to look for a secret in clear. */
function allBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith('ferry.db')).map((f) => readFileSync(join(dir, f))));
}

describe('appliances', () => {
  it('adds an appliance with its key: sealed at rest, masked in the list, never in the audit log', async () => {
    const dir = await station();
    const added = await ferry(dir, 'appliance', 'add', '--name', 'Gerät A', ...BASE, '--download-key', KEY, '--json');
    expect(added.code, added.out).toBe(0);
    expect(added.json()).toMatchObject({ name: 'Gerät A', role: 'primary', topology: 'failover', base: '3.3.2', siteVersion: '12.2.0', downloadKey: { stale: false, driftSeconds: null } });
    const masked = added.json<{ downloadKey: { masked: string } }>().downloadKey.masked;
    expect(masked).not.toContain(KEY.slice(4, 20));
    expect(allBytes(dir).includes(Buffer.from(KEY))).toBe(false);
    const exported = join(tempDir(), 'audit.jsonl');
    await ferry(dir, 'audit', 'export', '--out', exported);
    const log = readFileSync(exported, 'utf8');
    expect(log).toContain('appliance.keyCaptured');
    expect(log).not.toContain(KEY);
    // The clear key is there for the request (and for "copy").
    const s = createServices({ dataDir: dir, create: false });
    expect(s.appliances.downloadKey('Gerät A')).toBe(KEY);
    await s.close();
  });

  it('warns about a key three days old and about an appliance clock more than five minutes off', async () => {
    const dir = await station();
    const captured = new Date('2026-11-20T10:00:00Z');
    let now = captured;
    const s = createServices({ dataDir: dir, create: false, now: () => now });
    s.appliances.add({ name: 'A', role: 'standalone', hostname: 'a.example.com', base: '3.3.2', siteVersion: '12.2.0', downloadKey: KEY, applianceTime: '2026-11-20T10:07:00Z' });
    expect(s.appliances.show('A').downloadKey).toMatchObject({ stale: false, driftSeconds: 420, driftWarning: true });
    now = new Date('2026-11-23T10:00:01Z');
    expect(s.appliances.show('A').downloadKey).toMatchObject({ stale: true, ageDays: 3 });
    s.appliances.setDownloadKey('A', `${KEY}-new`, '2026-11-23T10:00:30Z');
    expect(s.appliances.show('A').downloadKey).toMatchObject({ stale: false, driftSeconds: 29, driftWarning: false });
    await s.close();
  });

  it.each([
    [['--download-key', 'short'], 1, 'KEY_FORMAT_INVALID'],
    [['--download-key', 'has inner spaces in the key text'], 1, 'KEY_FORMAT_INVALID'],
    [['--base', 'three'], 1, 'VERSION_INVALID'],
    [['--hostname', 'https://support.example.com/login'], 2, 'USAGE'],
    [['--role', 'gateway'], 2, 'USAGE'],
    [['--region', 'EU'], 2, 'USAGE'],
    [['--appliance-time', 'yesterday', '--download-key', KEY], 2, 'USAGE'],
  ])('refuses %j with exit %i and %s, adding nothing', async (change, code, error) => {
    const dir = await station();
    const args = [...BASE];
    for (let i = 0; i < change.length; i += 2) {
      const at = args.indexOf(change[i]!);
      if (at >= 0) args[at + 1] = change[i + 1]!;
      else args.push(change[i]!, change[i + 1]!);
    }
    const run = await ferry(dir, 'appliance', 'add', '--name', 'A', ...args, '--json');
    expect({ code: run.code, error: run.json<{ error: { code: string } }>().error.code }).toEqual({ code, error });
    expect((await ferry(dir, 'appliance', 'list', '--json')).json<{ appliances: unknown[] }>().appliances).toEqual([]);
  });

  it('names are unique, and a new key replaces the old one', async () => {
    const dir = await station();
    expect((await ferry(dir, 'appliance', 'add', '--name', 'A', ...BASE)).code).toBe(0);
    const twice = await ferry(dir, 'appliance', 'add', '--name', 'A', ...BASE, '--json');
    expect(twice.code).toBe(2);
    const keyed = await ferry(dir, 'appliance', 'key', 'A', '--download-key', KEY, '--json');
    expect(keyed.code, keyed.out).toBe(0);
    const s = createServices({ dataDir: dir, create: false });
    expect(s.appliances.downloadKey('A')).toBe(KEY);
    await s.close();
    expect((await ferry(dir, 'appliance', 'key', 'nobody', '--download-key', KEY)).code).toBe(2);
  });
});

describe('correcting the versions the inventory holds', () => {
  it('sets both versions, audits before and after with where they came from, and changes nothing for the same values', async () => {
    const dir = await station();
    expect((await ferry(dir, 'appliance', 'add', '--name', 'Gerät A', ...BASE)).code).toBe(0);
    const set = await ferry(dir, 'appliance', 'versions', 'Gerät A', '--base', '4.0.0', '--site', '13.1.0', '--json');
    expect(set.code, set.out).toBe(0);
    expect(set.json()).toMatchObject({ name: 'Gerät A', base: '4.0.0', siteVersion: '13.1.0' });
    expect((await ferry(dir, 'appliance', 'versions', 'Gerät A', '--base', '4.0.0', '--site', '13.1.0')).code).toBe(0);
    const s = createServices({ dataDir: dir, tasks: 'in-process' });
    try {
      const entries = s.audit.list({ limit: 50 }).entries.filter((e) => e.action === 'appliance.versionsChanged');
      expect(entries.map((e) => e.details)).toEqual([{ name: 'Gerät A', from: 'Base 3.3.2 · Site 12.2.0', to: 'Base 4.0.0 · Site 13.1.0', source: 'hand' }]);
      s.appliances.setVersions('Gerät A', '4.0.0', '13.2.0', 'link-reading');
      expect(s.audit.list({ limit: 50 }).entries.find((e) => e.action === 'appliance.versionsChanged' && e.details['source'] === 'link-reading')?.details['to']).toBe('Base 4.0.0 · Site 13.2.0');
    } finally {
      await s.close();
    }
  });

  it('refuses what is not a version with VERSION_INVALID and keeps the old ones; an unknown appliance is USAGE', async () => {
    const dir = await station();
    expect((await ferry(dir, 'appliance', 'add', '--name', 'Gerät A', ...BASE)).code).toBe(0);
    const bad = await ferry(dir, 'appliance', 'versions', 'Gerät A', '--base', '4.0', '--site', 'latest', '--json');
    expect(bad.code).not.toBe(0);
    expect(bad.json<{ error: { code: string; details: { field: string } } }>().error).toMatchObject({ code: 'VERSION_INVALID', details: { field: 'site' } });
    expect((await ferry(dir, 'appliance', 'list', '--json')).json<{ appliances: { base: string; siteVersion: string }[] }>().appliances[0]).toMatchObject({ base: '3.3.2', siteVersion: '12.2.0' });
    expect((await ferry(dir, 'appliance', 'versions', 'Nobody', '--base', '4.0.0', '--site', '13.1.0', '--json')).json<{ error: { code: string } }>().error.code).toBe('USAGE');
    expect((await ferry(dir, 'appliance', 'versions', 'Gerät A', '--base', '4.0.0')).code).toBe(2);
  });
});
