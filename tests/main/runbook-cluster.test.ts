/**
 * The Atlas cluster as a picture during a run (issue 10): which node runs which version (the last one
 * read back from it, else the inventory's at the start) and whether it accepts new client connections,
 * following the guide's order — the offline half (half of each region, rounded down) is disabled,
 * upgraded and enabled again before the online half follows.
 */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { clusterPicture } from '../../src/shared/runbooks/cluster.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const TRAFFIC = [
  { name: 'fra-1', region: 'EU' }, { name: 'fra-2', region: 'EU' }, { name: 'fra-3', region: 'EU' },
  { name: 'nyc-1', region: 'US' }, { name: 'nyc-2', region: 'US' },
  { name: 'syd-1', region: 'APAC' },
];

describe('the cluster picture', () => {
  it('follows the offline half and the online half through the run, with versions read back', async () => {
    const dir = tempDir();
    await ferry(dir, 'station', 'init', '--name', 'Jump host');
    const s = createServices({ dataDir: dir, create: false, tasks: 'in-process' });
    const before = Object.fromEntries(['m1', ...TRAFFIC.map((t) => t.name)].map((n) => [n, { site: '24.1.2', base: '7.0.0' }]));
    const run = s.runbooks.start({ procedure: 'atlas-plain', appliances: { master: 'm1', traffic: TRAFFIC }, packages: [{ name: 'BeyondTrust 24.3.1', version: '24.3.1', kind: 'site' }] }, before);
    const accepting = () => Object.fromEntries(clusterPicture(s.runbooks.show(run.id)).filter((n) => n.role === 'traffic').map((n) => [n.name, n.accepting]));
    const picture = clusterPicture(run);
    // Half of each region, rounded down: EU 1 of 3, US 1 of 2, APAC none (its only node stays online).
    expect(picture.filter((n) => n.offlineFirst).map((n) => n.name)).toEqual(['fra-1', 'nyc-1']);
    expect(picture[0]).toMatchObject({ name: 'm1', role: 'master', site: '24.1.2', source: 'inventory', accepting: null });
    expect(Object.values(accepting()).every((a) => a === true)).toBe(true);

    const file = `${tempDir()}/m1.nsb`;
    (await import('node:fs')).writeFileSync(file, 'backup');
    const { sha256 } = await s.vault.importEvidence(file, new AbortController().signal);
    const basics = 'Softwareversion: 24.3.1\nBase-Softwareversion: 7.0.0';
    const doUntil = (last: string) => {
      for (;;) {
        const next = s.runbooks.show(run.id).steps.find((x) => x.status === 'ready');
        if (!next) throw new Error(`nothing ready before ${last}`);
        const evidence = next.evidence.includes('vault-file') ? [{ kind: 'vault-file' as const, value: sha256 }]
          : next.evidence.includes('pasted-basics') ? [{ kind: 'pasted-basics' as const, value: basics }] : [];
        s.runbooks.complete(run.id, next.id, evidence);
        if (next.stepId === last) return;
      }
    };
    doUntil('disable-offline-half');
    expect(accepting()).toEqual({ 'fra-1': false, 'fra-2': true, 'fra-3': true, 'nyc-1': false, 'nyc-2': true, 'syd-1': true });
    doUntil('upgrade-offline-half');
    const upgraded = clusterPicture(s.runbooks.show(run.id));
    expect(upgraded.find((n) => n.name === 'fra-1')).toMatchObject({ site: '24.3.1', source: 'read' });
    expect(upgraded.find((n) => n.name === 'fra-2')).toMatchObject({ site: '24.1.2', source: 'inventory' });
    doUntil('enable-offline-half');
    expect(Object.values(accepting()).every((a) => a === true)).toBe(true);
    doUntil('sync-cluster');
    // The online half now goes through its upgrade; the upgraded half serves the clients.
    expect(accepting()).toEqual({ 'fra-1': true, 'fra-2': false, 'fra-3': false, 'nyc-1': true, 'nyc-2': false, 'syd-1': false });
    doUntil('enable-online-half');
    const end = clusterPicture(s.runbooks.show(run.id));
    expect(end.filter((n) => n.role === 'traffic').every((n) => n.accepting === true && n.site === '24.3.1')).toBe(true);
    await s.close();
  });
});
