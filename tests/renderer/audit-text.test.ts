import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/contract.ts';
import { actionLabel, actorLabel, detailParts, keyStatusText, subjectLabel } from '../../src/renderer/src/audit-text.ts';
import { i18nFor } from './i18n.ts';

const entry = (action: string, subject: string, details: Record<string, unknown>, actor = 'user'): AuditEntry =>
  ({ seq: 1, at: '2026-01-01T00:00:00.000Z', actor, action, subject, details, prevHash: '0'.repeat(64), hash: '1'.repeat(64) });

describe('audit entries in words', () => {
  it('names known actions and actors in the UI language and keeps unknown ones as stored', async () => {
    const de = await i18nFor('de');
    const en = await i18nFor('en');
    expect(actionLabel('station.trusted', de.t, de)).toBe('Station vertraut');
    expect(actionLabel('station.trusted', en.t, en)).toBe('Station trusted');
    expect(actionLabel('runbook.stepDone', de.t, de)).toBe('Schritt erledigt');
    expect(actionLabel('cert.exported', de.t, de)).toBe('Zertifikat exportiert');
    expect(actionLabel('jumpclients.checked', de.t, de)).toBe('jumpclients.checked');
    // A prefix of known actions is not an action: no "[object Object]" or i18next warning text.
    expect(actionLabel('station', de.t, de)).toBe('station');
    expect(actionLabel('x:y', de.t, de)).toBe('x:y');
    expect(actorLabel('user', de.t, de)).toBe('Person');
    expect(actorLabel('cli', de.t, de)).toBe('cli');
    expect(subjectLabel('side', de.t, de)).toBe('Seite des Air Gap');
  });

  it('shows a change of a setting as from → to, values translated', async () => {
    const de = await i18nFor('de');
    expect(detailParts(entry('settings.side', 'side', { from: null, to: 'restricted' }), de.t, de)).toEqual([{ text: '— → Abgeschottete Seite' }]);
    const en = await i18nFor('en');
    expect(detailParts(entry('settings.language', 'language', { from: 'de', to: 'en' }), en.t, en)).toEqual([{ text: 'German → English' }]);
  });

  it('shows names as typed, even ones that look like translation keys', async () => {
    const de = await i18nFor('de');
    const fp = 'ab'.repeat(32);
    expect(detailParts(entry('station.trustRenamed', fp, { from: 'Büro', to: 'side' }), de.t, de)).toEqual([{ text: 'Büro → side' }]);
    expect(detailParts(entry('station.trusted', fp, { name: 'audit.title', source: 'request' }), de.t, de))
      .toEqual([{ text: 'Name: audit.title' }, { text: 'Quelle: Anfrage' }]);
  });

  it('gives hashes in details to the fingerprint view and unknown keys as stored', async () => {
    const en = await i18nFor('en');
    const hash = 'cd'.repeat(32);
    expect(detailParts(entry('audit.anchored', 'ef'.repeat(32), { seq: 12, hash, extra: { a: 1 } }, 'station'), en.t, en))
      .toEqual([{ text: 'Up to entry: 12' }, { label: 'Hash', hex: hash }, { text: 'extra: {"a":1}' }]);
  });
});

describe('the station key check in words', () => {
  it('says confirmed or not, and why not: the service’s words in English, general words in German', async () => {
    const de = await i18nFor('de');
    const en = await i18nFor('en');
    const note = 'The station key is protected by safeStorage, which this program cannot open; the station key was not compared with its public key here (the desktop app can)';
    expect(keyStatusText({ keyConfirmed: true, keyNote: null }, 'de', de.t)).toBe('Stationsschlüssel bestätigt.');
    expect(keyStatusText({ keyConfirmed: false, keyNote: note }, 'de', de.t))
      .toBe('Stationsschlüssel nicht bestätigt: der private Schlüssel ließ sich hier nicht öffnen (die Desktop-App kann ihn prüfen).');
    expect(keyStatusText({ keyConfirmed: false, keyNote: note }, 'en', en.t)).toBe(`Station key not confirmed: ${note}`);
    expect(keyStatusText({ keyConfirmed: false, keyNote: null }, 'en', en.t)).toBe('Station key not confirmed.');
    expect(keyStatusText({}, 'en', en.t)).toBeNull();
  });
});
