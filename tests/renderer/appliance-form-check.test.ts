/** The add-appliance form is checked as the service would check it, before anything is sent. */
import { describe, expect, it } from 'vitest';
import { checkApplianceForm, emptyForm, keyProblem, type ApplianceForm } from '../../src/renderer/src/components/appliance-form-check.ts';
import { checkDownloadKey } from '../../src/shared/transfer/download-key.ts';

const KEY = 'AK-7f3a9c21-55d0-4e8b-9a41-0c6e2f1b7d93';
const filled = (over: Partial<ApplianceForm> = {}): ApplianceForm =>
  ({ ...emptyForm(60), name: 'Gerät A', hostname: 'support.example.com', base: '3.3.2', site: '12.2.0', ...over });

describe('the add-appliance form', () => {
  it('sends only what was typed, versions trimmed, GiB with a decimal comma, the time as an instant', () => {
    const { problems, input } = checkApplianceForm(filled({ base: ' 3.3.2 ', storedDataGib: '1,5', downloadKey: KEY, applianceTime: '27.11.2026 14:03:12', serial: ' X1 ' }), []);
    expect(problems).toEqual({});
    expect(input).toEqual({
      name: 'Gerät A', role: 'standalone', hostname: 'support.example.com', base: '3.3.2', siteVersion: '12.2.0',
      serial: 'X1', storedDataGib: 1.5, downloadKey: KEY, applianceTime: '2026-11-27T13:03:12.000Z',
    });
    expect(checkApplianceForm(filled(), []).input).toEqual({ name: 'Gerät A', role: 'standalone', hostname: 'support.example.com', base: '3.3.2', siteVersion: '12.2.0' });
  });

  it('refuses each bad field with its problem and sends nothing', () => {
    const { problems, input } = checkApplianceForm(filled({ name: ' ', hostname: '', base: '3.3', site: 'v12', storedDataGib: '-1', downloadKey: 'short', applianceTime: 'gestern' }), []);
    expect(input).toBeNull();
    expect(problems).toEqual({ name: 'required', hostname: 'required', site: 'version', storedDataGib: 'number', downloadKey: 'key.tooShort', applianceTime: 'time' });
  });

  it('knows a name that is taken (in any Unicode form)', () => {
    expect(checkApplianceForm(filled({ name: 'Gera\u0308t A ' }), ['Gerät A']).problems).toEqual({ name: 'exists' });
  });

  it('sends a region only for a traffic node', () => {
    expect(checkApplianceForm(filled({ role: 'traffic', region: 'EU' }), []).input).toMatchObject({ role: 'traffic', region: 'EU' });
    expect(checkApplianceForm(filled({ role: 'primary', region: 'EU' }), []).input).not.toHaveProperty('region');
  });

  it('names a key’s problem exactly as the service does', () => {
    for (const text of ['', 'abc', 'AK 7f3a9c21 55d0 4e8b', `${KEY}ä`, 'x'.repeat(5000), KEY, `  ${KEY.slice(0, 20)}\n${KEY.slice(20)}  `]) {
      let service: string | null = null;
      try { checkDownloadKey(text); } catch (e) { service = (e as { details: { problem: string } }).details.problem; }
      expect(keyProblem(text), JSON.stringify(text.slice(0, 30))).toBe(service);
    }
  });
});
