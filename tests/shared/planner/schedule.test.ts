import { describe, expect, it } from 'vitest';
import { planUpgrade, proportions, schedule, type ReachablePlan } from '../../../src/shared/planner/index.ts';

const plan = planUpgrade([
  { name: 'BeyondTrust 12.2.0', kind: 'site', version: '12.2.0' },
  { name: 'BeyondTrust 13.0.0', kind: 'site', version: '13.0.0', upgradesFrom: '>=12.2.0' },
], { base: '4.0.0', site: '12.0.0' }, { site: '13.0.0' }) as ReachablePlan;

describe('plan schedule', () => {
  it('puts installs (upper estimate) and waits on the calendar in order', () => {
    const items = schedule(plan, new Date('2026-12-01T09:00:00Z'));
    expect(items.map((i) => [i.item.type, i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['install', '2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z'],
      ['wait', '2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z'],
      ['install', '2026-12-02T10:00:00.000Z', '2026-12-02T11:00:00.000Z'],
    ]);
  });

  it('draws to scale but keeps short installs visible', () => {
    const shares = proportions(plan, 0.05);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(shares[0]).toBeGreaterThan(0.04);
    expect(shares[1]).toBeGreaterThan(0.8);
  });
});
