/** Texts that must read alike in both languages. */
import { describe, expect, it } from 'vitest';
import { i18nFor } from './i18n.ts';

describe('component names', () => {
  it('writes Base and Site Software alike (both capitalised, as they start a line in the timeline)', async () => {
    for (const language of ['de', 'en'] as const) {
      const { t } = await i18nFor(language);
      const [base, site] = [t('plan.component.base'), t('plan.component.site')];
      expect(site, language).toBe(base.replace('Base', 'Site'));
      expect(site[0], language).toBe('S');
    }
  });
});
