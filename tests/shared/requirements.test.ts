import { describe, expect, it } from 'vitest';
import type { Package } from '../../src/shared/packages.ts';
import { withCatalogRequirements } from '../../src/shared/transfer/requirements.ts';

const catalog: Package[] = [
  { name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' },
  { name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0', requires: [{ component: 'base', range: '>=4.0.0' }], upgradesFrom: '>=12.2.0' },
];

describe('withCatalogRequirements', () => {
  it('joins requirements by kind and version, keeps what the person entered, counts the matches', () => {
    const confirmed = [
      { file: 'bt.nsu', name: 'BeyondTrust 13.1.0', kind: 'site' as const, version: '13.1.0' },
      { file: 'b.bin', name: 'Base Software 4.0', kind: 'base' as const, version: '4.0' },
      { file: 'x.bin', name: 'Other', kind: 'other' as const, version: '1.0', requires: [{ component: 'site', range: '>=1.0.0' }] },
      { file: 'old.nsu', name: 'BeyondTrust 12.2.0', kind: 'site' as const, version: '12.2.0', upgradesFrom: '>=12.0.0' },
    ];
    const { packages, matched } = withCatalogRequirements(confirmed, catalog);
    expect(matched).toBe(2);
    expect(packages[0]).toEqual({ ...confirmed[0], requires: [{ component: 'base', range: '>=4.0.0' }], upgradesFrom: '>=12.2.0' });
    // 4.0 and 4.0.0 are the same version; a base entry without requirements adds none.
    expect(packages[1]).toEqual(confirmed[1]);
    expect(packages[2]).toEqual(confirmed[2]);
    expect(packages[3]).toEqual(confirmed[3]);
  });
});
