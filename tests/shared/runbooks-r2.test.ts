/** The Atlas, hardware-migration and client follow-up runbooks: complete against the guide, gated, bilingual. */
import { describe, expect, it } from 'vitest';
import { atlasFailover } from '../../src/shared/runbooks/atlas-failover.ts';
import { atlasPlain } from '../../src/shared/runbooks/atlas-plain.ts';
import { clientFollowup } from '../../src/shared/runbooks/client-followup.ts';
import { hardwareMigration } from '../../src/shared/runbooks/hardware-migration.ts';
import { instantiate } from '../../src/shared/runbooks/instantiate.ts';
import type { RunbookDefinition, RunbookStep, Text } from '../../src/shared/runbooks/types.ts';

/** The guide's headings (appliance-upgrade-guide.de.md, without `#` and `**`), copied: tests read nothing outside the repo. */
const HEADINGS = [
  'Upgrade der BeyondTrust-Software vornehmen', 'Aktualisierungsvorbereitung', 'Client-Upgrades', 'WICHTIG!',
  'Ein einziges BeyondTrust-Gerät mithilfe der automatischen Aktualisierung upgraden',
  'Upgrade eines einzigen BeyondTrust-Geräts mit manuellen Aktualisierungen',
  'Zwei BeyondTrust-Geräte in einer Failover-Konfiguration upgraden',
  'Synchrone Aktualisierung zweier Geräte in einer Failover-Beziehung', 'Asynchrone Aktualisierung zweier Geräte in einer Failover-Beziehung',
  'Erwägungen', 'Sicherung und Synchronisierung', 'Aktualisieren von Gerät A', 'Automatisch', 'Manuelle Installation', 'Verifizieren und Testen',
  'Aktualisieren von Gerät B', 'Wiederherstellen der Failover-Beziehung', 'Gerät B als primäres Gerät festlegen', 'Wechsel von freigegebener IP',
  'DNS Swing', 'NAT Swing', 'Upgrade mehrerer BeyondTrust-Geräte in einem Atlas-Cluster', 'Mit konfigurierbarem Failover', 'Vorbereitung',
  'Upgrade des Backup', 'Neues Primärgerät in die Produktionsrolle versetzen', 'Upgegradete Traffic-Knoten wieder online stellen',
  'Upgraden der restlichen Bereitstellung', 'Upgraden von Gerät A', 'Wiederherstellen der Cluster-Konfiguration', 'Ohne konfiguriertes Failover',
  'Upgrade der Offline-Knoten', 'Upgrade des Master-Knoten', 'Upgrade von BeyondTrust-Hardware',
];

/** Per procedure: the guide sections that hold its steps, in the guide's order (each must be referenced, in this order). */
const SECTIONS: Record<string, string[]> = {
  'atlas-failover': ['Aktualisierungsvorbereitung', 'Vorbereitung', 'Upgrade des Backup', 'Neues Primärgerät in die Produktionsrolle versetzen',
    'Upgegradete Traffic-Knoten wieder online stellen', 'Upgraden der restlichen Bereitstellung', 'Upgraden von Gerät A', 'Wiederherstellen der Cluster-Konfiguration'],
  'atlas-plain': ['Aktualisierungsvorbereitung', 'Vorbereitung', 'Upgrade der Offline-Knoten', 'Upgrade des Master-Knoten',
    'Upgegradete Traffic-Knoten wieder online stellen', 'Upgraden der restlichen Bereitstellung', 'Wiederherstellen der Cluster-Konfiguration'],
  'hardware-migration': ['Upgrade von BeyondTrust-Hardware'],
  'client-followup': ['Aktualisierungsvorbereitung', 'Client-Upgrades'],
};

const ALL: RunbookDefinition[] = [atlasFailover, atlasPlain, hardwareMigration, clientFollowup];
const stepsOf = (d: RunbookDefinition): RunbookStep[] => d.sections.flatMap((s) => s.steps);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function expectBilingual(t: Text | undefined, where: string): void {
  if (t === undefined) return;
  expect(t.de.trim(), where).not.toBe('');
  expect(t.en.trim(), where).not.toBe('');
  expect(t.de, where).not.toBe(t.en);
}

/** Ids of every step `id` requires, directly or through the steps it requires. */
function requiredClosure(d: RunbookDefinition, id: string): Set<string> {
  const byId = new Map(stepsOf(d).map((s) => [s.id, s]));
  const seen = new Set<string>();
  const todo = [...byId.get(id)!.requires];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (!seen.has(next)) { seen.add(next); todo.push(...byId.get(next)!.requires); }
  }
  return seen;
}

