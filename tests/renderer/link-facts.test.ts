/** What the link panel and a status reading say: permissions in words of use, ages, fingerprint forms, versions against the inventory. */
import { describe, expect, it } from 'vitest';
import { ago, alternativeNames, certificateDate, colonPairs, permissionStates, syncStatusText, versionMismatch } from '../../src/renderer/src/components/link-facts.ts';
import { i18nFor } from './i18n.ts';

describe('the API account’s permissions', () => {
  it('reads the command API as allowed when read-only or full, the others when 1', () => {
    const states = permissionStates({ perm_command: 'read_only', perm_backup: '1', perm_configuration: '0' });
    expect(states.map((s) => [s.use, s.state])).toEqual([['status', 'allowed'], ['backup', 'allowed'], ['jumpClients', 'missing']]);
    expect(permissionStates({ perm_command: 'full' })[0]!.state).toBe('allowed');
    expect(permissionStates({ perm_command: 'deny' })[0]!.state).toBe('missing');
  });

  it('does not take a permission that is not stated as missing', () => {
    expect(permissionStates({}).map((s) => s.state)).toEqual(['unstated', 'unstated', 'unstated']);
  });
});

describe('ages and dates', () => {
  const now = Date.parse('2026-11-27T14:15:00Z');
  it('says how long ago in the page’s language, in the largest fitting unit', () => {
    expect(ago('2026-11-27T14:14:50Z', now, 'en')).toBe('now');
    expect(ago('2026-11-27T14:03:00Z', now, 'en')).toBe('12 minutes ago');
    expect(ago('2026-11-27T14:03:00Z', now, 'de')).toBe('vor 12 Minuten');
    expect(ago('2026-11-27T09:15:00Z', now, 'de')).toBe('vor 5 Stunden');
    expect(ago('2026-11-20T14:15:00Z', now, 'en')).toBe('7 days ago');
    expect(ago('not a time', now, 'en')).toBeNull();
  });

  it('reads a certificate’s date as OpenSSL writes it', () => {
    expect(certificateDate('Dec 27 10:00:00 2026 GMT')?.toISOString()).toBe('2026-12-27T10:00:00.000Z');
    expect(certificateDate('whenever')).toBeNull();
  });
});

describe('the fingerprint and the version', () => {
  it('writes the fingerprint as AB:CD pairs, as browsers show it', () => {
    expect(colonPairs('0a1b2c3d')).toBe('0A:1B:2C:3D');
  });

  it('says when the appliance reports another version than the inventory holds', () => {
    expect(versionMismatch({ version: '24.1.2', inventorySiteVersion: '23.3.1' })).toEqual({ reported: '24.1.2', inventory: '23.3.1' });
    expect(versionMismatch({ version: '24.1.2', inventorySiteVersion: '24.1.2' })).toBeNull();
    expect(versionMismatch({ version: null, inventorySiteVersion: '24.1.2' })).toBeNull();
  });
});

describe('the last data sync’s status', () => {
  it('says the appliance’s “Success” in the page’s language and quotes any other word as written', async () => {
    const de = await i18nFor('de');
    expect(syncStatusText('Success', de.t)).toBe('erfolgreich');
    expect(syncStatusText('successful', de.t)).toBe('erfolgreich');
    expect(syncStatusText('Failed: peer unreachable', de.t)).toBe('“Failed: peer unreachable”');
  });
});

describe('a certificate’s other names', () => {
  it('drops Node’s labels and keeps every name and address', () => {
    expect(alternativeNames('DNS:support.example.com, DNS:*.example.com, IP Address:127.0.0.1, IP Address:FE80:0:0:0:0:0:0:1')).toBe('support.example.com, *.example.com, 127.0.0.1, FE80:0:0:0:0:0:0:1');
    expect(alternativeNames('email:ops@example.com')).toBe('email:ops@example.com');
  });
});
