/**
 * Runbook evidence from the appliance link (issue 13): a status reading stands in for pasted Status ›
 * Basics where its version is the plan's and it was read after the steps before; a sync step of a
 * linked appliance needs a reading whose last data sync is newer than those steps ("sync older than
 * the backup" does not pass) — a confirmation alone is not enough. Against the fake HTTPS appliance.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFakeState, startFakeAppliance, type FakeAppliance } from '../../e2e/fake-appliance/fake-appliance.ts';
import { createServices, type Services } from '../../src/main/services.ts';
import { ferry } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const open: { fakes: FakeAppliance[]; services: Services[] } = { fakes: [], services: [] };
afterEach(async () => {
  await Promise.all(open.services.splice(0).map((s) => s.close()));
  await Promise.all(open.fakes.splice(0).map((f) => f.close()));
});

async function setup(names: string[], role: 'standalone' | 'primary') {
  const dir = tempDir();
  expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
  let now = new Date(Math.floor(Date.now() / 1000) * 1000 + 500);
  const s = createServices({ dataDir: dir, create: false, tasks: 'in-process', now: () => now });
  open.services.push(s);
  const fakes: Record<string, FakeAppliance> = {};
  for (const name of names) {
    const f = await startFakeAppliance(defaultFakeState({ clientId: 'client-1', clientSecret: 'secret-1' }));
    open.fakes.push(f);
    fakes[name] = f;
    s.appliances.add({ name, hostname: 'support.example.com', role: name === names[0] ? role : 'backup', base: '4.0.0', siteVersion: '12.2.0' });
    await s.links.link(name, { url: f.url, clientId: 'client-1', secret: 'secret-1', pin: f.fingerprint });
  }
  // The appliances' clocks follow this test's clock (their get_api_info time), unless a test skews one.
  const skew: Record<string, number> = {};
  const read = async (name: string) => {
    fakes[name]!.state.clockOffsetMs = now.getTime() - Date.now() + (skew[name] ?? 0);
    return s.links.status(name);
  };
  return { dir, s, fakes, skew, read, tick: (ms: number) => { now = new Date(now.getTime() + ms); return now; } };
}

async function backupOf(s: Services, dir: string): Promise<string> {
  const file = join(dir, 'today.nsb');
  writeFileSync(file, `settings ${Math.random()}`);
  return (await s.vault.importEvidence(file, new AbortController().signal)).sha256;
}

describe('a link reading as evidence', () => {
  it('stands in for pasted Status › Basics: the plan\'s version, read after the steps before, of the step\'s appliance', async () => {
    const { dir, s, fakes, tick, read } = await setup(['A'], 'standalone');
    const early = await read('A');
    tick(1000);
    const run = s.runbooks.start({ procedure: 'single-auto', appliances: { A: 'A' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
    tick(1000);
    s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: await backupOf(s, dir) }]);
    s.runbooks.skip(run.id, 'check-updates', 'Manual installation');
    tick(1000);
    // Still the old version: refused with what was read and what is expected.
    fakes.A!.state.health = { ...fakes.A!.state.health, version: '12.2.0 (build 1)' };
    const old = await read('A');
    expect(() => s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'link-reading', value: old.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'version', read: { site: '12.2.0' } }) }));
    // A reading from before the run (even of the right version) proves nothing about this install.
    expect(() => s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'link-reading', value: early.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'reading-older' }) }));
    expect(() => s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'link-reading', value: 'no-such-reading' }])).toThrow(expect.objectContaining({ code: 'USAGE' }));
    tick(1000);
    fakes.A!.state.health = { ...fakes.A!.state.health, version: '13.1.0 (build 41877)' };
    const fresh = await read('A');
    const after = s.runbooks.complete(run.id, 'install-updates#1', [{ kind: 'link-reading', value: fresh.id }]);
    expect(after.steps.find((x) => x.id === 'install-updates#1')).toMatchObject({
      status: 'done', given: [{ kind: 'link-reading', value: fresh.id, reading: { name: 'A', version: '13.1.0', expectedSite: '13.1.0', readAt: fresh.readAt } }],
    });
    // A step that takes no reading refuses one (the wait over).
    tick(25 * 3_600_000);
    expect(() => s.runbooks.complete(run.id, 'wait-jump-clients', [{ kind: 'link-reading', value: fresh.id }])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('a sync step of a linked pair needs a reading whose sync is newer than the backup; confirming alone is not enough', async () => {
    const { dir, s, fakes, tick, read, skew } = await setup(['A', 'B'], 'primary');
    const run = s.runbooks.start({ procedure: 'failover-sync', appliances: { A: 'A', B: 'B' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
    s.runbooks.complete(run.id, 'plan-windows', [{ kind: 'confirm', value: '' }]);
    tick(60_000);
    const backupAt = tick(1234);
    s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: await backupOf(s, dir) }]);
    tick(60_000);
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'confirm', value: '' }]))
      .toThrow(expect.objectContaining({ code: 'USAGE', details: expect.objectContaining({ reason: 'evidence', needs: ['link-reading'] }) }));
    // The last sync ran before the backup: older than the backup, refused.
    fakes.A!.state.health = { ...fakes.A!.state.health, failoverRole: 'primary', lastDataSync: { at: new Date(backupAt.getTime() - 30_000).toISOString(), status: 'Success' } };
    const stale = await read('A');
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'confirm', value: '' }, { kind: 'link-reading', value: stale.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'sync-older' }) }));
    // B's reading is no evidence for a step on A.
    fakes.B!.state.health = { ...fakes.B!.state.health, failoverRole: 'backup', lastDataSync: { at: new Date(backupAt.getTime() + 30_000).toISOString(), status: 'Success' } };
    const other = await read('B');
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'link-reading', value: other.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'other-appliance' }) }));
    // A sync that failed, or an appliance that reports a problem, is no good sync — even after the backup.
    fakes.A!.state.health = { ...fakes.A!.state.health, lastDataSync: { at: new Date(backupAt.getTime() + 20_000).toISOString(), status: 'Failed' } };
    const failedSync = await read('A');
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'link-reading', value: failedSync.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'sync-failed' }) }));
    fakes.A!.state.health = { ...fakes.A!.state.health, success: false, errorMessage: 'Data sync overdue', lastDataSync: { at: new Date(backupAt.getTime() + 20_000).toISOString(), status: 'Success' } };
    const unhealthy = await read('A');
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'link-reading', value: unhealthy.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'sync-failed' }) }));
    // An appliance whose clock runs 10 minutes fast: a sync 5 minutes before the backup (its clock says 5 after) is older.
    skew.A = 10 * 60_000;
    fakes.A!.state.health = { ...fakes.A!.state.health, success: true, errorMessage: undefined, lastDataSync: { at: new Date(backupAt.getTime() + 5 * 60_000).toISOString(), status: 'Success' } };
    const fast = await read('A');
    // The appliance states its time to the second.
    expect(Math.abs(fast.clockSkewSeconds! - 600)).toBeLessThanOrEqual(1);
    expect(() => s.runbooks.complete(run.id, 'sync-now', [{ kind: 'link-reading', value: fast.id }]))
      .toThrow(expect.objectContaining({ code: 'LINK_READING_UNFIT', details: expect.objectContaining({ reason: 'sync-older' }) }));
    skew.A = 0;
    // The appliance reports the sync to the second: a sync in the backup's own second is after it.
    expect(backupAt.getMilliseconds()).not.toBe(0);
    fakes.A!.state.health = { ...fakes.A!.state.health, lastDataSync: { at: new Date(Math.floor(backupAt.getTime() / 1000) * 1000).toISOString(), status: 'Success' } };
    const good = await read('A');
    const done = s.runbooks.complete(run.id, 'sync-now', [{ kind: 'confirm', value: '' }, { kind: 'link-reading', value: good.id }]);
    expect(done.steps.find((x) => x.id === 'sync-now')?.status).toBe('done');
  });

  it('a sync step of an appliance without a link is confirmed as before', async () => {
    const dir = tempDir();
    expect((await ferry(dir, 'station', 'init', '--name', 'Jump host')).code).toBe(0);
    const s = createServices({ dataDir: dir, create: false, tasks: 'in-process' });
    open.services.push(s);
    const run = s.runbooks.start({ procedure: 'failover-sync', appliances: { A: 'A', B: 'B' }, packages: [{ name: 'BeyondTrust 13.1.0', version: '13.1.0', kind: 'site' }] });
    s.runbooks.complete(run.id, 'plan-windows', [{ kind: 'confirm', value: '' }]);
    s.runbooks.complete(run.id, 'backup-settings', [{ kind: 'vault-file', value: await backupOf(s, dir) }]);
    expect(s.runbooks.complete(run.id, 'sync-now', [{ kind: 'confirm', value: '' }]).steps.find((x) => x.id === 'sync-now')?.status).toBe('done');
  });
});
