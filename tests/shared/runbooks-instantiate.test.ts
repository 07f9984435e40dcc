/** Runbooks made concrete: the Atlas half per region, install steps per package, gates kept, one failover variant. */
import { describe, expect, it } from 'vitest';
import { offlineFirst, parseTrafficNodes } from '../../src/shared/runbooks/atlas.ts';
import { instantiate } from '../../src/shared/runbooks/instantiate.ts';
import type { RunbookDefinition, RunbookStep } from '../../src/shared/runbooks/types.ts';

const t = (s: string) => ({ de: `${s} (de)`, en: s });
const step = (id: string, extra: Partial<RunbookStep> = {}): RunbookStep => ({
  id, kind: 'action', title: t(id), text: t(id), guideRef: 'Heading', guidePath: [], appliesTo: 'A', requires: [], evidence: [], ...extra,
});

describe('the Atlas half per region', () => {
  it('takes floor(n/2) of each region offline first, so a region’s only node stays online', () => {
    const nodes = parseTrafficNodes('fra-2:EU,fra-1:EU,nyc-1:US,nyc-2:US,nyc-3:US,syd-1:APAC')!;
    expect(offlineFirst(nodes).sort()).toEqual(['fra-1', 'nyc-1']);
    expect(offlineFirst([{ name: 'only', region: 'EU' }])).toEqual([]);
  });

  it('refuses a malformed or repeated --traffic-nodes list', () => {
    for (const bad of ['fra-1', 'fra-1:EU,fra-1:US', 'a:b:c', '']) expect(parseTrafficNodes(bad), bad).toBeNull();
  });
});

describe('instantiate', () => {
  const definition: RunbookDefinition = {
    id: 'failover-async', title: t('x'), summary: t('x'), topology: 'failover', guideRef: 'Chapter',
    sections: [{ id: 's', title: t('s'), steps: [
      step('backup', { kind: 'backup', evidence: ['vault-file'] }),
      step('upgrade-b', { kind: 'install', appliesTo: 'B', requires: ['backup'] }),
      step('switch-ip', { kind: 'switch', variant: 'shared-ip', requires: ['upgrade-b'] }),
      step('switch-dns', { kind: 'switch', variant: 'dns-swing', requires: ['upgrade-b'] }),
      step('verify-b', { kind: 'verify', appliesTo: 'B', requires: ['upgrade-b'], evidence: ['pasted-basics'] }),
      step('offline', { appliesTo: 'offline-half' }),
    ] }],
  };

  it('expands install steps per package in plan order, each gated by the one before and by the step\'s own gates; later steps wait for the last', () => {
    const steps = instantiate(definition, {
      appliances: { A: 'appliance-a', B: 'appliance-b' },
      packages: [{ name: 'Base Software 4.0.0', version: '4.0.0' }, { name: 'BeyondTrust 13.1.0', version: '13.1.0' }],
    });
    expect(steps.map((s) => s.id)).toEqual(['backup', 'upgrade-b#1', 'upgrade-b#2', 'switch-ip', 'verify-b', 'offline']);
    expect(steps.find((s) => s.id === 'upgrade-b#1')!.requires).toEqual(['backup']);
    expect(steps.find((s) => s.id === 'upgrade-b#2')).toMatchObject({ requires: ['backup', 'upgrade-b#1'], package: { version: '13.1.0' }, appliances: ['appliance-b'] });
    expect(steps.find((s) => s.id === 'verify-b')!.requires).toEqual(['upgrade-b#2']);
  });

  it('keeps only the chosen way to make B primary', () => {
    const steps = instantiate(definition, { appliances: { A: 'a', B: 'b' }, variant: 'dns-swing' });
    expect(steps.map((s) => s.id)).toContain('switch-dns');
    expect(steps.map((s) => s.id)).not.toContain('switch-ip');
  });

  it('names the traffic nodes of the offline half', () => {
    const steps = instantiate(definition, { appliances: { traffic: parseTrafficNodes('fra-1:EU,fra-2:EU')! } });
    expect(steps.find((s) => s.id === 'offline')!.appliances).toEqual(['fra-1']);
  });
});
