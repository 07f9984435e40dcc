/**
 * The Jump Client lists the e2e tests write (a German export around a fixed upgrade time, a list with
 * headers Ferry does not know), and screenshots of the clients page in one language: empty, a result
 * with the estimate filled in, the columns to map, and the result 900 px wide.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { FerryApp } from './fixtures.ts';

/** When the upgrade finished (local time, as the datetime-local field takes it). */
export const SINCE = '2026-03-15T18:00';

/** A German console's export: BOM, semicolons, German dates; pending, offline since before, no date, a formula-looking name. */
export const GERMAN_EXPORT = '\uFEFF' + [
  'Name;Status;Statusdetails;Letzter Check-in',
  'Buchhaltung-PC;Online;;15.03.2026 19:13',
  'Personal-Laptop;Upgrade ausstehend;;15.03.2026 18:30',
  'Lager-PC;Offline;;14.03.2026 08:00',
  'Kiosk-7;Online;;',
  '"=cmd|\' /C calc\'!A0";Offline;;10.03.2026 09:15',
  'Empfang;Online;;16.03.2026 07:45',
].join('\r\n') + '\r\n';

/** Headers Ferry does not know, and too few dates in the time column to tell it by its contents. */
export const UNKNOWN_HEADERS = 'Objekt;Zustandstext;Zeitstempel';
export const UNKNOWN_LIST = [UNKNOWN_HEADERS, 'Alpha;bereit;15.03.2026 19:00', 'Beta;wartet;unbekannt', 'Gamma;bereit;nie', 'Delta;bereit;unbekannt', 'Epsilon;bereit;14.03.2026 07:00'].join('\n') + '\n';

/** A site's list of `count` clients in the console's language: most upgraded, some pending, offline or without a date. */
function siteExport(language: 'de' | 'en', count: number): string {
  const de = language === 'de';
  const date = (day: number, hour: number, minute: number) => (de
    ? `${String(day).padStart(2, '0')}.03.2026 ${hour}:${String(minute).padStart(2, '0')}`
    : `3/${day}/2026 ${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`);
  const sep = de ? ';' : ',';
  const rows = [de ? ['Name', 'Status', 'Statusdetails', 'Letzter Check-in', 'Kommentar'] : ['Name', 'Status', 'Status Details', 'Last Check-In', 'Comments']];
  const depts = ['FIN', 'HR', 'OPS', 'LAB', 'SALES', 'KIOSK'];
  for (let i = 0; i < count; i += 1) {
    const name = `WS-${depts[i % depts.length]}-${String(100 + i * 7).padStart(4, '0')}${i === 2 ? (de ? ' (Empfang, Gebäude B – Erdgeschoss, Tresen links)' : ' (reception, building B – ground floor, left desk)') : ''}`;
    const kind = i % 5;
    const status = kind === 1 ? (de ? 'Upgrade ausstehend' : 'Upgrade Pending') : kind === 2 ? 'Offline' : 'Online';
    const seen = kind === 2 ? date(10 + (i % 5), 8 + (i % 9), (i * 13) % 60) : kind === 3 && i % 2 === 0 ? '' : date(15 + (i % 2), 18 + (i % 5), (i * 7) % 60);
    rows.push([name, status, '', seen, i % 4 === 0 ? (de ? 'Standort Hamburg' : 'Hamburg site') : '']);
  }
  return (de ? '\uFEFF' : '') + rows.map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep)).join('\r\n') + '\r\n';
}

export async function clientsShots(ferry: FerryApp, dir: string, language: 'de' | 'en'): Promise<void> {
  const { page } = ferry;
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(dir, `${language}-clients-${name}.png`), fullPage });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language').selectOption(language);
  const work = mkdtempSync(join(tmpdir(), 'ferry-clients-shots-'));
  await page.getByTestId('nav-clients').click();
  await shot('01-empty');

  const list = join(work, language === 'de' ? 'Jump-Clients-Export.csv' : 'jump-client-export.csv');
  writeFileSync(list, siteExport(language, 30));
  await page.getByTestId('clients-since').fill(SINCE);
  await ferry.answerNextFileDialog(list);
  await page.getByTestId('clients-choose').click();
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('clients-result')).toBeVisible();
  await page.getByTestId('clients-est-size').fill(language === 'de' ? '85,5' : '85.5');
  await page.getByTestId('clients-est-concurrent').fill('10');
  await expect(page.getByTestId('clients-estimate-result')).not.toContainText(language === 'de' ? 'Geben Sie' : 'Enter');
  await page.getByTestId('clients-result').getByRole('heading', { level: 2 }).focus();
  await shot('02-result');
  await page.getByTestId('clients-filter-reason').selectOption('pending');
  await page.getByTestId('clients-filter-name').fill('ws-');
  await page.getByTestId('clients-est-bandwidth').fill('120');
  await page.getByTestId('clients-filter-name').focus();
  await shot('03-filtered-out-of-range');

  const unknown = join(work, 'liste-unbekannt.csv');
  writeFileSync(unknown, UNKNOWN_LIST);
  await ferry.answerNextFileDialog(unknown);
  await page.getByTestId('clients-choose').click();
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('clients-unrecognised')).toBeVisible();
  await shot('04-map-columns');
  await page.getByTestId('clients-map-lastSeen').selectOption('2');
  await page.getByTestId('clients-map-status').selectOption('1');
  await page.getByTestId('clients-map-check').click();
  await expect(page.getByTestId('clients-result')).toBeVisible();
  await shot('05-mapped-remembered');

  await page.setViewportSize({ width: 900, height: 800 });
  await ferry.answerNextFileDialog(list);
  await page.getByTestId('clients-choose').click();
  await page.getByTestId('clients-check').click();
  await expect(page.getByTestId('clients-outdated')).toHaveCount(0);
  await expect(page.getByTestId('clients-summary')).toContainText(language === 'de' ? '15 von 30' : '15 of 30');
  await shot('06-900-result');
}
