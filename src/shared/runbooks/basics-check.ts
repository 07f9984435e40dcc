/**
 * A version read back from the appliance: the technician pastes the text of `/appliance › Status ›
 * Basics` after an install, Ferry reads the versions in it (tolerantly, `parseStatusBasics`) and
 * compares them with what the plan expects at that step. No public copy of that page exists, so when
 * no labelled version is found Ferry looks for the expected version anywhere in the text and says so;
 * a text with neither is "unreadable", never silently accepted.
 */
import { parseStatusBasics } from '../transfer/status-basics.ts';
import { versionsIn } from '../transfer/package-name.ts';
import { compareVersions } from '../versions.ts';
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
    if (own.kind === 'site') return { site: own.version };
    if (own.kind === 'base') return { base: own.version };
    return {};
  }
  const out: ExpectedVersions = {};
  for (const p of packages) {
    if (p.kind === 'site' || p.kind === 'base') out[p.kind] = p.version;
  }
  return out;
}

/** Reads `text` and compares it with `expected`. */
export function checkBasics(text: string, expected: ExpectedVersions): BasicsCheck {
  const parsed = parseStatusBasics(text);
  const read: ExpectedVersions = {
    ...(parsed.siteVersion !== undefined ? { site: parsed.siteVersion } : {}),
    ...(parsed.baseVersion !== undefined ? { base: parsed.baseVersion } : {}),
  };
  const wanted = (['site', 'base'] as const).filter((k) => expected[k] !== undefined);
  if (wanted.length === 0) {
    return { expected, read, outcome: read.site || read.base ? 'nothing-expected' : 'unreadable', how: read.site || read.base ? 'labelled' : null, differs: [] };
  }
  const differs = wanted.filter((k) => read[k] !== undefined && compareVersions(read[k]!, expected[k]!) !== 0);
  if (differs.length > 0) return { expected, read, outcome: 'mismatch', how: 'labelled', differs };
  if (wanted.every((k) => read[k] !== undefined)) return { expected, read, outcome: 'match', how: 'labelled', differs: [] };
  // Labels Ferry does not know: the expected version standing in the text is taken, and shown as such.
  const anywhere = versionsIn(text).map((v) => v.version);
  const missing = wanted.filter((k) => read[k] === undefined);
  if (missing.every((k) => anywhere.some((v) => compareVersions(v, expected[k]!) === 0))) {
    const found = Object.fromEntries(missing.map((k) => [k, expected[k]!]));
    return { expected, read: { ...read, ...found }, outcome: 'match', how: 'anywhere', differs: [] };
  }
  return { expected, read, outcome: anywhere.length === 0 && !read.site && !read.base ? 'unreadable' : 'mismatch', how: null, differs: missing };
}
