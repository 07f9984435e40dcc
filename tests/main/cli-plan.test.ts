import { existsSync, writeFileSync } from 'node:fs';
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
      blockers: [
        { package: 'BeyondTrust 13.1.0', requires: { component: 'site', range: '>=12.2.0' }, available: ['12.2.0', '13.1.0'] },
        { package: 'Bomgar-12.2.0', requires: { component: 'base', range: '>=3.3.2 <4.0.0' }, available: ['4.0.0'] },
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
});
