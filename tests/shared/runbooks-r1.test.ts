import { describe, expect, it } from 'vitest';
import { failoverAsync } from '../../src/shared/runbooks/failover-async.ts';
import { failoverSync } from '../../src/shared/runbooks/failover-sync.ts';
import { singleAuto } from '../../src/shared/runbooks/single-auto.ts';
import { singleManual } from '../../src/shared/runbooks/single-manual.ts';
import { PROCEDURE_IDS, type RunbookDefinition, type RunbookStep, type Text } from '../../src/shared/runbooks/types.ts';

// Headings copied from the vendor's guide (appliance-upgrade-guide.de.md), arranged as its table of contents
// outlines them; the guide file itself lives outside the repository and is not read here.
const GENERAL = 'Upgrade der BeyondTrust-Software vornehmen';
const FAILOVER = 'Zwei BeyondTrust-Geräte in einer Failover-Konfiguration upgraden';
const SINGLE_AUTO = 'Ein einziges BeyondTrust-Gerät mithilfe der automatischen Aktualisierung upgraden';
const SINGLE_MANUAL = 'Upgrade eines einzigen BeyondTrust-Geräts mit manuellen Aktualisierungen';
const SYNC = 'Synchrone Aktualisierung zweier Geräte in einer Failover-Beziehung';
const ASYNC = 'Asynchrone Aktualisierung zweier Geräte in einer Failover-Beziehung';
const PREP = [GENERAL, 'Aktualisierungsvorbereitung'];
const CLIENTS = [GENERAL, 'Client-Upgrades'];
const CONSIDER = [FAILOVER, 'Erwägungen'];

/** Per procedure: its chapter, and every guide section that holds one of its steps (heading path, outermost first). */
const GUIDE: Record<string, { chapter: string; sections: string[][] }> = {
  'single-auto': { chapter: SINGLE_AUTO, sections: [PREP, [SINGLE_AUTO], CLIENTS] },
  'single-manual': { chapter: SINGLE_MANUAL, sections: [PREP, [SINGLE_MANUAL], CLIENTS] },
  'failover-sync': {
    chapter: SYNC,
    sections: [
      CONSIDER, [FAILOVER, SYNC, 'Sicherung und Synchronisierung'], [FAILOVER, SYNC, 'Aktualisieren von Gerät A'],
      [FAILOVER, SYNC, 'Aktualisieren von Gerät A', 'Automatisch'], [FAILOVER, SYNC, 'Aktualisieren von Gerät A', 'Manuelle Installation'],
      [FAILOVER, SYNC, 'Verifizieren und Testen'], [FAILOVER, SYNC, 'Aktualisieren von Gerät B'],
      [FAILOVER, SYNC, 'Wiederherstellen der Failover-Beziehung'], CLIENTS,
    ],
  },
  'failover-async': {
    chapter: ASYNC,
    sections: [
      CONSIDER, [FAILOVER, ASYNC, 'Sicherung und Synchronisierung'], [FAILOVER, ASYNC, 'Aktualisieren von Gerät B'],
      [FAILOVER, ASYNC, 'Aktualisieren von Gerät B', 'Automatisch'], [FAILOVER, ASYNC, 'Aktualisieren von Gerät B', 'Manuelle Installation'],
      [FAILOVER, ASYNC, 'Verifizieren und Testen'], [FAILOVER, ASYNC, 'Gerät B als primäres Gerät festlegen'],
      [FAILOVER, ASYNC, 'Gerät B als primäres Gerät festlegen', 'Wechsel von freigegebener IP'],
      [FAILOVER, ASYNC, 'Gerät B als primäres Gerät festlegen', 'DNS Swing'],
      [FAILOVER, ASYNC, 'Gerät B als primäres Gerät festlegen', 'NAT Swing'],
      [FAILOVER, ASYNC, 'Aktualisieren von Gerät A'], [FAILOVER, ASYNC, 'Wiederherstellen der Failover-Beziehung'], CLIENTS,
    ],
  },
};

const definitions: RunbookDefinition[] = [singleAuto, singleManual, failoverSync, failoverAsync];
const stepsOf = (d: RunbookDefinition) => d.sections.flatMap((s) => s.steps);
const stepOf = (d: RunbookDefinition, id: string) => stepsOf(d).find((s) => s.id === id)!;
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every step `id` depends on, through `requires`, among `steps`. */
function closure(steps: RunbookStep[], id: string): Set<string> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const visit = (x: string) => {
    for (const r of byId.get(x)?.requires ?? []) if (byId.has(r) && !seen.has(r)) (seen.add(r), visit(r));
  };
  visit(id);
  return seen;
}

function expectBilingual(t: Text, where: string, maxLength = Infinity) {
  expect(t.de.trim(), where).not.toBe('');
  expect(t.en.trim(), where).not.toBe('');
  expect(t.de, where).not.toBe(t.en);
  expect(t.de.length, where).toBeLessThanOrEqual(maxLength);
  expect(t.en.length, where).toBeLessThanOrEqual(maxLength);
}

