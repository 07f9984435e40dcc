/** Every action the services write into the audit log reads as words in both languages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/contract.ts';
import { actionLabel, detailParts } from '../../src/renderer/src/audit-text.ts';
import { i18nFor } from './i18n.ts';

/** The actions written anywhere under src/main, read from the source (not from a list kept by hand). */
function actionsInServices(): string[] {
  const root = join(import.meta.dirname, '../../src/main');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  const found = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(root, f), 'utf8').matchAll(/action: '([a-z]+\.[A-Za-z]+)'/g)) found.add(m[1]!);
  return [...found].sort();
}

describe('audit actions in words', () => {
  it('translates every action the services write, in German and English', async () => {
    const actions = actionsInServices();
    expect(actions).toEqual(expect.arrayContaining(['appliance.added', 'appliance.keyCaptured', 'request.created', 'bundle.created', 'bundle.imported', 'vault.verified', 'vault.exported', 'vault.removed']));
    for (const language of ['de', 'en'] as const) {
      const i18n = await i18nFor(language);
      for (const action of actions) expect(actionLabel(action, i18n.t, i18n), `${language}: ${action}`).not.toBe(action);
    }
    const de = await i18nFor('de');
    expect(actionLabel('vault.removed', de.t, de)).toBe('Paket entfernt');
  });

  it('words the details of an added appliance, its role translated', async () => {
    const de = await i18nFor('de');
    const entry = { seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'user', action: 'appliance.added', subject: 'x', details: { name: 'Gerät A', role: 'primary', base: '3.3.2', site: '12.2.0' }, prevHash: '0'.repeat(64), hash: '1'.repeat(64) } as AuditEntry;
    expect(detailParts(entry, de.t, de)).toEqual([{ text: 'Name: Gerät A' }, { text: 'Rolle: Primär' }, { text: 'Base: 3.3.2' }, { text: 'Site: 12.2.0' }]);
  });
});
