import { describe, expect, it } from 'vitest';
import { FerryError } from '../../src/shared/errors.ts';
import {
  CLOCK_DRIFT_WARN_SECONDS, KEY_STALE_AFTER_DAYS, checkDownloadKey, clockDrift, keyAge, maskKey,
} from '../../src/shared/transfer/download-key.ts';

const KEY = 'AbCd-1234_efGH+ijkl/MNOP=qrst~uvwx.YZ09';

/** The thrown error, for looking at its code and details. */
const refusal = (text: string): FerryError => {
  try {
    checkDownloadKey(text);
  } catch (error) {
    return error as FerryError;
  }
  throw new Error(`accepted ${JSON.stringify(text)}`);
};

describe('checkDownloadKey', () => {
  it('accepts printable ASCII, trimmed, with line breaks from a wrapped copy removed', () => {
    expect(checkDownloadKey(`  ${KEY}\n`)).toBe(KEY);
    expect(checkDownloadKey('AbCd-1234_efGH+ij\r\n   kl/MNOP=qrst~u\n\tvwx.YZ09')).toBe(KEY);
    const punctuation = '!"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`{|}~';
    expect(checkDownloadKey(punctuation)).toBe(punctuation);
  });

  it('accepts 16 to 4096 characters', () => {
    expect(checkDownloadKey('k'.repeat(16))).toHaveLength(16);
    expect(checkDownloadKey('k'.repeat(4096))).toHaveLength(4096);
  });

  it.each([
    ['', 'empty'],
    [' \r\n\t ', 'empty'],
    ['k'.repeat(15), 'tooShort'],
    ['k'.repeat(4097), 'tooLong'],
    ['AbCd 1234 efGH ijkl', 'spaces'],
    ['AbCd1234\tefGHijkl', 'spaces'],
    ['AbCd1234\u00a0efGHijkl', 'spaces'],
    ['Schlüssel-1234567890', 'notAscii'],
    ['AbCd1234\u0000efGHijkl', 'notAscii'],
    ['AbCd1234\u200befGHijkl', 'notAscii'],
  ])('refuses %j as %s, without the key in the error', (text, problem) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(FerryError);
    expect(error.code).toBe('KEY_FORMAT_INVALID');
    expect(error.details?.problem).toBe(problem);
    if (text.trim().length > 4) expect(JSON.stringify([error.message, error.details])).not.toContain(text.trim().slice(0, 8));
  });

  it('stays linear on long runs of white space', () => {
    const start = performance.now();
    expect(refusal(`k${' '.repeat(200_000)}k`).details?.problem).toBe('spaces');
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('reports the length limits with the numbers', () => {
    expect(refusal('k'.repeat(15)).details).toEqual({ problem: 'tooShort', length: 15, min: 16 });
    expect(refusal('k'.repeat(4097)).details).toEqual({ problem: 'tooLong', length: 4097, max: 4096 });
  });
});

describe('maskKey', () => {
  it('shows the first and last four characters of a long key', () => {
    expect(maskKey(KEY)).toBe('AbCd…YZ09');
    expect(maskKey('x'.repeat(23) + 'y')).toBe('xxxx…xxxy');
  });

  it('masks a short key fully, at a width that does not give away its length', () => {
    expect(maskKey('k'.repeat(16))).toBe('••••••••');
    expect(maskKey('abcdefghijklmnopqrstuvw')).toBe('••••••••');
    expect(maskKey('')).toBe('••••••••');
  });
});

describe('keyAge', () => {
  const captured = '2026-11-24T10:00:00.000Z';

  it('counts whole days and warns from the third day on', () => {
    expect(KEY_STALE_AFTER_DAYS).toBe(3);
    expect(keyAge(captured, new Date('2026-11-24T10:00:00Z'))).toEqual({ days: 0, stale: false });
    expect(keyAge(captured, new Date('2026-11-27T09:59:59Z'))).toEqual({ days: 2, stale: false });
    expect(keyAge(new Date(captured), new Date('2026-11-27T10:00:00Z'))).toEqual({ days: 3, stale: true });
    expect(keyAge(captured, new Date('2027-01-01T00:00:00Z'))).toEqual({ days: 37, stale: true });
  });

  it('does not call a key from the future stale, and refuses a time that is not one', () => {
    expect(keyAge(captured, new Date('2026-11-23T10:00:00Z'))).toEqual({ days: -1, stale: false });
    expect(() => keyAge('not a time', new Date())).toThrow(RangeError);
  });
});

describe('clockDrift', () => {
  const host = new Date('2026-11-27T14:00:00.000Z');

  it('gives the appliance clock\'s lead over the host in seconds and warns beyond five minutes', () => {
    expect(CLOCK_DRIFT_WARN_SECONDS).toBe(300);
    expect(clockDrift('2026-11-27T14:05:00.000Z', host)).toEqual({ seconds: 300, warn: false });
    expect(clockDrift('2026-11-27T14:05:01.000Z', host)).toEqual({ seconds: 301, warn: true });
    expect(clockDrift('2026-11-27T13:54:59.000Z', host)).toEqual({ seconds: -301, warn: true });
    expect(clockDrift('2026-11-27T13:55:00.000Z', host)).toEqual({ seconds: -300, warn: false });
  });

  it('rounds to whole seconds, without a negative zero', () => {
    expect(clockDrift('2026-11-27T14:00:00.600Z', host).seconds).toBe(1);
    expect(Object.is(clockDrift('2026-11-27T13:59:59.900Z', host).seconds, 0)).toBe(true);
    expect(() => clockDrift('27.11.2026', host)).toThrow(RangeError);
  });
});
