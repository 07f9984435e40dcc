/** The details of the transfer refusals, worded in the UI language: which file, which station, how much space, how late. */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/renderer/src/errors/describe-error.ts';
import { i18nFor } from './i18n.ts';

describe('transfer error details', () => {
  it('names the bundle file that failed, not a path on this computer', async () => {
    const i18n = await i18nFor('de');
    const d = describeError({ code: 'FILE_HASH_MISMATCH', message: 'x', details: { file: 'packages/BeyondTrust-13.1.0.nsu.part002', expected: 'a'.repeat(64), actual: 'b'.repeat(64) } }, 'de', i18n.t);
    expect(d.details).toContain('Datei: packages/BeyondTrust-13.1.0.nsu.part002');
  });

  it('calls the untrusted signer a station, and never shows its fingerprint', async () => {
    const i18n = await i18nFor('en');
    const d = describeError({ code: 'SIGNER_UNTRUSTED', message: 'x', details: { signer: 'c'.repeat(64), name: 'Office PC' } }, 'en', i18n.t);
    expect(d.details).toEqual(['Station: Office PC']);
  });

  it('says how much space is needed and free, and for how long a bundle has expired', async () => {
    const i18n = await i18nFor('en');
    expect(describeError({ code: 'MEDIA_FULL', message: 'x', details: { needed: 3 * 1024 ** 3, free: 1024 ** 3, mountPoint: '/media/stick' } }, 'en', i18n.t).details)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Needed: 3(\.0)? GiB$/), expect.stringMatching(/^Free: 1(\.0)? GiB$/)]));
    const late = describeError({ code: 'MANIFEST_EXPIRED', message: 'x', details: { expiresAt: '2026-10-01T00:00:00Z', at: '2026-11-27T00:00:00Z', lateSeconds: 57 * 86_400 } }, 'de', (await i18nFor('de')).t);
    expect(late.details).toContain('Abgelaufen seit: 57 Tage');
    expect(late.details.some((l) => l.startsWith('Gültig bis: '))).toBe(true);
  });
});
