import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFoldKey, fatSafeName, isFatSafeName, isSafeRelativePath } from '../../src/shared/transfer/fat-name.ts';

describe('fatSafeName', () => {
  it.each([
    ['BeyondTrust-24.1.2.nsu', 'BeyondTrust-24.1.2.nsu'],
    ['a:b*c?d"e<f>g|h/i\\j.nsu', 'a_b_c_d_e_f_g_h_i_j.nsu'],
    ['tab\there\u0000\u001f\u007f\u0085.txt', 'tab_here____.txt'],
    ['support.example.com-20261127T1403.request.json. . ', 'support.example.com-20261127T1403.request.json'],
    ['Gera\u0308t A.json', 'Gerät A.json'],
    ['lone\ud800half\udc00.bin', 'lone_half_.bin'],
    ['emoji 😀.bin', 'emoji 😀.bin'],
  ])('makes %j into %j', (name, safe) => {
    expect(fatSafeName(name, 'fallback')).toBe(safe);
  });

  it.each(['CON', 'con.txt', 'Nul.tar.gz', 'AUX', 'prn.json', 'COM1', 'com9.log', 'LPT1', 'lpt9.x', 'COM0', 'COM¹', 'CONIN$', 'CON .txt', 'NUL. '])(
    'prefixes the device name %j', (name) => {
      const safe = fatSafeName(name, 'fallback');
      expect(safe.startsWith('_')).toBe(true);
      expect(isFatSafeName(safe)).toBe(true);
    });

  it.each(['console.txt', 'COM10', 'LPT', 'nullable.json', 'auxiliary', 'CONX.txt'])('leaves the ordinary name %j alone', (name) => {
    expect(fatSafeName(name, 'fallback')).toBe(name);
  });

  it('shortens to 255 UTF-16 code units, keeping the extension and whole surrogate pairs', () => {
    const long = fatSafeName(`${'a'.repeat(300)}.nsu`, 'x');
    expect(long).toBe(`${'a'.repeat(251)}.nsu`);
    const emoji = fatSafeName(`${'😀'.repeat(200)}.request.json`, 'x');
    expect(emoji.length).toBeLessThanOrEqual(255);
    expect(emoji.endsWith('😀.json')).toBe(true);
    expect(/[\uD800-\uDFFF]/u.test(emoji)).toBe(false); // no lone surrogate
    // An odd offset puts the cut inside a pair: the half is dropped, not kept.
    const odd = fatSafeName(`a${'😀'.repeat(200)}.request.json`, 'x');
    expect(odd).toBe(`a${'😀'.repeat(124)}.json`);
    expect(fatSafeName('b'.repeat(300), 'x')).toBe('b'.repeat(255));
    // An over-long "extension" is not kept: the name is simply cut.
    expect(fatSafeName(`a.${'b'.repeat(300)}`, 'x')).toHaveLength(255);
    // A cut that ends in dots or spaces drops them.
    expect(fatSafeName(`${'c'.repeat(250)}${' '.repeat(20)}x.nsu`, 'x')).toBe(`${'c'.repeat(250)}.nsu`);
    // A cut that leaves only a device name still gets the prefix.
    expect(fatSafeName(`CON${' '.repeat(300)}x.txt`, 'x')).toBe('_CON.txt');
    // A device name at the limit keeps its prefix and stays within it.
    const device = fatSafeName(`CON.${'d'.repeat(251)}`, 'x');
    expect(device).toHaveLength(255);
    expect(device.startsWith('_CON.')).toBe(true);
  });

  it('stays linear on long runs of dots and spaces', () => {
    const start = performance.now();
    expect(fatSafeName(`${' .'.repeat(100_000)}x.nsu`, 'f')).toBe('.nsu'); // the kept start is all dots and spaces
    expect(isFatSafeName(`${' '.repeat(200_000)}x`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('falls back when nothing is left, making the fallback safe too', () => {
    expect(fatSafeName('', 'request.json')).toBe('request.json');
    expect(fatSafeName(' . .. ', 'request.json')).toBe('request.json');
    expect(fatSafeName('...', 'bad:name.')).toBe('bad_name');
    expect(fatSafeName('', '')).toBe('_');
  });

  it('always returns a name its own predicate accepts, and keeps a safe name unchanged', () => {
    const unit = fc.constantFrom('a', 'Z', '.', ' ', ':', '\\', '/', '\u0000', '\u0301', 'e', 'ß', '😀', '\ud800', '\udc00', 'C', 'O', 'N', 'u', 'l', '1', '¹');
    const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit, maxLength: 300 }),
      fc.tuple(fc.constantFrom('CON', 'nul', 'Com1', 'LPT9', 'aux'), fc.string({ unit, maxLength: 280 })).map(([a, b]) => a + b));
    fc.assert(fc.property(name, name, (n, fallback) => {
      const safe = fatSafeName(n, fallback);
      expect(isFatSafeName(safe), JSON.stringify(n)).toBe(true);
      expect(fatSafeName(safe, 'x')).toBe(safe);
      if (isFatSafeName(n)) expect(safe).toBe(n);
    }), { numRuns: 3000 });
  });
});

describe('isFatSafeName', () => {
  it.each(['', 'a:b', 'a?', 'a\u0001', 'trailing.', 'trailing ', 'CON', 'lpt1.txt', 'x'.repeat(256), 'Gera\u0308t', 'half\ud800'])(
    'refuses %j', (name) => {
      expect(isFatSafeName(name)).toBe(false);
    });

  it.each(['a', '.hidden', ' leading', 'x'.repeat(255), 'Gerät A – Büro (1).json', '+,;=[].txt'])('accepts %j', (name) => {
    expect(isFatSafeName(name)).toBe(true);
  });
});

describe('caseFoldKey', () => {
  it.each([
    ['packages/BT-24.1.2.nsu', 'PACKAGES/bt-24.1.2.NSU'],
    ['Straße.nsu', 'STRASSE.nsu'],
    ['\u212a.bin', 'k.bin'],
    ['STRAẞE', 'straße'],
    ['\u03f4', '\u03b8'],
    ['ΟΔΟΣ', 'οδος'],
    ['Gera\u0308t', 'GERÄT'],
  ])('folds %j and %j to one key', (a, b) => {
    expect(caseFoldKey(a)).toBe(caseFoldKey(b));
  });

  it('keeps different names apart', () => {
    expect(caseFoldKey('a.nsu')).not.toBe(caseFoldKey('b.nsu'));
    expect(caseFoldKey('e.nsu')).not.toBe(caseFoldKey('é.nsu'));
  });
});

describe('isSafeRelativePath', () => {
  it.each(['packages/bt-24.1.2.nsu', 'manifest.dsse.json', 'packages/bt.nsu.part001', 'a/.hidden/b', 'a/b..c/d'])('accepts %j', (path) => {
    expect(isSafeRelativePath(path)).toEqual({ ok: true });
  });

  it.each([
    ['', 'empty'], ['packages//bt.nsu', 'empty'], ['packages/', 'empty'], ['packages/ /x', 'empty'],
    ['/etc/passwd', 'absolute'], ['//server/share/x', 'absolute'],
    ['../x', 'dotdot'], ['packages/../../x', 'dotdot'], ['a/.. /b', 'dotdot'], ['a/.../b', 'dotdot'],
    ['./x', 'dot'], ['a/./b', 'dot'], ['a/. /b', 'dot'],
    ['packages\\bt.nsu', 'backslash'], ['..\\..\\x', 'backslash'],
    ['C:/Windows/x', 'drive'], ['c:x', 'drive'], ['packages/D:/x', 'drive'],
    ['packages/bt\u0000.nsu', 'control'], ['a\nb', 'control'], ['\u001b[2J', 'control'],
  ])('refuses %j as %s', (path, reason) => {
    expect(isSafeRelativePath(path)).toEqual({ ok: false, reason });
  });
});
