import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { join } from 'node:path';
import { expect, test } from '../fixtures.ts';
import { CATALOG, openCatalog } from '../helpers.ts';

test('loads a catalog and shows the plan as a timeline with dates', async ({ ferry }) => {
  const { page } = ferry;
  await openCatalog(ferry);
  await expect(page.getByTestId('plan-catalog')).toHaveText('catalog.json: 4 Pakete');
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-startAt').fill('2026-12-01T09:00');
  await page.getByTestId('plan-compute').click();
  const timeline = page.getByTestId('plan-timeline');
  await expect(timeline.locator('li')).toHaveCount(5);
  await expect(page.getByTestId('timeline-install')).toHaveCount(4);
  await expect(page.getByTestId('timeline-wait')).toHaveText(/24 h warten/);
  await expect(timeline.locator('li').first()).toContainText('Base Software 3.3.2 installieren');
  await expect(timeline.locator('li').nth(3)).toContainText('Base Software 4.0.0');
  // The components by their names, written alike: Base-Software, Site-Software.
  await expect(timeline.locator('li').first()).toContainText('Base-Software 3.2.4 → 3.3.2');
  await expect(timeline.locator('li').nth(1)).toContainText('Site-Software 12.0.0 → 12.2.0');
  // The wait starts after the second install (2 × 60 min after 09:00) and ends a day later.
  await expect(page.getByTestId('timeline-time').nth(2)).toContainText('11:00');
  await expect(page.getByTestId('plan-summary')).toContainText('4 Installationen');
});

test('shows the blockers and what to fetch on the next trip, in English too', async ({ ferry }) => {
  const { page } = ferry;
  const file = join(ferry.dataDir, 'catalog.json');
  writeFileSync(file, JSON.stringify({ packages: CATALOG.packages.filter((p) => p.version !== '3.3.2') }));
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('nav-plan').click();
  await ferry.answerNextFileDialog(file);
  await page.getByTestId('plan-open-catalog').click();
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-unreachable')).toContainText('The target 13.1.0 cannot be reached');
  // The real cause first: the base nothing in the catalog provides; what it blocks after it.
  const first = page.getByTestId('plan-blockers').locator('li').first();
  await expect(first).toHaveAttribute('data-kind', 'missing');
  await expect(first).toContainText('Bomgar-12.2.0 needs Base Software 3.3.2 or later, below 4.0.0: the catalog has no such version.');
  await expect(first).toContainText('Available: 4.0.0');
  await expect(page.getByTestId('plan-next-trip')).toHaveText('Base Software 3.3.2 or later, below 4.0.0');
  // The same in German, in words.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption('de');
  await page.getByTestId('nav-plan').click();
  await expect(page.getByTestId('plan-next-trip')).toHaveText('Base-Software ab 3.3.2, unter 4.0.0');
});

test('refuses versions that are not versions before planning, and a broken catalog with its code', async ({ ferry }) => {
  const { page } = ferry;
  const good = join(ferry.dataDir, 'catalog.json');
  writeFileSync(good, JSON.stringify(CATALOG));
  const bad = join(ferry.dataDir, 'broken.json');
  writeFileSync(bad, '{"packages": [{"name": "x", "kind": "site", "version": "1.x"}]}');
  await page.getByTestId('nav-plan').click();
  await ferry.answerNextFileDialog(bad);
  await page.getByTestId('plan-open-catalog').click();
  await expect(page.getByTestId('error-notice')).toContainText('CATALOG_INVALID');
  await ferry.answerNextFileDialog(good);
  await page.getByTestId('plan-open-catalog').click();
  await page.getByTestId('plan-base').fill('drei');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Geben Sie eine Version' })).toBeVisible();
  await expect(page.getByTestId('plan-timeline')).toHaveCount(0);
});

test('with a maintenance window every install lies inside it; the dates save as a calendar that parses', async ({ ferry }) => {
  const { page } = ferry;
  await openCatalog(ferry);
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  // A decimal comma is a decimal point on a German page.
  await page.getByTestId('plan-waitHours').fill('12,5');
  await page.getByTestId('plan-startAt').fill('2026-12-01T09:00');
  await page.getByTestId('plan-windows').fill('mon-fri 18:00-22:00');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-timeline').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('timeline-wait')).toHaveText(/12,5 h warten/);
  const file = join(ferry.dataDir, '..', `ferry-plan-${Date.now()}.ics`);
  await ferry.answerNextDialog({ kind: 'save-file', path: file });
  await page.getByTestId('plan-save-calendar').click();
  await expect(page.getByTestId('plan-calendar-saved')).toContainText('.ics');
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(4);
  for (const e of events) {
    const start = e.startDate.toJSDate();
    const end = e.endDate.toJSDate();
    expect([1, 2, 3, 4, 5], e.summary).toContain(start.getDay());
    expect(start.getHours() * 60 + start.getMinutes(), e.summary).toBeGreaterThanOrEqual(18 * 60);
    expect(end.getHours() * 60 + end.getMinutes(), e.summary).toBeLessThanOrEqual(22 * 60);
    expect(end.getDate(), e.summary).toBe(start.getDate());
  }
  expect(events.map((e) => e.summary)).toContain('Appliance: install Base Software 3.3.2');
  rmSync(file);
  // A change after planning marks the result as outdated until planned again.
  await page.getByTestId('plan-windows').fill('mon-fri 18:00-23:00');
  await expect(page.getByTestId('plan-outdated')).toBeVisible();
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-outdated')).toHaveCount(0);
});

test('a window too short for an install is said so; a malformed one is refused before planning', async ({ ferry }) => {
  const { page } = ferry;
  await openCatalog(ferry);
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-startAt').fill('2026-12-01T09:00');
  await page.getByTestId('plan-windows').fill('weekdays 18-22');
  await page.getByTestId('plan-compute').click();
  await expect(page.locator('#plan-windows-error')).toContainText('Mo-Fr 18:00-22:00');
  await expect(page.getByTestId('plan-windows')).toBeFocused();
  await page.getByTestId('plan-windows').fill('Mo-Fr 18:00-18:30');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-window-too-short')).toContainText('WINDOW_TOO_SHORT');
});
