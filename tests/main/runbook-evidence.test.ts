/**
 * Runbook runs, second part (issue 10): evidence files hashed into the vault (and refused when they
 * are not files), pasted Status › Basics compared with the plan by the service (a wrong version or
 * none refused with EVIDENCE_MISMATCH, nothing recorded), a configured wait, maintenance windows
 * checked, who did each step, the calendar, and the run's channels through the real handler table.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/main/services.ts';
import { runCalendar } from '../../src/main/runbooks/run-ics.ts';
import { chromiumPdfPrinter, findChromium } from '../../src/main/runbooks/pdf-printer.ts';
import { checkBasics, expectedAfter } from '../../src/shared/runbooks/basics-check.ts';
import { packagePath } from '../../src/main/vault/vault-paths.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const PACKAGES = [
  { name: 'Base Software 3.3.2', version: '3.3.2', kind: 'base' as const },
  { name: 'Bomgar-12.2.0', version: '12.2.0', kind: 'site' as const },
];

async function services(now: () => Date = () => new Date('2026-12-01T18:00:00Z')): Promise<Services> {
  const dir = tempDir();
  await ferry(dir, 'station', 'init', '--name', 'Jump host');
  return createServices({ dataDir: dir, create: false, now, tasks: 'in-process' });
}

const never = new AbortController().signal;

describe('evidence files in the vault', () => {
  it('hashes a file into the vault (read-only, same bytes once), audited; a folder or a missing file is refused', async () => {
    const s = await services();
    const file = join(tempDir(), 'bt-a.nsb');
    writeFileSync(file, 'settings backup');
    const sha = createHash('sha256').update('settings backup').digest('hex');
    const added = await s.vault.importEvidence(file, never);
    expect(added).toMatchObject({ sha256: sha, size: 15, fileName: 'bt-a.nsb' });
    const stored = packagePath(s.dataDir, sha);
    expect(readFileSync(stored, 'utf8')).toBe('settings backup');
    expect(statSync(stored).mode & 0o777).toBe(0o400);
    expect((await s.vault.importEvidence(file, never)).importedAt).toBe(added.importedAt);
    expect(s.audit.list({ action: 'vault.evidenceImported' }).entries).toHaveLength(1);
    // Nothing is left in the staging area.
    expect(readdirSync(join(s.dataDir, 'vault', 'tmp'))).toEqual([]);
    const folder = join(tempDir(), 'dir.nsb');
    mkdirSync(folder);
    await expect(s.vault.importEvidence(folder, never)).rejects.toMatchObject({ code: 'INPUT_NOT_A_FILE' });
    await expect(s.vault.importEvidence(join(tempDir(), 'missing.nsb'), never)).rejects.toMatchObject({ code: 'FILE_MISSING' });
    expect(readdirSync(join(s.dataDir, 'vault', 'tmp'))).toEqual([]);
    expect(() => s.vault.evidence('0'.repeat(64))).toThrow(expect.objectContaining({ code: 'FILE_MISSING' }));
    await s.close();
  });
});

describe('runs: versions read back, waits, windows, who', () => {
  it('compares pasted Status › Basics with the plan: a wrong or missing version is refused and nothing recorded', async () => {
    const s = await services();
    const run = s.runbooks.start({ procedure: 'single-manual', appliances: { A: 'bt-a' }, packages: PACKAGES });
    const file = join(tempDir(), 'bt-a.nsb');
    writeFileSync(file, 'backup');
    const { sha256 } = await s.vault.importEvidence(file, never);
    const installs = run.steps.filter((x) => x.kind === 'install').map((x) => x.id);
    expect(installs).toEqual(['install-updates#1', 'install-updates#2']);
    for (const step of run.steps) {
      if (step.id === installs[0]) break;
      if (step.evidence.includes('vault-file')) s.runbooks.complete(run.id, step.id, [{ kind: 'vault-file', value: sha256 }]);
      else s.runbooks.complete(run.id, step.id, step.evidence.includes('confirm') ? [{ kind: 'confirm', value: '' }] : []);
    }
    const entries = () => s.audit.list({ action: 'runbook.stepDone' }).matching;
    const before = entries();
    // Still the old base: the plan expects 3.3.2 after the first package.
    expect(() => s.runbooks.complete(run.id, installs[0]!, [{ kind: 'pasted-basics', value: 'Softwareversion: 12.0.0\nBase-Softwareversion: 3.2.4' }]))
      .toThrow(expect.objectContaining({ code: 'EVIDENCE_MISMATCH', details: expect.objectContaining({ outcome: 'mismatch', expected: { base: '3.3.2' }, read: { site: '12.0.0', base: '3.2.4' } }) }));
    expect(() => s.runbooks.complete(run.id, installs[0]!, [{ kind: 'pasted-basics', value: 'nothing to read here' }]))
      .toThrow(expect.objectContaining({ code: 'EVIDENCE_MISMATCH', details: expect.objectContaining({ outcome: 'unreadable' }) }));
    expect(entries()).toBe(before);
    expect(s.runbooks.show(run.id).steps.find((x) => x.id === installs[0])!.status).toBe('ready');
    const done = s.runbooks.complete(run.id, installs[0]!, [{ kind: 'pasted-basics', value: 'Softwareversion: 12.0.0\nBase-Softwareversion: 3.3.2' }]);
    const given = done.steps.find((x) => x.id === installs[0])!.given[0]!;
    expect(given.check).toMatchObject({ outcome: 'match', how: 'labelled', read: { site: '12.0.0', base: '3.3.2' } });
    // Labels Ferry does not know: the expected version in the text counts, and says so.
    const second = s.runbooks.complete(run.id, installs[1]!, [{ kind: 'pasted-basics', value: 'Running: 12.2.0 (build 7)' }]);
    expect(second.steps.find((x) => x.id === installs[1])!.given[0]!.check).toMatchObject({ outcome: 'match', how: 'anywhere' });
    // Who did it: the account on this computer.
    expect(second.steps.find((x) => x.id === installs[1])!.by).not.toBe('');
    await s.close();
  });

  it('a configured wait replaces the guide’s for the run; windows must fit the procedure', async () => {
    const now = new Date('2026-12-01T18:00:00Z');
    const s = await services(() => now);
    const run = s.runbooks.start({ procedure: 'client-followup', appliances: {}, waitHours: 0.5 });
    expect(run.waitHours).toBe(0.5);
    expect(run.steps.filter((x) => x.kind === 'wait').map((x) => x.waitHours)).toEqual([0.5]);
    const windows = [{ start: '2026-12-05T17:00:00.000Z', end: '2026-12-05T21:00:00.000Z' }, { start: '2026-12-06T21:00:00.000Z', end: '2026-12-07T01:00:00.000Z' }];
    const pair = { A: 'bt-a', B: 'bt-b' };
    expect(() => s.runbooks.start({ procedure: 'failover-async', appliances: pair, windows: windows.slice(0, 1) })).toThrow(expect.objectContaining({ code: 'USAGE', details: expect.objectContaining({ reason: 'count' }) }));
    expect(() => s.runbooks.start({ procedure: 'failover-async', appliances: pair, windows: [windows[1]!, windows[0]!] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'order' }) }));
    expect(() => s.runbooks.start({ procedure: 'failover-async', appliances: pair, windows: [{ start: windows[0]!.end, end: windows[0]!.start }, windows[1]!] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'empty' }) }));
    expect(() => s.runbooks.start({ procedure: 'failover-async', appliances: pair, windows: [{ start: '2026-12-05 17:00', end: windows[0]!.end }, windows[1]!] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'instant' }) }));
    const pairRun = s.runbooks.start({ procedure: 'failover-async', appliances: pair, windows, variant: 'nat-swing' });
    expect(pairRun.windows).toEqual(windows);
    // The calendar: the two windows with the procedure's titles.
    const calendar = new ICAL.Component(ICAL.parse(runCalendar(pairRun, 'en', now)));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['Failover pair – asynchronous update: Window 1: update appliance B and make it primary', windows[0]!.start, windows[0]!.end],
      ['Failover pair – asynchronous update: Window 2: update appliance A', windows[1]!.start, windows[1]!.end],
    ]);
    await s.close();
  });

  it('serves runs through the handler table: start, complete, the report and calendar saved to a chosen file', async () => {
    const { createHandlerTable } = await import('../../src/main/ipc/register-handlers.ts');
    const s = await services();
    const table = createHandlerTable(s) as Record<string, (input: unknown) => unknown>;
    const run = await table['runbook:start']!({ procedure: 'single-auto', appliances: { A: 'bt-a' } }) as { id: string; steps: { id: string }[] };
    expect((await table['runbook:list']!({}) as unknown[]).length).toBe(1);
    const file = join(tempDir(), 'bt-a.nsb');
    writeFileSync(file, 'backup');
    const { sha256 } = await s.vault.importEvidence(file, never);
    await table['runbook:complete']!({ runId: run.id, stepId: 'backup-settings', evidence: [{ kind: 'vault-file', value: sha256 }] });
    const skipped = await table['runbook:skip']!({ runId: run.id, stepId: 'check-updates', reason: 'The appliance cannot reach the update server (ticket 4711)' }) as { steps: { status: string }[] };
    expect(skipped.steps[1]!.status).toBe('skipped');
    const out = join(tempDir(), 'report.html');
    const target = s.files.registerSaveTarget(out).handle;
    const saved = await table['runbook:saveReport']!({ runId: run.id, language: 'de', format: 'html', saveTarget: target }) as { file: string; sha256: string };
    const html = readFileSync(out);
    expect(saved).toEqual({ file: 'report.html', sha256: createHash('sha256').update(html).digest('hex') });
    expect(html.toString('utf8')).toContain('The appliance cannot reach the update server (ticket 4711)');
    expect(html.toString('utf8')).toContain(sha256);
    // The calendar of a run without windows still opens (no events).
    const ics = join(tempDir(), 'run.ics');
    await table['runbook:saveCalendar']!({ runId: run.id, language: 'en', saveTarget: s.files.registerSaveTarget(ics).handle });
    expect(new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8'))).getAllSubcomponents('vevent')).toHaveLength(0);
    expect(s.audit.list({ action: 'runbook.reported' }).entries[0]!.details).toMatchObject({ format: 'html', language: 'de', sha256: saved.sha256 });
    await s.close();
  });
});

describe('what the review found', () => {
  it('a version read back is not taken from beside another one, nor from two contradicting labels', () => {
    const expected = { site: '13.1.0' };
    expect(checkBasics('Laufende Version: 12.0.0\nVerfügbare Aktualisierung: 13.1.0', expected).outcome).toBe('mismatch');
    expect(checkBasics('Installed: 12.0.0 — update 13.1.0 available', expected).outcome).toBe('mismatch');
    expect(checkBasics('Software Version: 13.1.0\nSoftware Version: 12.0.0', expected)).toMatchObject({ outcome: 'mismatch', differs: ['site'] });
    expect(checkBasics('Software Version: 12.0.0\nSoftware Version: 13.1.0', expected).outcome).toBe('mismatch');
    expect(checkBasics('Software Version: 113.1.0', expected).outcome).toBe('mismatch');
    expect(checkBasics('Software Version: 13.1.0.5', expected).outcome).toBe('mismatch');
    // Alone in the text, without a label Ferry knows: taken, and said so.
    expect(checkBasics('Übersicht\nBeyondTrust 13.1.0\nLaufzeit 2 Tage', expected)).toMatchObject({ outcome: 'match', how: 'anywhere' });
    // A package recorded without its kind (a run from before kinds were kept): its name says what it updates.
    expect(expectedAfter({ package: { name: 'BeyondTrust 13.1.0', version: '13.1.0' } }, [])).toEqual({ site: '13.1.0' });
    expect(expectedAfter({ package: { name: 'Base Software 4.0.0', version: '4.0.0' } }, [])).toEqual({ base: '4.0.0' });
  });

  it('removing a package keeps the same bytes kept as evidence; a damaged evidence file is healed by importing it again', async () => {
    const s = await services();
    const file = join(tempDir(), 'bt-a.nsb');
    writeFileSync(file, 'backup bytes');
    const { sha256 } = await s.vault.importEvidence(file, never);
    const stored = packagePath(s.dataDir, sha256);
    // Someone damages the stored copy; importing the file again puts the right bytes back.
    chmodSync(stored, 0o600);
    writeFileSync(stored, 'TAMPERED');
    await s.vault.importEvidence(file, never);
    expect(readFileSync(stored, 'utf8')).toBe('backup bytes');
    // A package with the same hash (inserted as a bundle import would) is removed: the evidence stays.
    s.vault.repo.insert({ sha256, size: 12, name: 'Same bytes', kind: 'other', version: '1.0.0', requires: [], upgradesFrom: null, fileName: 'same.bin', vendorSha256: null, bundleId: 'b', requestId: 'r', signer: 's', importedAt: '2026-12-01T18:00:00.000Z', verifiedAt: '2026-12-01T18:00:00.000Z' });
    s.vault.remove(sha256);
    expect(readFileSync(stored, 'utf8')).toBe('backup bytes');
    expect(s.vault.evidence(sha256).fileName).toBe('bt-a.nsb');
    await s.close();
  });

  it('a wait that requires no step counts from the start of the run; notes and names cannot spoof with direction marks', async () => {
    let now = new Date('2026-12-01T18:00:00Z');
    const s = await services(() => now);
    const run = s.runbooks.start({ procedure: 'client-followup', appliances: {} });
    const wait = run.steps.find((x) => x.kind === 'wait' && x.requires.length === 0)!;
    expect(wait).toMatchObject({ status: 'waiting', waitUntil: '2026-12-02T18:00:00.000Z' });
    expect(() => s.runbooks.complete(run.id, wait.id)).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION' }));
    now = new Date('2026-12-02T18:00:00Z');
    const done = s.runbooks.complete(run.id, wait.id, [], 'checked bt-a\u202Ebsn.exe');
    expect(done.steps.find((x) => x.id === wait.id)!.note).toBe('checked bt-a\uFFFDbsn.exe');
    const file = join(tempDir(), 'bt-a\u202Ebsn.exe');
    writeFileSync(file, 'x');
    expect((await s.vault.importEvidence(file, never)).fileName).toBe('bt-a\uFFFDbsn.exe');
    await s.close();
  });

  it('refuses at the start what would jam a run: a package version that is none, unknown offline nodes, a node twice', async () => {
    const s = await services();
    const { createHandlerTable } = await import('../../src/main/ipc/register-handlers.ts');
    const { createDispatcher } = await import('../../src/main/ipc/dispatcher.ts');
    const dispatch = createDispatcher(createHandlerTable(s), { isTrustedSender: () => true });
    const start = (input: unknown) => dispatch({ id: 1, url: 'app://ferry/' } as never, 'runbook:start', input) as Promise<{ ok: boolean; error?: { code: string } }>;
    expect(await start({ procedure: 'single-auto', appliances: { A: 'a' }, packages: [{ name: 'X', version: 'latest', kind: 'site' }] })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(await start({ procedure: 'single-auto', appliances: { A: 'a' }, packages: [{ name: 'X', version: '13.1.0' }] })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    const traffic = [{ name: 'fra-1', region: 'EU' }, { name: 'fra-2', region: 'EU' }];
    expect(() => s.runbooks.start({ procedure: 'atlas-plain', appliances: { master: 'm', traffic, offline: ['nyc-9'] } })).toThrow(expect.objectContaining({ code: 'USAGE', details: expect.objectContaining({ field: 'offline' }) }));
    expect(() => s.runbooks.start({ procedure: 'atlas-plain', appliances: { master: 'm', traffic: [...traffic, traffic[0]!] } })).toThrow(expect.objectContaining({ code: 'USAGE', details: expect.objectContaining({ field: 'traffic' }) }));
    // The failover variant is recorded even when the default is taken.
    expect(s.runbooks.start({ procedure: 'failover-async', appliances: { A: 'a', B: 'b' } }).variant).toBe('shared-ip');
    await s.close();
  });
});

describe('the PDF printer of the harness and the command line', () => {
  const chromium = findChromium();
  const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

  it('without Chromium says so with its code', async () => {
    await expect(chromiumPdfPrinter(null)('<p>x</p>')).rejects.toMatchObject({ code: 'REPORT_PDF_FAILED' });
  });

  it.skipIf(chromium === null || !pdftotext)('prints the English report with the evidence hash (read back with pdftotext)', async () => {
    const s = await services();
    const run = s.runbooks.start({ procedure: 'single-manual', appliances: { A: 'bt-a' } });
    const file = join(tempDir(), 'bt-a.nsb');
    writeFileSync(file, 'english backup');
    const { sha256 } = await s.vault.importEvidence(file, never);
    s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: sha256 }]);
    const { reportFor } = await import('../../src/main/runbooks/handlers.ts');
    const pdf = await chromiumPdfPrinter(chromium)(reportFor(s, run.id, 'en'));
    const out = join(tempDir(), 'report.pdf');
    writeFileSync(out, pdf);
    const text = spawnSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text.replace(/\s+/g, '')).toContain(sha256);
    expect(text).toContain('Back up');
    expect(text).toContain('Deviations');
    await s.close();
  });
});

describe('the hardware migration', () => {
  it('expects the new appliance to run the old one\'s versions before the restore; the certificate export is evidence in the vault', async () => {
    const s = await services();
    const run = s.runbooks.start({ procedure: 'hardware-migration', appliances: { A: 'bt-old', B: 'bt-new' } }, { 'bt-old': { site: '24.1.2', base: '7.0.0' }, 'bt-new': { site: '23.1.1', base: '6.2.0' } });
    const upTo = (last: string) => {
      for (;;) {
        const next = s.runbooks.show(run.id).steps.find((x) => x.status === 'ready');
        if (!next || next.id === last) return next;
        const evidence = next.evidence.includes('vault-file') ? [{ kind: 'vault-file' as const, value: files[next.id]! }] : next.evidence.includes('confirm') ? [{ kind: 'confirm' as const, value: '' }] : [];
        s.runbooks.complete(run.id, next.id, evidence);
      }
    };
    const files: Record<string, string> = {};
    for (const [step, name] of [['backup-settings', 'old.nsb'], ['export-certificate', 'support.p12']] as const) {
      const file = join(tempDir(), name);
      writeFileSync(file, `${name} bytes`);
      files[step] = (await s.vault.importEvidence(file, never)).sha256;
    }
    expect(upTo('install-software')?.id).toBe('install-software');
    expect(() => s.runbooks.complete(run.id, 'install-software', [{ kind: 'pasted-basics', value: 'Software Version: 23.1.1\nBase Software Version: 6.2.0' }]))
      .toThrow(expect.objectContaining({ code: 'EVIDENCE_MISMATCH', details: expect.objectContaining({ expected: { site: '24.1.2', base: '7.0.0' } }) }));
    const done = s.runbooks.complete(run.id, 'install-software', [{ kind: 'pasted-basics', value: 'Software Version: 24.1.2\nBase Software Version: 7.0.0' }]);
    expect(done.steps.find((x) => x.id === 'install-software')!.given[0]!.check).toMatchObject({ outcome: 'match' });
    expect(done.steps.find((x) => x.id === 'export-certificate')!.given[0]).toMatchObject({ kind: 'vault-file', fileName: 'support.p12' });
    await s.close();
  });
});
