import { describe, expect, it } from 'vitest';
import { describeError, severityOf } from '../../src/renderer/src/errors/describe-error.ts';
import { ERROR_CODES } from '../../src/shared/errors.ts';
import { i18nFor } from './i18n.ts';

const ENGLISH = 'The key’s fingerprint differs from the one entered';

describe('errors in the UI language', () => {
  it('never shows the service’s English message on a German page, for any code', async () => {
    const i18n = await i18nFor('de');
    for (const code of ERROR_CODES) {
      const d = describeError({ code, message: ENGLISH, details: { what: 'station name', issues: [{ message: 'Too small' }] } }, 'de', i18n.t);
      const shown = [d.title, d.next, ...d.details, d.message ?? ''].join('\n');
      expect(shown, code).not.toContain(ENGLISH);
      expect(shown, code).not.toContain('station name');
      expect(shown, code).not.toContain('Too small');
      expect(d.message).toBeNull();
    }
  });

  it('shows the English message on an English page', async () => {
    const i18n = await i18nFor('en');
    expect(describeError({ code: 'FINGERPRINT_MISMATCH', message: ENGLISH }, 'en', i18n.t).message).toBe(ENGLISH);
  });

  it('words known details in German: a name too long, a system cause, a size limit', async () => {
    const i18n = await i18nFor('de');
    expect(describeError({ code: 'NAME_INVALID', message: 'x', details: { what: 'station name', max: 80, length: 95 } }, 'de', i18n.t).details)
      .toEqual(['Der Stationsname hat 95 Zeichen; erlaubt sind höchstens 80.']);
    expect(describeError({ code: 'FILE_MISSING', message: 'x', details: { path: '/media/usb/a.pem', cause: 'ENOENT' } }, 'de', i18n.t).details)
      .toEqual(['Datei: a.pem', 'Ordner: /media/usb', 'Ursache: nicht gefunden']);
    expect(describeError({ code: 'INPUT_TOO_LARGE', message: 'x', details: { limit: 4 * 1024 * 1024 } }, 'de', i18n.t).details)
      .toEqual(['Höchstgröße: 4 MiB']);
  });

  it('leaves out raw system codes it cannot word (no bare EXDEV on a page)', async () => {
    const i18n = await i18nFor('de');
    expect(describeError({ code: 'FILE_MISSING', message: 'x', details: { cause: 'EXDEV' } }, 'de', i18n.t).details).toEqual([]);
  });

  it('labels a refused fingerprint as what the person typed, and never shows the key’s own', async () => {
    const de = await i18nFor('de');
    const en = await i18nFor('en');
    const typed = 'a'.repeat(64);
    const grouped = `${'aaaa '.repeat(15)}aaaa`;
    // Even if a detail named the key's real fingerprint, it would not be shown.
    const data = { code: 'FINGERPRINT_MISMATCH' as const, message: ENGLISH, details: { typed, expected: 'b'.repeat(64), actual: 'c'.repeat(64) } };
    expect(describeError(data, 'de', de.t).details).toEqual([`Eingegeben: ${grouped}`]);
    expect(describeError(data, 'en', en.t).details).toEqual([`You typed: ${grouped}`]);
    expect(describeError({ code: 'FINGERPRINT_MALFORMED', message: 'x', details: { typed: '55d9 c531 xyz' } }, 'de', de.t).details)
      .toEqual(['Eingegeben: 55d9 c531 xyz']);
  });

  it('calls user mistakes mistakes and only defects program errors', () => {
    for (const code of ['NAME_INVALID', 'USAGE', 'FINGERPRINT_MISMATCH', 'VERSION_INVALID', 'PUBLIC_KEY_INVALID'] as const) expect(severityOf(code), code).toBe('mistake');
    for (const code of ['INTERNAL_ERROR', 'IPC_INVALID_ARGUMENTS', 'IPC_CHANNEL_UNKNOWN'] as const) expect(severityOf(code), code).toBe('bug');
    for (const code of ['SIGNATURE_INVALID', 'DATA_DIR_BUSY', 'IPC_SENDER_UNKNOWN', 'JOB_ALREADY_RUNNING'] as const) expect(severityOf(code), code).toBe('problem');
  });
});
