/**
 * At 900 px (a small laptop window with the sidebar): audit details never break inside a word, and
 * a rename field shows an 80-character name whole.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { otherStationKey, trustInUi } from '../helpers.ts';

const LONG = 'Jump-Host-Rechenzentrum-Frankfurt-Hanau-Gebäude-C-Raum-0815-Schrank-42-Einschub';
const EIGHTY = 'Büro Hamburg – Verbundene Seite mit einem wirklich sehr langen Stationsnamen Nr1';

/** Words (split at spaces, hyphens and arrows, where a line may end) in `cells` that are broken over two lines. */
async function brokenWords(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Hashes and fingerprints may break anywhere; words may not.
        if (node.parentElement?.closest('.fingerprint')) continue;
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[^\s\-–→]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** Whether the whole text of a field is visible: nothing scrolled out sideways or below. */
async function showsAll(field: Locator): Promise<boolean> {
  return field.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
}

for (const language of ['de', 'en'] as const) {
  test(`at 900 px audit details keep their words whole and rename fields show 80 characters (${language})`, async ({ ferry }) => {
    const { page } = ferry;
    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language').selectOption(language);
    await page.getByTestId('station-rename').click();
    await page.getByTestId('station-input').fill(LONG);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('station-name')).toHaveText(LONG);
    const key = otherStationKey(ferry.dataDir);
    await trustInUi(page, key, key.fingerprint, 'Büro Hamburg – Verbundene Seite');

    expect([...EIGHTY].length).toBe(80);
    for (const id of ['station', 'trusted']) {
      await page.getByTestId(`${id}-rename`).click();
      const field = page.getByTestId(`${id}-input`);
      await field.fill(EIGHTY);
      expect(await showsAll(field), `${id} rename field shows all 80 characters`).toBe(true);
      await page.keyboard.press('Escape');
    }

    await page.getByTestId('nav-audit').click();
    const details = page.getByTestId('audit-details');
    await expect(details.first()).toBeVisible();
    await expect(page.getByTestId('audit-table')).toContainText(LONG);
    expect(await brokenWords(details)).toEqual([]);
    // The check sees a broken word when there is one: a word in a box three characters wide.
    await page.evaluate(() => {
      const probe = Object.assign(document.createElement('div'), { textContent: 'Rechenzentrum' });
      probe.dataset.testid = 'probe';
      probe.style.cssText = 'width: 3ch; overflow-wrap: anywhere';
      document.querySelector('main')!.append(probe);
    });
    expect(await brokenWords(page.getByTestId('probe'))).toEqual(['Rechenzentrum']);
  });
}
