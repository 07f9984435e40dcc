/** The appliance's clock as typed: an instant when it names a zone, else under the offset the person chose. */
import { describe, expect, it } from 'vitest';
import { formatSpan, localOffsetMinutes, offsetLabel, resolveApplianceTime, UTC_OFFSETS } from '../../src/renderer/src/components/appliance-time.ts';

describe('the appliance time', () => {
  it('takes a time with a zone as it is, whatever offset is chosen', () => {
    expect(resolveApplianceTime('2026-11-27 14:03:12 UTC', 120)).toEqual({ state: 'zoned', iso: '2026-11-27T14:03:12.000Z' });
    expect(resolveApplianceTime('27.11.2026 14:03:12 +01:00', -300)).toEqual({ state: 'zoned', iso: '2026-11-27T13:03:12.000Z' });
  });

  it('reads a time without a zone under the chosen offset', () => {
    expect(resolveApplianceTime('27.11.2026 14:03:12', 60)).toEqual({ state: 'unzoned', iso: '2026-11-27T13:03:12.000Z' });
    expect(resolveApplianceTime('27.11.2026 14:03:12', 0)).toEqual({ state: 'unzoned', iso: '2026-11-27T14:03:12.000Z' });
    expect(resolveApplianceTime('Nov 27, 2026 2:03:12 PM', -300)).toEqual({ state: 'unzoned', iso: '2026-11-27T19:03:12.000Z' });
  });

  it('drops a zone name it cannot trust (CET, Europe/Berlin) in favour of the chosen offset', () => {
    expect(resolveApplianceTime('27.11.2026 14:03:12 CET', 60)).toEqual({ state: 'unzoned', iso: '2026-11-27T13:03:12.000Z' });
    expect(resolveApplianceTime('2026-11-27 14:03 Europe/Berlin', 120)).toEqual({ state: 'unzoned', iso: '2026-11-27T12:03:00.000Z' });
  });

  it('says empty and invalid apart', () => {
    expect(resolveApplianceTime('  ', 0)).toEqual({ state: 'empty' });
    expect(resolveApplianceTime('gestern Abend', 0)).toEqual({ state: 'invalid' });
    expect(resolveApplianceTime('31.02.2026 10:00', 0)).toEqual({ state: 'invalid' });
  });

  it('offers this computer’s offset among the choices, and labels offsets as UTC±hh:mm', () => {
    expect(UTC_OFFSETS).toContain(localOffsetMinutes());
    expect(localOffsetMinutes(new Date())).toBe(-new Date().getTimezoneOffset() + 0);
    expect([offsetLabel(0), offsetLabel(330), offsetLabel(-210), offsetLabel(60)]).toEqual(['UTC', 'UTC+05:30', 'UTC−03:30', 'UTC+01:00']);
  });

  it('words a drift in the language’s units, without its sign', () => {
    expect(formatSpan(-45, 'en')).toBe('45 sec');
    expect(formatSpan(3600, 'en')).toBe('1 hr');
    expect(formatSpan(3599, 'en')).toBe('1 hr');
    expect(formatSpan(3725, 'de')).toBe('1 Std. 2 Min.');
    expect(formatSpan(600, 'de')).toBe('10 Min.');
  });
});
