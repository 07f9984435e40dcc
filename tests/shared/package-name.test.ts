import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyPackage, versionsIn } from '../../src/shared/transfer/package-name.ts';
import { isVersion } from '../../src/shared/versions.ts';

describe('identifyPackage', () => {
  it.each([
    ['beyondtrust-24.1.2.nsu', 'site', '24.1.2', 'BeyondTrust 24.1.2'],
    ['Base_Software_3.3.2.bin', 'base', '3.3.2', 'Base Software 3.3.2'],
    ['bomgar 12.2.0', 'site', '12.2.0', 'Bomgar 12.2.0'],
    ['Bomgar-12.2.0', 'site', '12.2.0', 'Bomgar 12.2.0'],
    ['Base Software 3.3.2', 'base', '3.3.2', 'Base Software 3.3.2'],
    ['BASE.SOFTWARE.3.3.2', 'base', '3.3.2', 'Base Software 3.3.2'],
    ['base-4.0', 'base', '4.0', 'Base Software 4.0'],
    ['Beyond Trust v24.1.2 (1).nsu', 'site', '24.1.2', 'BeyondTrust 24.1.2'],
    ['BeyondTrust_Base_Software_3.3.2', 'base', '3.3.2', 'Base Software 3.3.2'],
    ['C:\\Users\\tech\\Downloads\\BeyondTrust-24.1.2.1.nsu', 'site', '24.1.2.1', 'BeyondTrust 24.1.2.1'],
    ['media/FERRY/bomgar_12.2.0_20240101.bin', 'site', '12.2.0', 'Bomgar 12.2.0'],
  ])('recognises %s as a %s package %s', (file, kind, version, name) => {
    expect(identifyPackage(file)).toMatchObject({ kind, version, name, confidence: 'high' });
  });

  it('never takes a date-like number for a version', () => {
    // An undotted number is never a version; dotted ones that read as dates are skipped too.
    for (const file of ['BeyondTrust-20240101.nsu', 'bomgar_2024.01.15.bin', 'Base Software 27.11.2026.bin', 'beyondtrust-2026.11']) {
      const g = identifyPackage(file);
      expect(g, file).toMatchObject({ version: null, confidence: 'low' });
    }
    expect(identifyPackage('bomgar-win64.exe')).toMatchObject({ kind: 'site', version: null });
    expect(identifyPackage('Integration Client build 4711.msi')).toMatchObject({ version: null, confidence: 'none' });
    expect(identifyPackage('update-20240101.bin')).toMatchObject({ kind: 'other', version: null, confidence: 'none' });
    expect(identifyPackage('BeyondTrust-24.1.2-2024.01.15.nsu').version).toBe('24.1.2');
    expect(versionsIn('release 2024.1.5 of 3.3.2').map((v) => v.version)).toEqual(['3.3.2']);
  });

  it('does not read "base" inside another word', () => {
    expect(identifyPackage('database-1.2.3.bin')).toMatchObject({ kind: 'other', version: '1.2.3', confidence: 'low', name: 'database-1.2.3.bin' });
    expect(identifyPackage('baseline-1.2.3')).toMatchObject({ kind: 'other' });
  });

  it('is unsure when the word and the version are apart, or when there is no version', () => {
    expect(identifyPackage('BeyondTrust-RS-24.1.2.nsu')).toMatchObject({ kind: 'site', version: '24.1.2', name: 'BeyondTrust 24.1.2', confidence: 'low' });
    expect(identifyPackage('Bomgar.nsu')).toMatchObject({ kind: 'site', version: null, name: 'Bomgar', confidence: 'low' });
    expect(identifyPackage('BeyondTrust 1.2.3 4.5.6')).toMatchObject({ kind: 'site', version: '1.2.3', confidence: 'high' });
    expect(identifyPackage('BeyondTrust RS 1.2.3 4.5.6')).toMatchObject({ kind: 'site', version: null, confidence: 'low' });
  });

  it('refuses to choose between two packages named in one file name', () => {
    expect(identifyPackage('Bomgar-12.2.0-to-BeyondTrust-24.1.2.nsu')).toMatchObject({ kind: 'other', version: null, confidence: 'low' });
    expect(identifyPackage('base-3.3.2-bomgar-12.2.0')).toMatchObject({ kind: 'other', version: null, confidence: 'low' });
  });

  it('reports an unknown file with a version as other/low, and one without anything as none', () => {
    expect(identifyPackage('Integration Client 1.2.0.msi')).toMatchObject({ kind: 'other', version: '1.2.0', confidence: 'low' });
    expect(identifyPackage('backup.nsb')).toMatchObject({ kind: 'other', version: null, confidence: 'none', name: 'backup.nsb' });
    expect(identifyPackage('')).toMatchObject({ kind: 'other', version: null, confidence: 'none' });
  });

  it('never throws, and any version it reports is a valid version', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('.', '1', '2', '0', '-', 'b', 'a', 's', 'e', ' ', 'bomgar') })), (name) => {
      const g = identifyPackage(name);
      expect(g.version === null || isVersion(g.version)).toBe(true);
      expect(['base', 'site', 'license', 'other']).toContain(g.kind);
    }), { numRuns: 3000 });
  });

  // Independent of the implementation: leave out anything with a 4-digit year-like part or an 8-digit part.
  const looksDated = (parts: number[]) => parts.some((p) => (p >= 1970 && p <= 2099) || p >= 10_000_000);
  const version = fc.array(fc.nat({ max: 999_999_999 }), { minLength: 2, maxLength: 6 })
    .filter((parts) => !looksDated(parts)).map((parts) => parts.join('.'));
  const word = fc.constantFrom(
    ['Base Software', 'base'], ['base_software', 'base'], ['BASE', 'base'], ['basesoftware', 'base'],
    ['BeyondTrust', 'site'], ['beyond trust', 'site'], ['BEYOND-TRUST', 'site'], ['Bomgar', 'site'], ['bomgar', 'site'],
  );

  it('recognises a known word followed by any valid version, with that version', () => {
    fc.assert(fc.property(word, fc.constantFrom('-', '_', ' ', '.', '', ' - ', '_v', 'V'), version,
      fc.constantFrom('', '.nsu', '.bin', '.tar.gz', ' (1).nsu', '-x86_64.zip'), ([w, kind], sep, v, ext) => {
        const g = identifyPackage(`${w}${sep}${v}${ext}`);
        expect(g).toMatchObject({ kind, version: v, confidence: 'high' });
        expect(g.name).toBe(`${kind === 'base' ? 'Base Software' : w.toLowerCase().startsWith('bomgar') ? 'Bomgar' : 'BeyondTrust'} ${v}`);
      }), { numRuns: 2000 });
  });
});
