/** The transfer page's logic without a window: package rows, bundle settings, speed and time left. */
import { describe, expect, it } from 'vitest';
import { identifyPackage } from '../../src/shared/transfer/package-name.ts';
import { confirmedPackages, rowProblems, rowsFromScan, rowsReady } from '../../src/renderer/src/components/bundle-rows.ts';
import { bundleSettings } from '../../src/renderer/src/components/bundle-settings.ts';
import { addSample, formatDuration, rates } from '../../src/renderer/src/components/transfer-rate.ts';

// Scanned files as `bundle:scanPackages` answers: the guesses come from the real identifier.
const scanned = ['BeyondTrust-13.1.0.nsu', 'base-software-4.0.0.bin', 'update-13.0.5.bin', 'notes.txt']
  .map((file, i) => ({ file, size: 1000 * (i + 1), guess: identifyPackage(file) }));

describe('package rows', () => {
  it('confirms only sure guesses, and bundles only confirmed rows, trimmed', () => {
    const rows = rowsFromScan(scanned);
    expect(rows.map((r) => [r.file, r.confirmed])).toEqual([
      ['BeyondTrust-13.1.0.nsu', true], ['base-software-4.0.0.bin', true], ['update-13.0.5.bin', false], ['notes.txt', false],
    ]);
    rows[2] = { ...rows[2]!, confirmed: true, kind: 'site', version: ' 13.0.5 ', name: ' BeyondTrust 13.0.5 ' };
    expect(confirmedPackages(rows)).toEqual([
      { file: 'BeyondTrust-13.1.0.nsu', name: 'BeyondTrust 13.1.0', kind: 'site', version: '13.1.0' },
      { file: 'base-software-4.0.0.bin', name: 'Base Software 4.0.0', kind: 'base', version: '4.0.0' },
      { file: 'update-13.0.5.bin', name: 'BeyondTrust 13.0.5', kind: 'site', version: '13.0.5' },
    ]);
    expect(rowsReady(rows)).toBe(true);
  });

  it('checks a confirmed row only: a version and a name of at most 200 characters', () => {
    const notes = rowsFromScan(scanned)[3]!;
    expect(rowProblems(notes)).toEqual([]);
    expect(rowProblems({ ...notes, confirmed: true })).toEqual(['version']);
    expect(rowProblems({ ...notes, confirmed: true, version: '1.2', name: '  ' })).toEqual(['name']);
    expect(rowProblems({ ...notes, confirmed: true, version: '1.2', name: 'x'.repeat(201) })).toEqual(['name']);
    expect(rowsReady([notes])).toBe(false);
    expect(rowsReady([{ ...notes, confirmed: true }])).toBe(false);
  });
});

describe('bundle settings', () => {
  it('an empty largest file means the medium decides; sizes count in the unit chosen', () => {
    expect(bundleSettings({ maxSize: '', maxUnit: 'MiB', expiresInDays: '30' })).toEqual({ ok: true, expiresInDays: 30 });
    expect(bundleSettings({ maxSize: '256', maxUnit: 'KiB', expiresInDays: '7' })).toEqual({ ok: true, maxFileSize: 262_144, expiresInDays: 7 });
    expect(bundleSettings({ maxSize: '1,5', maxUnit: 'GiB', expiresInDays: '30' })).toEqual({ ok: true, maxFileSize: 1_610_612_736, expiresInDays: 30 });
  });

  it('refuses sizes and days that are not usable', () => {
    expect(bundleSettings({ maxSize: '0', maxUnit: 'MiB', expiresInDays: '30' })).toEqual({ ok: false, problems: ['maxSize'] });
    expect(bundleSettings({ maxSize: '-5', maxUnit: 'MiB', expiresInDays: '0' })).toEqual({ ok: false, problems: ['maxSize', 'expiresInDays'] });
    expect(bundleSettings({ maxSize: '', maxUnit: 'MiB', expiresInDays: '2.5' })).toEqual({ ok: false, problems: ['expiresInDays'] });
    expect(bundleSettings({ maxSize: '', maxUnit: 'MiB', expiresInDays: '3651' })).toEqual({ ok: false, problems: ['expiresInDays'] });
  });
});

describe('speed and time left', () => {
  it('measures the current phase only, and the time left across phases', () => {
    let samples = addSample([], { at: 0, phase: 'hashing', done: 0, overall: 0 });
    samples = addSample(samples, { at: 1000, phase: 'hashing', done: 200, overall: 0.1 });
    // A new phase starts its bytes at 0: the speed does not count the hashing's.
    samples = addSample(samples, { at: 2000, phase: 'writing', done: 0, overall: 0.2 });
    expect(rates(samples)).toEqual({ bytesPerSecond: null, secondsLeft: 8 });
    samples = addSample(samples, { at: 4000, phase: 'writing', done: 100, overall: 0.4 });
    expect(rates(samples)).toEqual({ bytesPerSecond: 50, secondsLeft: 6 });
  });

  it('forgets samples older than the window but keeps one base before it', () => {
    let samples = addSample([], { at: 0, phase: 'verifying', done: 0, overall: 0 });
    for (let at = 1000; at <= 10_000; at += 1000) samples = addSample(samples, { at, phase: 'verifying', done: at, overall: at / 20_000 });
    expect(samples[0]!.at).toBe(4000);
    expect(rates(samples).bytesPerSecond).toBe(1000);
    expect(rates([])).toEqual({ bytesPerSecond: null, secondsLeft: null });
  });

  it('formats the time left as m:ss or h:mm:ss', () => {
    expect([formatDuration(7), formatDuration(247), formatDuration(3 * 3600 + 65)]).toEqual(['0:07', '4:07', '3:01:05']);
  });
});
