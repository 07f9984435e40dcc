import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/shared/instant.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-11-27T14:03:12Z', '2026-11-27T14:03:12.000Z'],
    ['2026-11-27T14:03Z', '2026-11-27T14:03:00.000Z'],
    ['2026-11-27T15:03:12.5+01:00', '2026-11-27T14:03:12.500Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['2026-12-28junk', '2026-02-31T00:00:00Z', '2027-02-29T00:00:00Z', '2026-11-27T14:03:12', '2026-11-27', 'Dec 31 2099',
    '2026-13-01T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T14:60:00Z', '2026-11-27T14:03:12+25:00', ' 2026-11-27T14:03:12Z', ''])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});
