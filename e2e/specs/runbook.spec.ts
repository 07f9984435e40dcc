/**
 * Runbooks (issue 10): an asynchronous failover upgrade from start to end, as a technician does it —
 * the plan's packages, a configured short wait, a step blocked and explained, the settings backup
 * taken into the vault, versions pasted from Status › Basics and compared with the plan (a wrong one
 * refused), a restart of the app in the middle, the wait's countdown, and the report as HTML and PDF
 * (its text read back with pdftotext, independent of Ferry). The run's audit entries agree with its
 * steps, and `audit verify` passes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, test } from '../fixtures.ts';
import { openCatalog } from '../helpers.ts';

/** The plan for 3.2.4 / 12.0.0 over the test catalog, in install order, with the versions after each package. */
const AFTER = [
  { base: '3.3.2', site: '12.0.0' },
  { base: '3.3.2', site: '12.2.0' },
  { base: '4.0.0', site: '12.2.0' },
  { base: '4.0.0', site: '13.1.0' },
];
const basics = (v: { base: string; site: string }) => `Status\nSoftwareversion: ${v.site}\nBase-Softwareversion: ${v.base}\nSeriennummer: BT-0815`;

/** The step Ferry offers next (ready), as a locator, and its id. */
async function nextReady(page: Page): Promise<{ id: string } | null> {
  const ready = page.locator('[data-status="ready"]').first();
  if ((await ready.count()) === 0) return null;
  const testId = (await ready.getAttribute('data-testid'))!;
  return { id: testId.replace(/^rb-step-/, '') };
}

/** Completes the next ready step with the evidence it asks for; returns its id. */
async function doNext(page: Page): Promise<string> {
  const next = await nextReady(page);
  if (!next) throw new Error('no step is ready');
  const step = page.getByTestId(`rb-step-${next.id}`);
  const install = /^install-[ab]#(\d)$/.exec(next.id);
  if (install) await step.getByTestId('rb-basics').fill(basics(AFTER[Number(install[1]) - 1]!));
  if (await step.getByTestId('rb-confirm').count()) await step.getByTestId('rb-confirm').check();
  await step.getByTestId('rb-done').click();
  await expect(page.getByTestId(`rb-step-${next.id}`)).toHaveAttribute('data-status', 'done');
  return next.id;
}

