/** Version ranges as a technician reads them: "3.3.2 or later, below 4.0.0", never ">=3.3.2 <4.0.0" on a page. */
import { describe, expect, it } from 'vitest';
import { rangeInWords } from '../../src/renderer/src/format.ts';
import { i18nFor } from './i18n.ts';

describe('version ranges in words', () => {
  it('says each comparison in the page’s language', async () => {
    const en = await i18nFor('en');
    const de = await i18nFor('de');
    const cases: [string, string, string][] = [
      ['=13.1.0', '13.1.0', '13.1.0'],
      ['13.1.0', '13.1.0', '13.1.0'],
      ['>=3.3.2 <4.0.0', '3.3.2 or later, below 4.0.0', 'ab 3.3.2, unter 4.0.0'],
      ['>12.0 <=13.1', 'later than 12.0, up to 13.1', 'über 12.0, bis 13.1'],
    ];
    for (const [range, english, german] of cases) {
      expect(rangeInWords(range, en.t), range).toBe(english);
      expect(rangeInWords(range, de.t), range).toBe(german);
    }
  });

  it('shows what it does not know as written, hiding nothing', async () => {
    const en = await i18nFor('en');
    expect(rangeInWords('>=3.3.2 ~4.x', en.t)).toBe('3.3.2 or later, ~4.x');
    expect(rangeInWords('>=abc', en.t)).toBe('>=abc');
  });
});
