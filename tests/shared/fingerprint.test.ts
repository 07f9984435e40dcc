import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/canonical-json.ts';
import { formatFingerprint, normalizeFingerprint } from '../../src/shared/fingerprint.ts';

const fp = '1f47a34fff0eef7f1a5bb341831b07afc45bc04601625629c974f56ba80954ad';

describe('fingerprints', () => {
  it('are shown in groups of four', () => {
    expect(formatFingerprint(fp)).toBe('1f47 a34f ff0e ef7f 1a5b b341 831b 07af c45b c046 0162 5629 c974 f56b a809 54ad');
  });

  it('accept what a person types: spaces, dashes, colons, capitals', () => {
    expect(normalizeFingerprint(formatFingerprint(fp).toUpperCase())).toBe(fp);
    expect(normalizeFingerprint(formatFingerprint(fp).replaceAll(' ', '-'))).toBe(fp);
    expect(normalizeFingerprint(fp.match(/../g)!.join(':'))).toBe(fp);
  });

  it('reject anything that is not 64 hex digits', () => {
    expect(normalizeFingerprint(fp.slice(1))).toBeNull();
    expect(normalizeFingerprint(`${fp}0`)).toBeNull();
    expect(normalizeFingerprint(fp.replace('f', 'g'))).toBeNull();
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});
