/** The run's record for the change ticket: every hash in full, every deviation, escaped notes, both languages, and a real PDF. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Evidence, Run, RunStep } from '../../src/shared/contract/runbook.ts';
import { checkBasics, expectedAfter } from '../../src/shared/runbooks/basics-check.ts';
import { RUNBOOKS } from '../../src/shared/runbooks/index.ts';
import { instantiate, type PlannedPackage } from '../../src/shared/runbooks/instantiate.ts';
import { runReportHtml, type RunReport } from '../../src/shared/runbooks/report.ts';

const BACKUP_SHA = '3f7a9c2e5b8d41f0a6c3e9b7d2f48a1c5e0b9d7f3a6c2e8b4d1f7a0c9e5b3d2a';
const HEAD_SHA = 'c0ffee00d15ea5e5b16b00b5facefeedbeefcafe0123456789abcdef01234567';
const FINGERPRINT = 'ab12cd34ef5678900a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef';
const SKIP_REASON = 'Kein Rechner mit änderbarer Hosts-Datei erreichbar; Test über den VPN-Client in Schritt 11';
const EVIL_NOTE = 'Konsole 25.1.2 geprüft <script>alert(1)</script> " onload="alert(2)';

const packages: PlannedPackage[] = [
  { name: 'BeyondTrust Base Software 7.2.1', version: '7.2.1', kind: 'base' },
  { name: 'BeyondTrust Remote Support 25.1.2', version: '25.1.2', kind: 'site' },
];
const basics = (site: string, base: string) => `Software Version: ${site}\nBase Software Version: ${base}\nSerial Number: BT-44821\nSystem Time: 2025-03-14 19:10 UTC`;
// No label Ferry knows: the expected version is found somewhere in the text (weaker evidence).
const UNLABELLED = 'Appliance-Übersicht\nBeyondTrust 25.1.2 (Build 4711)\nLaufzeit 2 Tage';

type State = Pick<RunStep, 'status' | 'at' | 'by' | 'given' | 'note' | 'waitUntil'>;

/** A failover-async run (DNS swing, waits shortened to 0.1 h) with its steps done up to `until` (all when undefined). */
function makeRun(until?: string): Run {
  const planned = instantiate(RUNBOOKS['failover-async'], { appliances: { A: 'bt-prod-a', B: 'bt-prod-b' }, packages, variant: 'dns-swing' })
    .map((s) => (s.kind === 'wait' ? { ...s, waitHours: 0.1 } : s));
  const pasted = (id: string, text: string): Evidence => ({ kind: 'pasted-basics', value: text, check: checkBasics(text, expectedAfter(planned.find((s) => s.id === id)!, packages)) });
  const done = (at: string, given: Evidence[] = [{ kind: 'confirm', value: '' }], note = ''): State => ({ status: 'done', at, by: 'mkeller', given, note, waitUntil: null });
  const states: Record<string, State> = {
    'plan-windows': done('2025-03-14T17:35:00.000Z'),
    'backup-settings': done('2025-03-14T18:05:00.000Z', [{ kind: 'vault-file', value: BACKUP_SHA, fileName: 'bt-prod-a_2025-03-14.nsb' }]),
    'sync-now': done('2025-03-14T18:20:00.000Z'),
    'break-failover': done('2025-03-14T18:25:00.000Z', [{ kind: 'confirm', value: '' }, { kind: 'timestamp', value: '2025-03-14T18:24:00Z' }]),
    'check-updates-b': done('2025-03-14T18:30:00.000Z', []),
    'download-key-b': done('2025-03-14T18:32:00.000Z'),
    'download-packages-b': done('2025-03-14T18:40:00.000Z'),
    'install-b#1': done('2025-03-14T19:10:00.000Z', [pasted('install-b#1', basics('24.3.1', '7.2.1'))]),
    'install-b#2': done('2025-03-14T19:40:00.000Z', [pasted('install-b#2', basics('25.1.2', '7.2.1'))]),
    'hosts-file-b': { status: 'skipped', at: '2025-03-14T19:45:00.000Z', by: 'mkeller', given: [], note: SKIP_REASON, waitUntil: null },
    'verify-b': done('2025-03-14T19:55:00.000Z', [{ kind: 'confirm', value: '' }], EVIL_NOTE),
    'dns-swing': done('2025-03-14T20:10:00.000Z', [{ kind: 'confirm', value: '' }, { kind: 'timestamp', value: '2025-03-14T20:09:00Z' }]),
    'confirm-b-primary': done('2025-03-14T20:30:00.000Z'),
    // Between the windows: a check, no deviation (only installs and role switches belong in a window).
    'confirm-production-b': done('2025-03-15T12:00:00.000Z'),
    'check-updates-a': done('2025-03-15T22:05:00.000Z', []),
    'download-key-a': done('2025-03-15T22:10:00.000Z'),
    'download-packages-a': done('2025-03-15T22:15:00.000Z'),
    // An install before its window (window 2): a deviation.
    'install-a#1': done('2025-03-15T12:40:00.000Z', [pasted('install-a#1', basics('24.3.1', '7.2.1'))]),
    'install-a#2': done('2025-03-15T23:10:00.000Z', [pasted('install-a#2', UNLABELLED)]),
    'hosts-file-a': done('2025-03-15T23:15:00.000Z'),
    'verify-a': done('2025-03-15T23:25:00.000Z'),
    'check-keys': done('2025-03-15T23:35:00.000Z'),
    'reconnect-failover': done('2025-03-15T23:45:00.000Z', [{ kind: 'confirm', value: '' }, { kind: 'timestamp', value: '2025-03-15T23:44:00Z' }]),
    'sync-after-restore': done('2025-03-15T23:55:00.000Z'),
    'wait-jump-clients': done('2025-03-16T00:30:00.000Z'),
  };
  const stop = until === undefined ? planned.length : planned.findIndex((s) => s.id === until) + 1;
  const steps: RunStep[] = planned.map((s, i) => ({
    ...s,
    ...(i < stop ? states[s.id]! : { status: i === stop ? 'ready' : 'blocked', at: null, by: '', given: [], note: '', waitUntil: null }),
  }));
  return {
    id: '5b0c3f2e-8a1d-4c7e-9f60-2d4b8e1a7c93', procedure: 'failover-async', createdAt: '2025-03-14T17:30:00.000Z',
    status: until === undefined ? 'done' : 'open', by: 'mkeller',
    appliances: { A: 'bt-prod-a', B: 'bt-prod-b' }, variant: 'dns-swing', packages, waitHours: 0.1,
    windows: [
      { start: '2025-03-14T18:00:00.000Z', end: '2025-03-14T22:00:00.000Z' },
      { start: '2025-03-15T22:00:00.000Z', end: '2025-03-16T02:00:00.000Z' },
    ],
    before: { 'bt-prod-a': { site: '24.3.1', base: '7.1.0' }, 'bt-prod-b': { site: '24.3.1', base: '7.1.0' } },
    steps,
  };
}

