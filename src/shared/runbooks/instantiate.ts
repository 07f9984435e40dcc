/**
 * A definition made concrete for one topology and plan: every step gets the appliances it acts on
 * (by name), `install` steps are expanded per package of the plan (in plan order), and the failover
 * variant of making B primary is chosen. What a run stores and shows; `runbook preview` prints it.
 */
import type { RunbookDefinition, RunbookStep, StepTarget, Text } from './types.ts';
import { offlineFirst, type TrafficNode } from './atlas.ts';

/** The appliances of a run, by their part in the topology. */
export interface RunAppliances {
  /** The primary (A) and backup (B) of a failover pair, or the one appliance of a single run (A). */
  A?: string;
  B?: string;
  master?: string;
  masterBackup?: string;
  traffic?: readonly TrafficNode[];
  /** The traffic nodes to take offline first (default: `offlineFirst(traffic)`). */
  offline?: readonly string[];
}

/** A package of the plan, as install steps are expanded by it. */
export interface PlannedPackage {
  name: string;
  version: string;
  /** What it updates (the plan's package kind): the version read back after it is compared by it. */
  kind?: 'base' | 'site' | 'license' | 'other';
}

/** One step of a run. */
export interface InstantiatedStep {
  /** Unique in the run: the definition's step id, with `#<n>` per package for install steps. */
  id: string;
  stepId: string;
  kind: RunbookStep['kind'];
  title: Text;
  text: Text;
  guideRef: string;
  section: string;
  appliances: string[];
  requires: string[];
  evidence: RunbookStep['evidence'];
  waitHours?: number;
  warning?: Text;
  /** For expanded install steps: the package to install. */
  package?: PlannedPackage;
}

/** What a run is made for. */
export interface InstantiateInput {
  appliances: RunAppliances;
  /** The packages to install, in plan order (empty: install steps stay one, without a package). */
  packages?: readonly PlannedPackage[];
  variant?: RunbookStep['variant'];
}

/** The names a step's target stands for in this run. */
function namesFor(target: StepTarget, a: RunAppliances, offline: readonly string[]): string[] {
  const traffic = (a.traffic ?? []).map((n) => n.name);
  switch (target) {
    case 'A': return a.A ? [a.A] : [];
    case 'B': return a.B ? [a.B] : [];
    case 'master': return a.master ? [a.master] : [];
    case 'master-backup': return a.masterBackup ? [a.masterBackup] : [];
    case 'offline-half': return traffic.filter((n) => offline.includes(n));
    case 'online-half': return traffic.filter((n) => !offline.includes(n));
    case 'traffic': return traffic;
    case 'all': return [a.A, a.B, a.master, a.masterBackup, ...traffic].filter((n): n is string => typeof n === 'string');
    case 'clients':
    case 'none': return [];
  }
}

/** The steps of `definition` for this run, in order. */
export function instantiate(definition: RunbookDefinition, input: InstantiateInput): InstantiatedStep[] {
  const offline = input.appliances.offline ?? offlineFirst(input.appliances.traffic ?? []);
  const packages = input.packages ?? [];
  const steps: InstantiatedStep[] = [];
  // A step's id in the run, for `requires`: an expanded install step is required as its last package.
  const lastIdOf = new Map<string, string>();
  for (const section of definition.sections) {
    for (const step of section.steps) {
      if (step.variant !== undefined && step.variant !== (input.variant ?? 'shared-ip')) continue;
      const requires = step.requires.map((r) => lastIdOf.get(r)).filter((r): r is string => r !== undefined);
      const base = {
        stepId: step.id, kind: step.kind, title: step.title, text: step.text, guideRef: step.guideRef, section: section.id,
        appliances: namesFor(step.appliesTo, input.appliances, offline), evidence: step.evidence,
        ...(step.waitHours !== undefined ? { waitHours: step.waitHours } : {}), ...(step.warning ? { warning: step.warning } : {}),
      };
      if (step.kind !== 'install' || packages.length === 0) {
        steps.push({ ...base, id: step.id, requires });
        lastIdOf.set(step.id, step.id);
        continue;
      }
      // One step per package, each after the one before (the plan's order is the install order), and
      // each behind the step's own gates too: no later package gets past a backup by an earlier one.
      let previous: string | null = null;
      packages.forEach((pkg, i) => {
        const id = `${step.id}#${i + 1}`;
        steps.push({ ...base, id, requires: previous === null ? requires : [...requires, previous], package: pkg });
        previous = id;
      });
      lastIdOf.set(step.id, previous!);
    }
  }
  return steps;
}
