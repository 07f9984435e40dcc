import { describe, expect, it } from 'vitest';
import { escapeForTerminal, normalizeName } from '../../src/shared/names.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('names', () => {
  it('keeps ordinary names of people and places, normalised to NFC and trimmed', () => {
    expect(normalizeName('  Büro Hamburg – Verbundene Seite ')).toBe('Büro Hamburg – Verbundene Seite');
    expect(normalizeName('Gera\u0308t A')).toBe('Gerät A');
    expect(normalizeName('日本のジャンプホスト')).toBe('日本のジャンプホスト');
    expect(normalizeName('x'.repeat(80))).toHaveLength(80);
  });

  it.each([
    ['a line feed', 'Jump host\nFingerprint  0000'],
    ['a carriage return', 'Jump\rhost'],
    ['an escape sequence', 'Jump\u001b[2Jhost'],
    ['a right-to-left override', 'Jump\u202ehost'],
    ['a first-strong isolate', 'Jump\u2068host'],
    ['a right-to-left mark', '\u200fRLM'],
    ['an Arabic letter mark', 'Jump\u061chost'],
    ['a zero-width space alone', '\u200b'],
    ['a zero-width joiner', 'Jump\u200dhost'],
    ['a soft hyphen', 'Jump\u00adhost'],
    ['a tag character', 'Jump\u{e0041}host'],
    ['a combining grapheme joiner', 'Jump\u034fhost'],
    ['a variation selector', 'Jump\ufe0fhost'],
    ['a Hangul filler', '\u3164'],
    ['a line separator', 'Jump\u2028host'],
    ['a private-use character', 'Jump\ue000host'],
    ['a byte-order mark inside', 'Jump\ufeffhost'],
    ['only spaces', '   '],
    ['81 characters', 'x'.repeat(81)],
  ])('refuses %s with NAME_INVALID', (_what, name) => {
    expect(code(() => normalizeName(name))).toBe('NAME_INVALID');
  });

  it('escapes what it cannot print safely, and nothing else', () => {
    expect(escapeForTerminal('Büro\n\u001b[2J\u200f\u{e0041}')).toBe('Büro\\u000a\\u001b[2J\\u200f\\u{e0041}');
  });
});