function report(run: Run, intact = true): RunReport {
  return {
    run, station: { name: 'Station Technik Süd', fingerprint: FINGERPRINT }, generatedAt: '2025-03-16T08:00:00.000Z',
    audit: { intact, entries: 1342, head: HEAD_SHA, runEntries: 27 },
    evidenceFiles: { [BACKUP_SHA]: { fileName: 'bt-prod-a_2025-03-14.nsb', size: 2_483_712 } },
  };
}

/** The visible text of a piece of markup: the style sheet and tags dropped, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html.replace(/<style>[^<]*<\/style>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
}

/** The markup from the `<h2>` titled `heading` to the next one. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = html.indexOf('<h2', start + 4);
  return html.slice(start, next < 0 ? undefined : next);
}

/** The text of the table row of `section` whose first cell is `first`. */
function rowOf(part: string, first: string): string {
  const found = part.split('<tr').map((r) => text(`<tr${r}`)).find((r) => r.startsWith(`${first} `));
  expect(found, first).toBeDefined();
  return found!;
}

const HEADINGS = {
  de: { versions: 'Versionen vorher und nachher', deviations: 'Abweichungen', hashes: 'Nachweisdateien (SHA-256)', audit: 'Prüfprotokoll', steps: 'Schritte' },
  en: { versions: 'Versions before and after', deviations: 'Deviations', hashes: 'Evidence files (SHA-256)', audit: 'Audit log', steps: 'Steps' },
};

