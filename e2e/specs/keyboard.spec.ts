import { expect, test } from '../fixtures.ts';
import { expectVisibleFocus, otherStationKey } from '../helpers.ts';
import type { Locator, Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 30, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** WCAG contrast between the focused element's outline colour and its background. */
async function outlineContrast(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const s = getComputedStyle(el);
    const [hi, lo] = [lum(s.outlineColor), lum(s.backgroundColor)].sort((a, b) => b - a);
    return (hi! + 0.05) / (lo! + 0.05);
  });
}

test('keyboard only: choose a side, go to settings, trust a station — the focus is visible at each step', async ({ ferry }) => {
  const { page } = ferry;
  const key = otherStationKey(ferry.dataDir);
  await expect(page.getByTestId('app-ready')).toBeVisible();

  const restricted = page.getByTestId('side-restricted');
  await tabTo(page, restricted);
  await expectVisibleFocus(restricted);
  await page.keyboard.press('Enter');
  // The journey replaces the choice; its heading takes the focus.
  const heading = page.locator('h1#page-title');
  await expect(heading).toHaveText('Ihr Ablauf');
  await expectVisibleFocus(heading);

  // Back into the sidebar: the settings entry, its ring at least 3:1 against the sidebar.
  const settings = page.getByTestId('nav-settings');
  await tabTo(page, settings, 30, 'Shift+Tab');
  await expectVisibleFocus(settings);
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Einstellungen');
  await expectVisibleFocus(heading);
  // Now settings is the active item: the ring must still stand out against its blue.
  await page.keyboard.press('Shift+Tab');
  await expectVisibleFocus(settings);
  await expect(settings).toHaveAttribute('aria-current', 'page');
  expect(await outlineContrast(settings)).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('Tab');

  const text = page.getByTestId('trust-text');
  await tabTo(page, text);
  await expectVisibleFocus(text);
  await page.keyboard.insertText(key.pem);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByTestId('trust-read'));
  await page.keyboard.press('Enter');
  const fingerprint = page.getByTestId('trust-fingerprint');
  await expectVisibleFocus(fingerprint);
  await page.keyboard.type(key.fingerprint);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByTestId('trust-name'));
  await page.keyboard.type('Büro');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByTestId('trust-confirm'));
  await page.keyboard.press('Enter');
  const done = page.getByTestId('trust-done');
  await expect(done).toContainText('„Büro“ ist jetzt vertrauenswürdig');
  await expectVisibleFocus(done);
  await expect(page.getByTestId('trusted-item')).toHaveCount(1);
});

test('the station rename: Escape cancels, saving returns the focus to the Rename button', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('nav-settings').click();
  const rename = page.getByTestId('station-rename');
  await expect(page.getByTestId('station-name')).toHaveText(/\S/);
  const before = await page.getByTestId('station-name').textContent();
  await rename.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('station-input')).toBeFocused();
  await page.keyboard.type(' (geändert)');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('station-name')).toHaveText(before ?? '');
  await expectVisibleFocus(rename);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Sprungserver 2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('station-name')).toHaveText('Sprungserver 2');
  await expectVisibleFocus(rename);
});

test('journey steps lead to their pages; pages of the other side are marked, not hidden', async ({ ferry }) => {
  const { page } = ferry;
  await page.getByTestId('side-connected').click();
  await expect(page.getByTestId('nav-appliances')).toHaveAttribute('data-other-side', 'true');
  await expect(page.getByTestId('nav-appliances-other')).toHaveText('andere Seite');
  await expect(page.getByTestId('nav-runbook')).toHaveAttribute('data-other-side', 'true');
  await expect(page.getByTestId('nav-transfer')).not.toHaveAttribute('data-other-side', /.*/);
  await page.getByTestId('journey-identify').click();
  await expect(page.locator('h1')).toHaveText('Transfer');
  await expect(page.getByTestId('nav-transfer')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('nav-appliances').click();
  // Reachable from the other side too: the page itself, with what to do first.
  await expect(page.locator('h1')).toHaveText('Geräte');
  await expect(page.getByTestId('appliances-empty')).toBeVisible();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('side').selectOption('restricted');
  await expect(page.getByTestId('nav-appliances')).not.toHaveAttribute('data-other-side', /.*/);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('journey-runbook').click();
  await expect(page.locator('h1')).toHaveText('Ablaufplan');
  await expect(page.getByTestId('runbook-start')).toBeVisible();
});

test('the sidebar stays in view on a long page', async ({ ferry }) => {
  const { page } = ferry;
  await page.setViewportSize({ width: 1100, height: 500 });
  await page.getByTestId('nav-settings').click();
  await page.mouse.wheel(0, 3000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(page.getByTestId('nav-home')).toBeInViewport();
  await expect(page.getByTestId('nav-settings')).toBeInViewport();
});
