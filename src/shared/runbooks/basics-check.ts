/**
 * A version read back from the appliance: the technician pastes the text of `/appliance › Status ›
 * Basics` after an install, Ferry reads the versions in it (tolerantly, `parseStatusBasics`) and
 * compares them with what the plan expects at that step. No public copy of that page exists, so when
 * no labelled version is found Ferry looks for the expected version anywhere in the text and says so;
 * a text with neither is "unreadable", never silently accepted.
 */
import { parseStatusBasics } from '../transfer/status-basics.ts';
import { versionsIn } from '../transfer/package-name.ts';
import { compareVersions, isVersion } from '../versions.ts';
import { identifyPackage } from '../transfer/package-name.ts';
import type { InstantiatedStep, PlannedPackage } from './instantiate.ts';

/** The versions a step expects the appliance to run once it is done. */
export interface ExpectedVersions {
  site?: string;
  base?: string;
}

/** What the pasted text said, against the expectation. */
export interface BasicsCheck {
  expected: ExpectedVersions;
  read: ExpectedVersions;
  /**
   * `match`: every expected version was read (labelled, or — `how: 'anywhere'` — found in the text);
   * `mismatch`: a labelled version differs; `unreadable`: nothing to compare; `nothing-expected`: the
   * run has no plan, so the versions read are recorded as they are.
   */
  outcome: 'match' | 'mismatch' | 'unreadable' | 'nothing-expected';
  how: 'labelled' | 'anywhere' | null;
  /** For a mismatch: the components that differ. */
  differs: ('site' | 'base')[];
}

/**
 * What the plan expects after `step`: for an install step of a package, that package's version of its
 * component (site or base); for a check after the installs, the last version of each component in the
 * plan. Licences and other packages leave the versions unchanged (nothing expected from them).
 */
export function expectedAfter(step: Pick<InstantiatedStep, 'package'>, packages: readonly PlannedPackage[]): ExpectedVersions {
  const own = step.package;
  if (own !== undefined) {
    const kind = kindOf(own);
    if (kind === 'site') return { site: own.version };
    if (kind === 'base') return { base: own.version };
    return {};
  }
  const out: ExpectedVersions = {};
  for (const p of packages) {
    const kind = kindOf(p);
    if (kind === 'site' || kind === 'base') out[kind] = p.version;
  }
  return out;
}

/** A package's kind: as the plan said, else (a run from before kinds were kept) as its name says. */
function kindOf(p: PlannedPackage): PlannedPackage['kind'] {
  return p.kind ?? identifyPackage(p.name).kind;
}

/** Two version texts name the same version. */
export const same = (a: string, b: string): boolean => isVersion(a) && isVersion(b) && compareVersions(a, b) === 0;

/**
 * Reads `text` and compares it with `expected`. Two labelled values for one component that differ
 * (two pages pasted together) are a mismatch, never "the first one". Without a known label, the
 * expected version counts only when no other version stands in the text beside the labelled ones —
 * "12.0.0, update 13.1.0 available" proves nothing.
 */
export function checkBasics(text: string, expected: ExpectedVersions): BasicsCheck {
  const parsed = parseStatusBasics(text);
  const read: ExpectedVersions = {
    ...(parsed.siteVersion !== undefined ? { site: parsed.siteVersion } : {}),
    ...(parsed.baseVersion !== undefined ? { base: parsed.baseVersion } : {}),
  };
  // A contradicting labelled line lands among the unrecognised ones: read each alone.
  const contradicted = (['site', 'base'] as const).filter((k) => read[k] !== undefined && parsed.unrecognised.some((line) => {
    const alone = parseStatusBasics(line);
    const other = k === 'site' ? alone.siteVersion : alone.baseVersion;
    return other !== undefined && !same(other, read[k]!);
  }));
  const wanted = (['site', 'base'] as const).filter((k) => expected[k] !== undefined);
  if (contradicted.length > 0) return { expected, read, outcome: 'mismatch', how: 'labelled', differs: contradicted };
  if (wanted.length === 0) {
    return { expected, read, outcome: read.site || read.base ? 'nothing-expected' : 'unreadable', how: read.site || read.base ? 'labelled' : null, differs: [] };
  }
  const differs = wanted.filter((k) => read[k] !== undefined && !same(read[k]!, expected[k]!));
  if (differs.length > 0) return { expected, read, outcome: 'mismatch', how: 'labelled', differs };
  if (wanted.every((k) => read[k] !== undefined)) return { expected, read, outcome: 'match', how: 'labelled', differs: [] };
  // Labels Ferry does not know: the expected version standing in the text is taken, and shown as such —
  // but only when every version there is either labelled or the expected one.
  const labelled = [read.site, read.base].filter((v): v is string => v !== undefined);
  const others = versionsIn(text).map((v) => v.version).filter((v) => !labelled.some((l) => same(l, v)));
  const missing = wanted.filter((k) => read[k] === undefined);
  if (missing.length === 1 && others.length > 0 && others.every((v) => same(v, expected[missing[0]!]!))) {
    return { expected, read: { ...read, [missing[0]!]: expected[missing[0]!]! }, outcome: 'match', how: 'anywhere', differs: [] };
  }
  return { expected, read, outcome: others.length === 0 && labelled.length === 0 ? 'unreadable' : 'mismatch', how: null, differs: missing };
}

/**
 * What a step of `run` expects read back: `expectedAfter` — except for the hardware migration, whose
 * new appliance must run the old one's versions before the settings are restored (guide: "Upgrade von
 * Hardware-Gerät zu virtuellem Gerät"): without packages of its own, its software step expects the
 * versions the old appliance (A) had in the inventory when the run began.
 */
export function expectationFor(run: { procedure: string; packages: readonly PlannedPackage[]; appliances: { A?: string | undefined }; before: Record<string, { site: string; base: string }> }, step: Pick<InstantiatedStep, 'package' | 'stepId'>): ExpectedVersions {
  if (run.procedure === 'hardware-migration' && step.stepId === 'install-software' && step.package === undefined) {
    const old = run.appliances.A === undefined ? undefined : run.before[run.appliances.A];
    if (old) return { site: old.site, base: old.base };
  }
  return expectedAfter(step, run.packages);
}