describe('runReportHtml', () => {
  const finished = makeRun();

  it('is one self-contained document: doctype, language, charset, title, no scripts, no external resources', () => {
    for (const language of ['de', 'en'] as const) {
      const html = runReportHtml(report(finished), language);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toMatch(/<meta charset="utf-8"\/?>/i);
      expect(html).toMatch(/<title>[^<]*5b0c3f2e-8a1d-4c7e-9f60-2d4b8e1a7c93[^<]*<\/title>/);
      expect(html).toContain('@page { size: A4; margin: 16mm }');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/<(img|link|iframe|object|embed)\b|\bsrc=|url\(/i);
    }
  });

  it('holds every evidence hash in full, in its step and in the summary, with file name and size', () => {
    for (const language of ['de', 'en'] as const) {
      const html = runReportHtml(report(finished), language);
      expect(html.split(BACKUP_SHA).length - 1, language).toBeGreaterThanOrEqual(2);
      expect(text(section(html, HEADINGS[language].hashes))).toMatch(new RegExp(`bt-prod-a_2025-03-14\\.nsb [^]+ 2 SHA-256 ${BACKUP_SHA}$`));
      expect(html).toContain(language === 'de' ? '2,4 MiB (2.483.712 Bytes)' : '2.4 MiB (2,483,712 bytes)');
      expect(text(section(html, HEADINGS[language].audit))).toContain(HEAD_SHA);
      expect(text(html)).toContain('ab12 cd34 ef56 7890 0a1b 2c3d 4e5f 6071 8293 a4b5 c6d7 e8f9 0123 4567 89ab cdef');
    }
  });

  it('shows the versions before and those read back after, per component from the step that read it', () => {
    const en = section(runReportHtml(report(finished), 'en'), HEADINGS.en.versions);
    // install-a#2 (step 19) read only the site version, without a label; the base came from install-a#1 (step 18).
    expect(rowOf(en, 'bt-prod-a')).toBe('bt-prod-a 24.3.1 25.1.2 (step 19) 7.1.0 7.2.1 (step 18)');
    expect(rowOf(en, 'bt-prod-b')).toBe('bt-prod-b 24.3.1 25.1.2 (step 9) 7.1.0 7.2.1 (step 9)');
    const de = section(runReportHtml(report(finished), 'de'), HEADINGS.de.versions);
    expect(rowOf(de, 'bt-prod-a')).toBe('bt-prod-a 24.3.1 25.1.2 (Schritt 19) 7.1.0 7.2.1 (Schritt 18)');
  });

  it('lists every deviation: the skip with its reason, the shortened wait, the unlabelled version, a step outside its window', () => {
    const part = section(runReportHtml(report(finished), 'en'), HEADINGS.en.deviations);
    const en = text(part);
    expect(en).toContain(`10 Point a hosts file at appliance B skipped; reason: ${SKIP_REASON}`);
    expect(en).toContain('25 Wait for the Jump Clients to upgrade wait shortened to 0.1 h (guide: 24 h)');
    expect(en).toContain('19 Install the updates on appliance A version found in the pasted Status › Basics text without a label (weaker evidence)');
    expect(en).toMatch(/— Window 2 steps 18 \(installs and role switches\) done outside window 2, the first at Mar 15, 2025/);
    expect(en).not.toContain('Confirm the new version in production');
    expect(en).not.toContain('not finished');
    // Only those: steps done inside their window, in the plan section (no window) or after the last one are no deviation.
    expect(part.match(/<tr>/g)?.length).toBe(1 + 4);
    const de = text(section(runReportHtml(report(finished), 'de'), HEADINGS.de.deviations));
    expect(de).toContain(`übersprungen; Grund: ${SKIP_REASON}`);
    expect(de).toContain('Wartezeit verkürzt auf 0,1 h (Anleitung: 24 h)');
    expect(de).toContain('außerhalb von Fenster 2');
    expect(de).toContain('schwächerer Nachweis');
  });

  it('says so when there is no deviation', () => {
    const clean = makeRun();
    clean.steps = clean.steps.filter((s) => s.id !== 'hosts-file-b' && s.id !== 'install-a#2' && s.id !== 'install-a#1')
      .map((s) => (s.kind === 'wait' ? { ...s, waitHours: 24 } : s));
    expect(text(section(runReportHtml(report(clean), 'en'), HEADINGS.en.deviations))).toBe('Deviations None.');
    expect(text(section(runReportHtml(report(clean), 'de'), HEADINGS.de.deviations))).toBe('Abweichungen Keine.');
  });

  it('lists the open steps of an unfinished run as a deviation and reads back nothing not yet read', () => {
    const open = makeRun('verify-b');
    const waiting = open.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped').length;
    expect(waiting).toBe(14);
    const en = runReportHtml(report(open), 'en');
    expect(text(section(en, HEADINGS.en.deviations))).toContain('The run is not finished: 14 steps open.');
    expect(rowOf(section(en, HEADINGS.en.versions), 'bt-prod-a')).toBe('bt-prod-a 24.3.1 not read back 7.1.0 not read back');
    expect(text(en)).toContain('Status: open');
    const de = runReportHtml(report(open), 'de');
    expect(text(section(de, HEADINGS.de.deviations))).toContain('Der Durchlauf ist nicht abgeschlossen: 14 Schritte offen.');
    expect(text(de)).toContain('Abgeschlossen nicht abgeschlossen');
  });

  it('escapes what people typed: a note with markup stays text', () => {
    for (const language of ['de', 'en'] as const) {
      const html = runReportHtml(report(finished), language);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('" onload="');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=&quot;alert(2)');
      expect(text(html)).toContain(EVIL_NOTE);
    }
  });

  it('speaks German in de and English in en, with the step statuses, evidence and the audit chain translated', () => {
    const de = text(runReportHtml(report(finished), 'de'));
    const en = text(runReportHtml(report(finished), 'en'));
    for (const word of ['Abweichungen', 'Prüfprotokoll', 'Wer und wo', 'erledigt', 'übersprungen', 'Größe', 'Wartungsfenster', 'bestätigt', 'stimmt überein', 'DNS-Swing', 'Failover-Paar – asynchrone Aktualisierung']) {
      expect(de, word).toContain(word);
      expect(en, word).not.toContain(word);
    }
    for (const word of ['Deviations', 'Audit log', 'Appliances', 'skipped', 'Maintenance windows', 'confirmed', 'matches', 'DNS swing', 'Failover pair – asynchronous update']) {
      expect(en, word).toContain(word);
      expect(de, word).not.toContain(word);
    }
    expect(en).toContain('matched anywhere in the text');
    expect(de).toContain('irgendwo im Text gefunden');
    expect(en).toContain('Window 2: update appliance A');
    expect(de).toContain('Fenster 2: Gerät A aktualisieren');
    expect(en).toContain('Gap to previous');
    expect(en).toMatch(/Window 2: update appliance A .+ 24 h/);
    expect(text(runReportHtml(report(finished, false), 'de'))).toContain('GEBROCHEN');
    expect(text(runReportHtml(report(finished, false), 'en'))).toContain('BROKEN');
  });

  it('gives every time as a <time> with its ISO instant', () => {
    const html = runReportHtml(report(finished), 'en');
    for (const iso of ['2025-03-14T17:30:00.000Z', '2025-03-16T00:30:00.000Z', '2025-03-16T08:00:00.000Z', '2025-03-15T12:00:00.000Z']) {
      expect(html).toMatch(new RegExp(`<time datetime="${iso}">[^<]+`, 'i'));
    }
  });
});

