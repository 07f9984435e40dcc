import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApplianceTime, parseStatusBasics } from '../../src/shared/transfer/status-basics.ts';

describe('parseStatusBasics', () => {
  it('reads an English table copied with tabs', () => {
    const text = 'Appliance Status\nSoftware Version\t24.1.2 (Build 4711)\r\nBase Version\t3.3.2\nSerial Number\tBT-00042\nSystem Time\t2026-11-27 14:03:12 UTC\n';
    expect(parseStatusBasics(text)).toEqual({
      siteVersion: '24.1.2', baseVersion: '3.3.2', serial: 'BT-00042',
      systemTime: '2026-11-27T14:03:12.000Z', systemTimeText: '2026-11-27 14:03:12 UTC',
      found: ['siteVersion', 'baseVersion', 'serial', 'systemTime'], unrecognised: ['Appliance Status'],
    });
  });

  it('reads German labels with colons, non-breaking and repeated spaces, and leaves a zoneless time unconverted', () => {
    const text = '  Softwareversion:\u00a024.1.2\n Basisversion    3.3.2 \nSeriennummer :  A1B2C3\nSystemzeit\u00a0\u00a027.11.2026 14:03:12\nLaufzeit: 3 Tage';
    const r = parseStatusBasics(text);
    expect(r).toMatchObject({ siteVersion: '24.1.2', baseVersion: '3.3.2', serial: 'A1B2C3', systemTimeText: '27.11.2026 14:03:12' });
    expect(r.systemTime).toBeUndefined();
    expect(r.found).toEqual(['siteVersion', 'baseVersion', 'serial', 'systemTimeText']);
    expect(r.unrecognised).toEqual(['Laufzeit: 3 Tage']);
  });

  it('takes a value from the line after its label (a definition list copied line by line)', () => {
    const r = parseStatusBasics('Base Software\n3.3.2\nSoftware-Version:\n\u200b24.1.2\u200b\nUhrzeit\nNov 27, 2026 2:03:12 PM GMT+1');
    expect(r).toMatchObject({ baseVersion: '3.3.2', siteVersion: '24.1.2', systemTime: '2026-11-27T13:03:12.000Z' });
    expect(r.unrecognised).toEqual([]);
  });

  it('hands back what it cannot read instead of guessing', () => {
    const r = parseStatusBasics('Software Version: unknown\nTime Zone: Europe/Berlin\nTimezone UTC\nSerial Number: ?? see label ??\nVersion 24.1.2\nSerial Number\nBase Version 3.3.2');
    expect(r.found).toEqual(['baseVersion']);
    expect(r.unrecognised).toEqual(['Software Version: unknown', 'Time Zone: Europe/Berlin', 'Timezone UTC',
      'Serial Number: ?? see label ??', 'Version 24.1.2', 'Serial Number']);
  });

  it('reads a label only where it ends, and a version only where the value opens with it', () => {
    const r = parseStatusBasics('Timeline 27.11.2026 14:03:12\nBase Software Updates: 3.4.0 available\nSoftware Versions 24.1.2\nBase Software BeyondTrust Base Software v3.3.2');
    expect(r.systemTimeText).toBeUndefined();
    expect(r.baseVersion).toBe('3.3.2');
    expect(r.siteVersion).toBeUndefined();
    expect(r.unrecognised).toEqual(['Timeline 27.11.2026 14:03:12', 'Base Software Updates: 3.4.0 available', 'Software Versions 24.1.2']);
    // Glued to its value, a label has no clear end: not read.
    expect(parseStatusBasics('Serial123\nBasisversion3.3.2')).toEqual({ found: [], unrecognised: ['Serial123', 'Basisversion3.3.2'] });
  });

  it('drops invisible characters a browser copy carries', () => {
    expect(parseStatusBasics('\u200eSerien\u00adnummer:\u00a0A1B2\u200f').serial).toBe('A1B2');
  });

  it('reports a label left without a value at the end', () => {
    expect(parseStatusBasics('Software Version 24.1.2\nSerial Number:')).toMatchObject({ found: ['siteVersion'], unrecognised: ['Serial Number:'] });
  });

  it('keeps the first of two contradicting values and reports the second', () => {
    const r = parseStatusBasics('Software Version 24.1.2\nSoftware Version 23.3.1\nSoftware Version 24.1.2');
    expect(r.siteVersion).toBe('24.1.2');
    expect(r.found).toEqual(['siteVersion']);
    expect(r.unrecognised).toEqual(['Software Version 23.3.1']);
  });

  it('returns nothing for empty text', () => {
    expect(parseStatusBasics('')).toEqual({ found: [], unrecognised: [] });
  });

  it('never throws and never reports a value that is not in the text', () => {
    const piece = fc.constantFrom('Software Version', 'Basisversion', 'Serial', 'Systemzeit', 'Time', ':', '\t', '  ', '\n', '\u00a0',
      '24.1.2', '3.3.2', '2026-11-27', '14:03:12', 'UTC', 'PM', 'Nov', '27.11.2026', '+01:00', 'Z');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 30 }).map((p) => p.join(''))), (text) => {
      const r = parseStatusBasics(text);
      for (const v of [r.siteVersion, r.baseVersion, r.serial, r.systemTimeText]) if (v !== undefined) expect(text).toContain(v);
      if (r.systemTime !== undefined) expect(r.systemTimeText).toBeDefined();
    }), { numRuns: 3000 });
  });
});

describe('parseApplianceTime', () => {
  it.each([
    ['2026-11-27T14:03:12Z', '2026-11-27T14:03:12.000Z'],
    ['2026-11-27T14:03:12.250+01:00', '2026-11-27T13:03:12.000Z'],
    ['2026-11-27T14:03-0530', '2026-11-27T19:33:00.000Z'],
    ['2026-11-27 14:03:12 UTC', '2026-11-27T14:03:12.000Z'],
    ['27.11.2026 14:03:12 (UTC)', '2026-11-27T14:03:12.000Z'],
    ['Nov 27, 2026 2:03:12 PM UTC', '2026-11-27T14:03:12.000Z'],
    ['November 27, 2026, 12:03 AM GMT', '2026-11-27T00:03:00.000Z'],
    ['Fr., 27. Dez. 2026 12:00:00 Uhr UTC+02:00', '2026-12-27T10:00:00.000Z'],
    ['29.02.2028 23:59:59 Z', '2028-02-29T23:59:59.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseApplianceTime(text)).toEqual({ iso });
  });

  it.each(['27.11.2026 14:03:12', 'Nov 27, 2026 2:03:12 PM', '2026-11-27T14:03:12', '27. März 2026 08:15 CET', '2026-11-27 14:03 Europe/Berlin'])(
    'reads %s as a time without a trusted zone', (text) => {
      expect(parseApplianceTime(text)).toEqual({});
    });

  it.each(['31.02.2026 10:00', '29.02.2026 10:00 UTC', '2026-13-01T00:00Z', '27.11.2026 24:00', '27.11.2026 10:60', 'Nov 27, 2026 13:00 PM',
    'Nov 27, 2026 0:10 AM', 'Foo 27, 2026 10:00', '2026-11-27', '14:03:12', '12/11/2026 10:00', '2026-11-27T10:00+15:00', 'yesterday',
    'approx. 27.11.2026 14:03:12', 'last Nov 27, 2026 2:03 PM'])(
    'refuses %s', (text) => {
      expect(parseApplianceTime(text)).toBeNull();
    });
});