describe.each(ALL.map((d) => [d.id, d] as const))('runbook %s', (_id, d) => {
  const steps = stepsOf(d);

  it('has unique kebab-case ids and requires only earlier steps', () => {
    const ids = steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(d.sections.map((s) => s.id)).size).toBe(d.sections.length);
    for (const id of [...ids, ...d.sections.map((s) => s.id)]) expect(id).toMatch(KEBAB);
    steps.forEach((s, i) => {
      for (const r of s.requires) expect(ids.slice(0, i), `${s.id} requires ${r}`).toContain(r);
    });
  });

  it('cites only headings of the guide, and every section of the guide that holds its steps, in the guide’s order', () => {
    expect(HEADINGS).toContain(d.guideRef);
    for (const s of steps) {
      expect(HEADINGS, s.id).toContain(s.guideRef);
      for (const p of s.guidePath) expect(HEADINGS, `${s.id} path`).toContain(p);
    }
    const expected = SECTIONS[d.id]!;
    expect([...new Set(steps.map((s) => s.guideRef))].sort()).toEqual([...expected].sort());
    // The preparation bullets ("Aktualisierungsvorbereitung") sit at the step they concern; the rest follow the guide.
    const order = steps.filter((s) => s.guideRef !== 'Aktualisierungsvorbereitung').map((s) => expected.indexOf(s.guideRef));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('speaks German and English, with short titles', () => {
    expectBilingual(d.title, 'title');
    expectBilingual(d.summary, 'summary');
    for (const sec of d.sections) expectBilingual(sec.title, sec.id);
    for (const s of steps) {
      for (const t of [s.title, s.text, s.warning]) expectBilingual(t, s.id);
      expect(s.title.de.length, s.id).toBeLessThanOrEqual(60);
      expect(s.title.en.length, s.id).toBeLessThanOrEqual(60);
    }
  });

  it('asks for the evidence each kind of step needs; waits only with hours; one install step per target', () => {
    for (const s of steps) {
      if (s.kind === 'backup') expect(s.evidence, s.id).toEqual(['vault-file']);
      if (s.kind === 'switch') expect(s.evidence, s.id).toEqual(['confirm', 'timestamp']);
      if (s.kind === 'sync') expect(s.evidence, s.id).toEqual(['confirm']);
      if (s.kind === 'verify') expect(s.evidence.length, s.id).toBeGreaterThan(0);
      expect(s.kind === 'wait', s.id).toBe(s.waitHours !== undefined && s.waitHours > 0);
      expect(s.variant, s.id).toBeUndefined();
    }
    const installTargets = steps.filter((s) => s.kind === 'install').map((s) => s.appliesTo);
    expect(new Set(installTargets).size).toBe(installTargets.length);
  });

  it('installs nothing before the settings backup is in the vault', () => {
    const backup = steps.find((s) => s.id === 'backup-settings');
    for (const s of steps.filter((x) => x.kind === 'install')) expect(requiredClosure(d, s.id), s.id).toContain(backup!.id);
  });
});

describe('the Atlas runbooks', () => {
  it('cover every appliance role of the cluster and follow the guide’s order of halves', () => {
    for (const d of [atlasFailover, atlasPlain]) {
      const installs = stepsOf(d).filter((s) => s.kind === 'install').map((s) => s.appliesTo);
      expect(installs.indexOf('offline-half')).toBeLessThan(installs.indexOf('online-half'));
      expect(installs.indexOf('offline-half')).toBeLessThan(installs.indexOf('master'));
    }
    expect(stepsOf(atlasFailover).filter((s) => s.kind === 'install').map((s) => s.appliesTo)).toEqual(['master-backup', 'offline-half', 'online-half', 'master']);
    expect(stepsOf(atlasPlain).filter((s) => s.kind === 'install').map((s) => s.appliesTo)).toEqual(['offline-half', 'master', 'online-half']);
  });

  it('instantiate for a cluster: the offline half per region, install steps per package, A only after the rest', () => {
    const steps = instantiate(atlasFailover, {
      appliances: { master: 'a', masterBackup: 'b', traffic: [{ name: 'fra-1', region: 'EU' }, { name: 'fra-2', region: 'EU' }, { name: 'syd-1', region: 'APAC' }] },
      packages: [{ name: 'Base 7.1.0', version: '7.1.0' }, { name: 'BeyondTrust 24.1.1', version: '24.1.1' }],
    });
    const byId = new Map(steps.map((s) => [s.id, s]));
    expect(byId.get('drain-offline-half')!.appliances).toEqual(['fra-1']);
    expect(byId.get('upgrade-online-half#1')!.appliances).toEqual(['fra-2', 'syd-1']);
    expect(byId.get('upgrade-master-backup#2')!.package!.version).toBe('24.1.1');
    expect(byId.get('verify-master-backup')!.requires).toEqual(['upgrade-master-backup#2']);
    expect(byId.get('upgrade-master#1')!.requires).toEqual(['backup-settings', 'enable-online-half']);
  });
});

describe('the client follow-up', () => {
  it('waits 24 hours for Jump Clients before checking them, and checks them from an exported list in the vault', () => {
    const steps = stepsOf(clientFollowup);
    expect(steps.find((s) => s.id === 'wait-jump-clients')).toMatchObject({ kind: 'wait', waitHours: 24 });
    expect(steps.find((s) => s.id === 'check-jump-clients')).toMatchObject({ requires: ['wait-jump-clients'], evidence: ['vault-file'] });
    expect(steps.find((s) => s.id === 'reinstall-clients')!.requires).toEqual(['uninstall-clients']);
  });
});