/** The first of `names` on PATH, or null. */
function onPath(...names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

const chromium = onPath('chromium', 'chromium-browser');
const pdftotext = onPath('pdftotext');

describe('the report printed to PDF by Chromium', () => {
  it.skipIf(chromium === null || pdftotext === null)('carries the full hashes and the German text, inside the margins (read back with pdftotext)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-report-'));
    try {
      const input = join(dir, 'report.html');
      const pdf = join(dir, 'report.pdf');
      writeFileSync(input, runReportHtml(report(makeRun()), 'de'));
      execFileSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${pdf}`, pathToFileURL(input).href], { stdio: 'ignore', timeout: 90_000 });
      const out = execFileSync(pdftotext!, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      // A hash may be broken across lines in the PDF: compare without whitespace.
      const flat = out.replace(/\s+/g, '');
      expect(flat).toContain(BACKUP_SHA);
      expect(flat).toContain(HEAD_SHA);
      expect(flat).toContain(SKIP_REASON.replace(/\s+/g, ''));
      expect(out).toContain('Abweichungen');
      expect(out).toContain('übersprungen');
      // Nothing runs into the right margin (16 mm = 45.35 pt; cells keep 4.5 pt of padding inside it). A hash that does
      // not wrap would: Chromium clips it at the margin, so its last visible letters end there.
      const boxes = execFileSync(pdftotext!, ['-bbox', pdf, '-'], { encoding: 'utf8' });
      const pageWidth = Number(/<page width="([\d.]+)"/.exec(boxes)![1]);
      const right = Math.max(...[...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
      expect(right).toBeLessThan(pageWidth - 45.35 - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