describe.each(definitions.map((d) => [d.id, d] as const))('runbook %s', (id, d) => {
  const steps = stepsOf(d);

  it('is one of the procedures, with its chapter of the guide', () => {
    expect(PROCEDURE_IDS).toContain(id);
    expect(d.guideRef).toBe(GUIDE[id]!.chapter);
  });

  it('has unique kebab-case ids for sections and steps', () => {
    const ids = steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(d.sections.map((s) => s.id)).size).toBe(d.sections.length);
    for (const x of [...ids, ...d.sections.map((s) => s.id)]) expect(x).toMatch(kebab);
  });

  it('requires only steps that come earlier', () => {
    steps.forEach((step, i) => {
      const earlier = new Set(steps.slice(0, i).map((s) => s.id));
      for (const r of step.requires) expect(earlier.has(r), `${step.id} requires ${r}`).toBe(true);
    });
  });

  it('takes its steps from exactly the guide sections it should, each one used', () => {
    const used = new Set(steps.map((s) => JSON.stringify([...s.guidePath, s.guideRef])));
    expect([...used].sort()).toEqual(GUIDE[id]!.sections.map((p) => JSON.stringify(p)).sort());
  });

  it('has German and English texts, different and non-empty, with short titles', () => {
    expectBilingual(d.title, 'title', 60);
    expectBilingual(d.summary, 'summary');
    for (const s of d.sections) expectBilingual(s.title, s.id, 60);
    for (const s of steps) {
      expectBilingual(s.title, `${s.id} title`, 60);
      expectBilingual(s.text, `${s.id} text`);
      if (s.warning) expectBilingual(s.warning, `${s.id} warning`);
    }
  });

  it('starts with the settings backup, stored in the vault', () => {
    const backup = steps.find((s) => s.kind === 'backup')!;
    expect(backup.id).toBe('backup-settings');
    expect(backup.evidence).toEqual(['vault-file']);
    expect(backup.warning?.de).toMatch(/SSL-Zertifikate/);
    expect(steps.filter((s) => s.kind === 'backup')).toHaveLength(1);
  });

  it('has one install step per appliance, gated by the backup, reading the version back', () => {
    const installs = steps.filter((s) => s.kind === 'install');
    const targets = installs.map((s) => s.appliesTo).sort();
    expect(targets).toEqual(d.topology === 'single' ? ['all'] : ['A', 'B']);
    for (const s of installs) {
      expect(closure(steps, s.id)).toContain('backup-settings');
      expect(s.evidence).toEqual(['pasted-basics']);
      expect(`${s.text.de} ${s.warning?.de}`).toMatch(/nicht neu starten/);
    }
  });

  it('waits only where the guide says, for the Jump Clients', () => {
    const waits = steps.filter((s) => s.kind === 'wait');
    expect(waits.map((s) => [s.id, s.waitHours, s.guideRef])).toEqual([['wait-jump-clients', 24, 'Client-Upgrades']]);
    for (const s of steps.filter((x) => x.kind !== 'wait')) expect(s.waitHours, s.id).toBeUndefined();
  });
});

describe('failover gates', () => {
  it.each([failoverSync, failoverAsync])('$id: the first appliance is updated only after backup, sync and the break', (d) => {
    const first = d.id === 'failover-sync' ? 'install-a' : 'install-b';
    for (const gate of ['backup-settings', 'sync-now', 'break-failover']) expect(closure(stepsOf(d), first)).toContain(gate);
    expect(stepOf(d, 'sync-now')).toMatchObject({ kind: 'sync', evidence: ['confirm'] });
    expect(stepOf(d, 'sync-after-restore')).toMatchObject({ kind: 'sync', evidence: ['confirm'] });
  });

  it('failover-sync: B is updated only after A is verified', () => {
    expect(closure(stepsOf(failoverSync), 'install-b')).toContain('verify-a');
    expect(stepsOf(failoverSync).some((s) => s.variant !== undefined)).toBe(false);
  });

  it.each(['shared-ip', 'dns-swing', 'nat-swing'] as const)('failover-async with %s: A is updated only after B is primary', (variant) => {
    // A run keeps the chosen variant's steps only; requires naming the others drop out.
    const kept = stepsOf(failoverAsync).filter((s) => s.variant === undefined || s.variant === variant);
    const ids = new Set(kept.map((s) => s.id));
    const run = kept.map((s) => ({ ...s, requires: s.requires.filter((r) => ids.has(r)) }));
    const beforeA = closure(run, 'install-a');
    const switches = kept.filter((s) => s.variant === variant);
    expect(switches.length).toBeGreaterThan(0);
    for (const s of switches) {
      expect(beforeA).toContain(s.id);
      expect(s).toMatchObject({ kind: 'switch', evidence: ['confirm', 'timestamp'] });
      expect(closure(run, s.id)).toContain('verify-b');
    }
    expect(beforeA).toContain('confirm-production-b');
  });
});
