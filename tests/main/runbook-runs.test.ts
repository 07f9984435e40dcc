/**
 * Runs of runbooks (issue 10): the service — not only the UI — enforces the gates, the waits, the
 * evidence and skip-with-reason; every change is persisted at once with its audit entry, so a run
 * resumes after the database is opened again, and the audit chain still verifies.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import { bundleOnMedium } from '../helpers/transfer.ts';

const BASICS = 'Softwareversion: 13.1.0\nBase-Softwareversion: 4.0.0';

async function station(): Promise<string> {
  const dir = tempDir();
  await ferry(dir, 'station', 'init', '--name', 'Jump host');
  return dir;
}

describe('runbook runs', () => {
  it('enforces gates and evidence, resumes after reopening, and finishes after the wait', async () => {
    // A vault with a package in it: a package is no settings backup.
    const trip = await bundleOnMedium();
    expect((await ferry(trip.r, 'bundle', 'import', trip.bundleDir)).code).toBe(0);
    let now = new Date('2026-12-01T18:00:00Z');
    let s = createServices({ dataDir: trip.r, create: false, now: () => now, tasks: 'in-process' });
    const pkg = s.vault.list()[0]!.sha256;
    // A backup taken before the run began is not this run's backup.
    const oldBackup = `${tempDir()}/old.nsb`;
    writeFileSync(oldBackup, 'last month');
    const old = await s.vault.importEvidence(oldBackup, new AbortController().signal);
    now = new Date('2026-12-01T18:01:00Z');
    const run = s.runbooks.start({ procedure: 'single-auto', appliances: { A: 'Gerät A' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
    expect(run.steps.map((x) => [x.id, x.status])).toEqual([['backup-settings', 'ready'], ['check-updates', 'blocked'], ['install-updates#1', 'blocked'], ['wait-jump-clients', 'blocked']]);
    // Out of order: refused by the service, with what is missing.
    expect(() => s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'pasted-basics', value: BASICS }])).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION' }));
    // Skipping is no way around a gate, and a backup is never skipped.
    expect(() => s.runbooks.skip(run.id, 'install-updates#1', 'in a hurry')).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION', details: expect.objectContaining({ reason: 'requires' }) }));
    expect(() => s.runbooks.skip(run.id, 'backup-settings', 'done by the other team')).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION', details: expect.objectContaining({ reason: 'backup' }) }));
    // The backup needs a file taken into the vault for this run: not nothing, not an unknown hash, not a package, not an old backup.
    expect(() => s.runbooks.complete(run.id, 'backup-settings')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: 'f'.repeat(64) }])).toThrow(expect.objectContaining({ code: 'FILE_MISSING' }));
    expect(() => s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: pkg }])).toThrow(expect.objectContaining({ code: 'FILE_MISSING' }));
    expect(() => s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: old.sha256 }])).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION', details: expect.objectContaining({ reason: 'old-backup' }) }));
    const file = `${tempDir()}/bt-a.nsb`;
    writeFileSync(file, 'settings of today');
    const backup = (await s.vault.importEvidence(file, new AbortController().signal)).sha256;
    s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: backup }]);
    await s.close();

    // Reopened (a restart): exactly where it was.
    s = createServices({ dataDir: trip.r, create: false, now: () => now, tasks: 'in-process' });
    expect(s.runbooks.show(run.id).steps.map((x) => x.status)).toEqual(['done', 'ready', 'blocked', 'blocked']);
    expect(() => s.runbooks.skip(run.id, 'check-updates', '  ')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    s.runbooks.skip(run.id, 'check-updates', 'Manual installation: the appliance cannot reach the update server');
    s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'pasted-basics', value: BASICS }]);
    const waiting = s.runbooks.show(run.id).steps.at(-1)!;
    expect(waiting).toMatchObject({ status: 'waiting', waitUntil: '2026-12-02T18:01:00.000Z' });
    expect(() => s.runbooks.complete(run.id, 'wait-jump-clients')).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION' }));
    now = new Date('2026-12-02T18:01:01Z');
    expect(s.runbooks.complete(run.id, 'wait-jump-clients').status).toBe('done');
    expect(() => s.runbooks.complete(run.id, 'wait-jump-clients')).toThrow(expect.objectContaining({ code: 'STEP_ORDER_VIOLATION' }));
    await s.close();

    // Every change has its audit entry, and the chain verifies.
    const exported = `${tempDir()}/audit.jsonl`;
    await ferry(trip.r, 'audit', 'export', '--out', exported);
    const actions = (await import('node:fs')).readFileSync(exported, 'utf8').split('\n').filter((l) => l.includes('"runbook.')).map((l) => (JSON.parse(l) as { action: string }).action);
    expect(actions).toEqual(['runbook.started', 'runbook.stepDone', 'runbook.stepSkipped', 'runbook.stepDone', 'runbook.stepDone', 'runbook.finished']);
    expect((await ferry(trip.r, 'audit', 'verify')).code).toBe(0);
    const status = await ferry(trip.r, 'runbook', 'status', '--json');
    expect(status.json<{ runs: { status: string; done: number; skipped: number; total: number }[] }>().runs[0]).toMatchObject({ status: 'done', done: 3, skipped: 1, total: 4 });
  });

  it('keeps several runs side by side', async () => {
    const dir = await station();
    const s = createServices({ dataDir: dir, create: false });
    const a = s.runbooks.start({ procedure: 'failover-async', appliances: { A: 'A', B: 'B' }, variant: 'dns-swing' });
    const b = s.runbooks.start({ procedure: 'atlas-plain', appliances: { master: 'M', traffic: [{ name: 'fra-1', region: 'EU' }, { name: 'fra-2', region: 'EU' }] } });
    s.runbooks.skip(a.id, a.steps[0]!.id, 'Windows agreed by phone');
    expect(s.runbooks.show(b.id).steps.every((x) => x.status !== 'skipped')).toBe(true);
    expect(s.runbooks.list().map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    await s.close();
  });
});
