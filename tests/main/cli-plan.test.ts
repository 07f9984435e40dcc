import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const CATALOG = {
  packages: [
    { name: 'Bomgar-12.2.0', kind: 'site', version: '12.2.0', upgradesFrom: '>=12.0.0', requires: [{ component: 'base', range: '>=3.3.2 <4.0.0' }] },
    { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', upgradesFrom: '>=12.2.0', requires: [{ component: 'base', range: '>=4.0.0' }] },
    { name: 'Base Software 3.3.2', kind: 'base', version: '3.3.2', file: 'packages/base-3.3.2.nsu', sha256: 'a'.repeat(64) },
    { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' },
  ],
};

function catalogFile(content: unknown = CATALOG): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'catalog.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return { dir, file };
}

describe('ferry plan', () => {
  it('prints the DESIGN --json shape for a reachable plan (exit 0), manifest fields allowed in the catalog', async () => {
    const { dir, file } = catalogFile();
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--json');
    expect(r.code).toBe(0);
    const out = r.json<{ reachable: boolean; steps: unknown[] }>();
    expect(out.reachable).toBe(true);
    expect(out.steps).toEqual([
      { name: 'Base Software 3.3.2', kind: 'base', version: '3.3.2', waitAfterHours: 0 },
      { name: 'Bomgar-12.2.0', kind: 'site', version: '12.2.0', waitAfterHours: 24 },
      { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0', waitAfterHours: 0 },
      { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', waitAfterHours: 0 },
    ]);
  });

  it('prints a readable numbered plan with the wait', async () => {
    const { dir, file } = catalogFile();
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--target', '13.1.0', '--wait-hours', '36');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ 1\. Base Software 3\.3\.2/);
    expect(r.out).toMatch(/ 2\. Bomgar-12\.2\.0 .*\n\s+wait 36 h/);
    expect(r.out).toMatch(/ 4\. BeyondTrust 13\.1\.0/);
  });

  it('exits 1 with blockers when the target cannot be reached', async () => {
    const { dir, file } = catalogFile({ packages: CATALOG.packages.filter((p) => p.name !== 'Base Software 3.3.2') });
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({
      reachable: false,
      // The root cause first (the base nothing provides), each with its kind and reason.
      blockers: [
        { package: 'Bomgar-12.2.0', requires: { component: 'base', range: '>=3.3.2 <4.0.0' }, available: ['4.0.0'], kind: 'missing',
          reason: 'Bomgar-12.2.0 needs base >=3.3.2 <4.0.0: the catalog has no such version (it has 4.0.0)' },
        { package: 'BeyondTrust 13.1.0', requires: { component: 'site', range: '>=12.2.0' }, available: ['12.2.0', '13.1.0'], kind: 'gap',
          reason: 'BeyondTrust 13.1.0 needs site >=12.2.0: the catalog has 12.2.0, 13.1.0, but none of them can be installed from site 12.0.0' },
      ],
      nextTrip: [{ component: 'base', range: '>=3.3.2 <4.0.0' }],
    });
  });

  it('exits 2 for bad arguments and 3 for a missing catalog; 1 for an invalid catalog', async () => {
    const { dir, file } = catalogFile();
    expect((await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4')).code).toBe(2);
    expect((await ferry(dir, 'plan', '--catalog', file, '--base', 'three', '--site', '12.0.0')).code).toBe(2);
    expect((await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--wait-hours', '-1')).code).toBe(2);
    expect((await ferry(dir, 'plan', '--catalog', join(dir, 'none.json'), '--base', '3.2.4', '--site', '12.0.0')).code).toBe(3);
    const bad = catalogFile({ packages: [{ name: 'x', kind: 'site', version: '1.x' }] });
    const r = await ferry(bad.dir, 'plan', '--catalog', bad.file, '--base', '3.2.4', '--site', '12.0.0', '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'CATALOG_INVALID' } });
    const notJson = catalogFile('{ packages: ');
    expect((await ferry(notJson.dir, 'plan', '--catalog', notJson.file, '--base', '3.2.4', '--site', '12.0.0')).code).toBe(1);
  });

  it('writes nothing to the data directory', async () => {
    const { dir, file } = catalogFile();
    const data = join(dir, 'data');
    await ferry(data, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0');
    expect(existsSync(join(data, 'ferry.db'))).toBe(false);
  });

  it('refuses a device quickly and a file over the catalog limit while reading (issue 6, defect 3)', async () => {
    const { dir, file } = catalogFile();
    const started = performance.now();
    const device = await ferry(dir, 'plan', '--catalog', '/dev/zero', '--base', '3.2.4', '--site', '12.0.0', '--json');
    expect(device.code).toBe(3);
    expect(device.json()).toMatchObject({ ok: false, error: { code: 'INPUT_NOT_A_FILE' } });
    expect(performance.now() - started).toBeLessThan(2000);
    truncateSync(file, 17 * 1024 * 1024);
    const large = await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--json');
    expect(large.code).toBe(1);
    expect(large.json()).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE' } });
  });

  it('reads numbers as plain decimals: empty, hex, exponent, padded and infinite values are usage errors (issue 6, defect 7)', async () => {
    const { dir, file } = catalogFile();
    const plan = (...extra: string[]) => ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--json', ...extra);
    for (const bad of ['', '0x10', '1e3', ' 5', '5 ', 'Infinity', '-1', '1.', '.5', '+5', '9'.repeat(400)]) {
      const r = await plan(`--wait-hours=${bad}`);
      expect(r.code, JSON.stringify(bad)).toBe(2);
      expect(r.json(), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    }
    expect((await plan('--stored-data-gib=')).code).toBe(2);
    expect((await plan('--target=')).code).toBe(2);
    const half = await plan('--wait-hours', '0.5');
    expect(half.code).toBe(0);
    expect(half.json<{ steps: { waitAfterHours: number }[] }>().steps.map((s) => s.waitAfterHours)).toEqual([0, 0.5, 0, 0]);
    expect((await plan('--wait-hours', '24')).json<{ steps: { waitAfterHours: number }[] }>().steps[1]!.waitAfterHours).toBe(24);
  });

  it('maps --redeploy-clients, --target-base and --stored-data-gib onto the plan service', async () => {
    const { dir, file } = catalogFile();
    const plan = (...extra: string[]) => ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0', '--json', ...extra);
    const redeploy = await plan('--redeploy-clients');
    expect(redeploy.json<{ steps: { waitAfterHours: number }[] }>().steps.every((s) => s.waitAfterHours === 0)).toBe(true);
    expect((await plan('--redeploy-clients', '--wait-hours', '12')).code).toBe(2);
    const base = await plan('--target', '12.2.0', '--target-base', '4.0.0');
    expect(base.json<{ steps: { version: string }[] }>().steps.map((s) => s.version)).toEqual(['3.3.2', '12.2.0', '4.0.0']);
    const slow = await plan('--stored-data-gib', '1000');
    expect(slow.json<{ estimate: { installMinutes: { max: number } } }>().estimate.installMinutes.max).toBeGreaterThan(4 * 60);
    expect((await plan('--target-base', 'four')).code).toBe(2);
  });

  it('prints names from the catalog escaped, so a name cannot forge a line', async () => {
    const forged = { packages: [{ name: 'BeyondTrust 12.2.0\n  9. Fake step\u001b[2J', kind: 'site', version: '12.2.0' }] };
    const { dir, file } = catalogFile(forged);
    const r = await ferry(dir, 'plan', '--catalog', file, '--base', '3.2.4', '--site', '12.0.0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('BeyondTrust 12.2.0\\u000a  9. Fake step\\u001b[2J');
    expect(r.out).not.toMatch(/\n\s+9\. Fake/);
    expect(r.out).not.toContain('\u001b');
  });
});

describe('ferry plan as a process', () => {
  it('ends quietly when its reader stops early (| head), without an EPIPE stack trace', () => {
    const dir = tempDir();
    const catalog = join(dir, 'chain.json');
    const packages = Array.from({ length: 1500 }, (_, i) => ({ name: `s${i}`, kind: 'site', version: `1.${i}.0` }));
    writeFileSync(catalog, JSON.stringify({ packages: packages.map((p, i) => ({ ...p, upgradesFrom: `>=1.${Math.max(i - 1, 0)}.0` })) }));
    const cli = join(import.meta.dirname, '../../src/main/cli.ts');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" plan --catalog "${catalog}" --base 1.0.0 --site 1.0.0 | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });

  it('says so and exits 3 when its result cannot be written (stdout on a full disk)', () => {
    const dir = tempDir();
    const catalog = join(dir, 'c.json');
    writeFileSync(catalog, JSON.stringify({ packages: [{ name: 'BeyondTrust 12.1.0', kind: 'site', version: '12.1.0' }] }));
    const cli = join(import.meta.dirname, '../../src/main/cli.ts');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" plan --catalog "${catalog}" --base 1.0.0 --site 12.0.0 > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('OUTPUT_NOT_WRITABLE');
  });
});