test('an asynchronous failover upgrade from start to end, with a restart in the middle and the report', async ({ ferry }) => {
  test.setTimeout(180_000);
  // The inventory: the pair as it runs today.
  for (const [name, role] of [['bt-a', 'primary'], ['bt-b', 'backup']] as const) {
    expect(ferry.cli('appliance', 'add', '--name', name, '--role', role, '--hostname', `${name}.example.com`, '--base', '3.2.4', '--site', '12.0.0').status).toBe(0);
  }
  // The plan the run installs.
  await openCatalog(ferry);
  let page = ferry.page;
  await page.getByTestId('plan-base').fill('3.2.4');
  await page.getByTestId('plan-site').fill('12.0.0');
  await page.getByTestId('plan-compute').click();
  await expect(page.getByTestId('plan-timeline')).toBeVisible();

  // Start the run: the pair from the inventory, DNS swing, the plan's four packages, a 7.2-second wait.
  await page.getByTestId('nav-runbook').click();
  await expect(page.getByTestId('rb-no-runs')).toBeVisible();
  await expect(page.getByTestId('rb-part-A')).toHaveValue('bt-a');
  await expect(page.getByTestId('rb-part-B')).toHaveValue('bt-b');
  await page.getByTestId('rb-variant-dns-swing').check();
  await expect(page.getByTestId('rb-plan-summary')).toContainText('Base Software 3.3.2 → Bomgar-12.2.0 → Base Software 4.0.0 → BeyondTrust 13.1.0');
  await page.getByTestId('rb-wait').fill('0,002');
  await expect(page.getByTestId('rb-wait-shorter')).toContainText('Kürzer als die 24 h der Anleitung');
  await expect(page.getByTestId('rb-gap-1')).toContainText('24 h');
  await page.getByTestId('rb-start').click();
  await expect(page.locator('#rb-run-title')).toBeFocused();
  await expect(page.locator('#rb-run-title')).toHaveText('Failover-Paar – asynchrone Aktualisierung');
  await expect(page.getByTestId('rb-progress')).toHaveText('0 von 29 Schritten erledigt');
  const runId = (await page.getByTestId('rb-run').getAttribute('data-run-id'))!;

  // A blocked step says what it waits for; the service would refuse it too.
  await expect(page.getByTestId('rb-step-sync-now')).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('rb-step-sync-now').getByTestId('rb-blocked-why')).toHaveText('Gesperrt – zuerst erledigen: Einstellungen von Gerät A sichern');
  await expect(page.getByTestId('rb-step-sync-now').getByTestId('rb-done')).toHaveCount(0);
  await expect(page.getByTestId('rb-step-install-a#1').getByTestId('rb-blocked-why')).toContainText('Neue Version in der Produktion bestätigen');

  expect(await doNext(page)).toBe('plan-windows');
  // The eye follows the procedure: the next step takes the focus.
  await expect(page.locator('#rb-title-backup-settings')).toBeFocused();
  // A backup is taken, never skipped: no Skip button (the service refuses it too).
  await expect(page.getByTestId('rb-step-backup-settings').getByTestId('rb-skip')).toHaveCount(0);
  // The settings backup goes into the vault; its hash is the evidence.
  const backup = join(mkdtempSync(join(tmpdir(), 'ferry-nsb-')), 'bt-a-2026-11-27.nsb');
  writeFileSync(backup, `settings backup of bt-a ${Date.now()}`);
  const backupSha = createHash('sha256').update(readFileSync(backup)).digest('hex');
  const backupStep = page.getByTestId('rb-step-backup-settings');
  await expect(backupStep.getByTestId('rb-done')).toBeDisabled();
  await ferry.answerNextFileDialog(backup);
  await backupStep.getByTestId('rb-choose-file').click();
  await expect(backupStep.getByTestId('rb-file-ready')).toContainText(backupSha);
  // The file is in: the focus is on "Mark as done".
  await expect(backupStep.getByTestId('rb-done')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(backupStep.getByTestId('rb-evidence-hash')).toHaveText(backupSha);
  await expect(page.locator('#rb-title-sync-now')).toBeFocused();
  for (const id of ['sync-now', 'break-failover', 'check-updates-b', 'download-key-b', 'download-packages-b']) expect(await doNext(page)).toBe(id);

  // A version that is not the plan's is refused before anything is recorded.
  const first = page.getByTestId('rb-step-install-b#1');
  await first.getByTestId('rb-basics').fill(basics({ base: '3.2.4', site: '12.0.0' }));
  await expect(first.getByTestId('rb-basics-check')).toContainText('Stimmt nicht mit dem Plan überein');
  await expect(first.getByTestId('rb-basics-check')).toContainText('Der Plan erwartet: Base-Software 3.3.2');
  await expect(first.getByTestId('rb-done')).toBeDisabled();
  expect(await doNext(page)).toBe('install-b#1');
  expect(await doNext(page)).toBe('install-b#2');

  // The computer restarts in the middle: the run is exactly where it was.
  await ferry.restart();
  page = ferry.page;
  await page.getByTestId('nav-runbook').click();
  await page.getByTestId(`rb-open-${runId}`).click();
  await expect(page.getByTestId('rb-progress')).toHaveText('9 von 29 Schritten erledigt');
  await expect(page.getByTestId('rb-step-install-b#2')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('rb-step-install-b#3')).toHaveAttribute('data-status', 'ready');

  for (const id of ['install-b#3', 'install-b#4', 'hosts-file-b', 'verify-b', 'dns-swing', 'confirm-b-primary']) expect(await doNext(page)).toBe(id);
  // B is primary: the Jump Clients' wait runs (7.2 s configured), with its end and a countdown.
  const wait = page.getByTestId('rb-step-wait-jump-clients');
  await expect(wait).toHaveAttribute('data-status', 'waiting');
  await expect(wait.getByTestId('rb-wait-left')).toContainText('Warten bis');
  // The text names the guide's 24 hours; the length set at the start is said next to it.
  await expect(wait.getByTestId('rb-wait-configured')).toHaveText('In diesem Lauf beim Start festgelegt: 0,002 h Wartezeit (statt der Zeit im Text oben).');
  // Skipping needs a reason; the hosts file on A is skipped with one.
  for (const id of ['confirm-production-b', 'check-updates-a', 'download-key-a', 'download-packages-a', 'install-a#1', 'install-a#2', 'install-a#3', 'install-a#4']) expect(await doNext(page)).toBe(id);
  const hosts = page.getByTestId('rb-step-hosts-file-a');
  await hosts.getByTestId('rb-skip').click();
  await expect(hosts.getByTestId('rb-skip-reason-input')).toBeFocused();
  // Escape keeps the step and returns to the Skip button.
  await page.keyboard.press('Escape');
  await expect(hosts.getByTestId('rb-skip')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(hosts.getByTestId('rb-skip-reason-input')).toBeFocused();
  await expect(hosts.getByTestId('rb-skip-confirm')).toBeDisabled();
  await hosts.getByTestId('rb-skip-reason-input').fill('Kein Rechner mit änderbarer Hosts-Datei; Test über VPN');
  await hosts.getByTestId('rb-skip-confirm').click();
  await expect(hosts).toHaveAttribute('data-status', 'skipped');
  for (const id of ['verify-a', 'check-keys', 'reconnect-failover', 'sync-after-restore']) expect(await doNext(page)).toBe(id);
  // The wait is over by now (or soon): then it can be marked done, and the run is finished.
  await expect(wait).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  expect(await doNext(page)).toBe('wait-jump-clients');
  await expect(page.getByTestId('rb-progress')).toHaveText('Abgeschlossen: 29 von 29 Schritten');

  // The report for the change ticket, as HTML and as PDF, with the backup's hash.
  const out = mkdtempSync(join(tmpdir(), 'ferry-report-'));
  await ferry.answerNextDialog({ kind: 'save-file', path: join(out, 'run.html') });
  await page.getByTestId('rb-report-html').click();
  await expect(page.getByTestId('rb-saved')).toContainText('run.html');
  const html = readFileSync(join(out, 'run.html'), 'utf8');
  expect(html).toContain(backupSha);
  expect(html).toContain('Kein Rechner mit änderbarer Hosts-Datei; Test über VPN');
  await ferry.answerNextDialog({ kind: 'save-file', path: join(out, 'run.pdf') });
  await page.getByTestId('rb-report-pdf').click();
  await expect(page.getByTestId('rb-saved')).toContainText('run.pdf', { timeout: 60_000 });
  const pdfText = execFileSync('pdftotext', ['-raw', join(out, 'run.pdf'), '-'], { encoding: 'utf8' });
  expect(pdfText.replace(/\s+/g, '')).toContain(backupSha);
  expect(pdfText).toContain('bt-a');
  // The two windows of the procedure on the change calendar, read with ical.js.
  await ferry.answerNextDialog({ kind: 'save-file', path: join(out, 'run.ics') });
  await page.getByTestId('rb-calendar').click();
  await expect(page.getByTestId('rb-saved')).toContainText('run.ics');
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'run.ics'), 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events.map((e) => e.summary)).toEqual(['Failover-Paar – asynchrone Aktualisierung: Fenster 1: Gerät B aktualisieren und primär machen', 'Failover-Paar – asynchrone Aktualisierung: Fenster 2: Gerät A aktualisieren']);
  expect(events[1]!.startDate.toJSDate().getTime() - events[0]!.endDate.toJSDate().getTime()).toBe(24 * 3_600_000);

  // Every step change has its audit entry, and the chain verifies.
  expect(ferry.cli('audit', 'export', '--out', join(out, 'audit.jsonl')).status).toBe(0);
  const entries = readFileSync(join(out, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; subject: string; details: { step?: string } });
  const about = entries.filter((e) => e.subject === runId);
  expect(about.filter((e) => e.action === 'runbook.stepDone').length).toBe(28);
  expect(about.filter((e) => e.action === 'runbook.stepSkipped').map((e) => e.details.step)).toEqual(['hosts-file-a']);
  expect(about.map((e) => e.action)).toContain('runbook.finished');
  expect(ferry.cli('audit', 'verify').status).toBe(0);
});
