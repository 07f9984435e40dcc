import { describe, expect, it } from 'vitest';
import { compareVersions, parseRange, parseVersion, satisfies, sortVersions } from '../../src/shared/versions.ts';

describe('versions', () => {
  it('compare numerically, component by component: 3.10.0 > 3.9.0', () => {
    expect(compareVersions('3.10.0', '3.9.0')).toBe(1);
    expect(compareVersions('12.2.0', '3.3.2')).toBe(1);
    expect(compareVersions('24.1.2', '24.1.10')).toBe(-1);
    expect(sortVersions(['3.9.0', '3.10.0', '3.3.2', '12.0.0'])).toEqual(['3.3.2', '3.9.0', '3.10.0', '12.0.0']);
  });

  it('have any length; missing components count as zero', () => {
    expect(compareVersions('3.3', '3.3.0')).toBe(0);
    expect(compareVersions('4', '3.99.99.99')).toBe(1);
    expect(parseVersion('1.2.3.4.5')).toEqual([1, 2, 3, 4, 5]);
  });

  it('reject what is not a dotted number, saying which text', () => {
    for (const bad of ['', '3.', '.3', 'v3.3', '3.3-beta', '3..3', 'latest']) {
      expect(() => parseVersion(bad)).toThrow(expect.objectContaining({ code: 'VERSION_INVALID' }));
    }
    expect(() => parseVersion('3.x')).toThrow(/"3\.x" is not a version/);
  });
});

describe('ranges', () => {
  it('hold when every space-separated comparator holds', () => {
    expect(satisfies('3.3.2', '>=3.3.2 <4.0.0')).toBe(true);
    expect(satisfies('4.0.0', '>=3.3.2 <4.0.0')).toBe(false);
    expect(satisfies('3.2.4', '>=3.3.2 <4.0.0')).toBe(false);
    expect(satisfies('3.10.0', '>3.9.0')).toBe(true);
    expect(satisfies('3.9', '<=3.9.0')).toBe(true);
  });

  it('accept an exact version, =, *, spaces after operators, and || alternatives', () => {
    expect(satisfies('3.3.2', '3.3.2')).toBe(true);
    expect(satisfies('3.3.3', '=3.3.2')).toBe(false);
    expect(satisfies('1.0', '*')).toBe(true);
    expect(satisfies('3.4', '>= 3.3.2 < 4')).toBe(true);
    expect(satisfies('5.1', '<4 || >=5')).toBe(true);
    expect(satisfies('4.5', '<4 || >=5')).toBe(false);
  });

  it('reject malformed ranges clearly', () => {
    expect(() => parseRange('>=3.3.2 <')).toThrow(expect.objectContaining({ code: 'RANGE_INVALID' }));
    expect(() => parseRange('~3.3')).toThrow(/"~3\.3" in range/);
    expect(() => parseRange('>=1 ||')).toThrow(expect.objectContaining({ code: 'RANGE_INVALID' }));
  });
});
