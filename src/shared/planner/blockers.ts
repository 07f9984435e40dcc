/**
 * Explains an unreachable target: starting from the target site version, finds which package's
 * requirement no reachable state meets, follows that requirement to the packages that could meet it,
 * and ends at what the catalog lacks — the list to ask for on the next trip.
 */
import { compareParsed, formatVersion, parseRange, sortVersions, satisfiesParsed, type Comparator, type Range, type Version } from '../versions.ts';
import type { Candidate, Components } from './model.ts';
import type { Blocker, NextTripItem } from './types.ts';

export interface ExplainInput {
  components: Components;
  /** Packages that could ever be installed (above the start version, within the targets). */
  usable: readonly Candidate[];
  /** Every catalog package, for listing what versions exist. */
  all: readonly Candidate[];
  /** Whether some reachable state has a version of `comp` in `range`. */
  metSomewhere(comp: number, range: Range): boolean;
  /** What the goal demands: the target site version, and the target base version if one was given. */
  goals: readonly { comp: number; range: Range }[];
  /** The installed version of a component (null where none is). */
  installed(comp: number): Version | null;
}

/** Blockers and the next trip's shopping list. */
export function explainUnreachable(input: ExplainInput): { blockers: Blocker[]; nextTrip: NextTripItem[]; windows: Set<Blocker> } {
  const blockers: Blocker[] = [];
  // Blockers that are a package's `upgradesFrom` window (a requirement on its own component), not what it requires.
  const windows = new Set<Blocker>();
  const nextTrip: NextTripItem[] = [];
  const explained = new Map<string, boolean>();
  const seenBlocker = new Set<string>();

  // Each component's catalog versions, sorted once: a large catalog has thousands, and many blockers ask.
  const versions = new Map<number, { text: string; parsed: Version }[]>();
  const versionsOf = (comp: number) => {
    let list = versions.get(comp);
    if (!list) {
      const byText = new Map<string, Version>();
      for (const c of input.all) if (c.comp === comp && !byText.has(c.pkg.version)) byText.set(c.pkg.version, c.version);
      list = sortVersions(byText.keys()).map((text) => ({ text, parsed: byText.get(text)! }));
      versions.set(comp, list);
    }
    return list;
  };
  const available = (comp: number): string[] => versionsOf(comp).map((v) => v.text);
  const metSomewhere = (comp: number, range: Range): boolean => input.metSomewhere(comp, range);
  const block = (pkg: string, comp: number, range: Range, window = false): void => {
    const component = input.components.names[comp]!;
    const key = `${pkg}\u0000${component}\u0000${range.text}`;
    if (seenBlocker.has(key)) return;
    seenBlocker.add(key);
    const matching = versionsOf(comp).filter((v) => satisfiesParsed(v.parsed, range)).map((v) => v.text);
    const installed = input.installed(comp);
    const kind = matching.length === 0 ? 'missing' : 'gap';
    const what = pkg === 'target' ? `The target ${component} ${range.text.replace(/^=/, '')}` : `${pkg} needs ${component} ${range.text}`;
    const reason = kind === 'missing'
      ? `${what}: the catalog has no such version (it has ${listOr(available(comp), 'none')})`
      : `${what}: the catalog has ${matching.join(', ')}, but none of them can be installed from ${installed ? `${component} ${formatVersion(installed)}` : 'here'}`;
    const blocker: Blocker = { package: pkg, requires: { component, range: range.text }, available: available(comp), kind, reason };
    blockers.push(blocker);
    if (window) windows.add(blocker);
  };

  /**
   * Explains why nothing reachable meets `range` of `comp`. Returns whether it ended at something to
   * fetch; when every way round leads back into itself, the range itself is what to fetch.
   */
  const explain = (comp: number, range: Range, neededBy: string): boolean => {
    const key = `${comp}\u0000${range.text}`;
    // A finished explanation answers again; one still in progress is a cycle and explains nothing.
    const known = explained.get(key);
    if (known !== undefined) return known;
    explained.set(key, false);
    // One provider per group is enough: its members share every requirement.
    const byGroup = new Map<number, Candidate>();
    for (const c of input.usable) {
      if (c.comp === comp && !byGroup.has(c.group) && satisfiesParsed(c.version, range)) byGroup.set(c.group, c);
    }
    const providers = [...byGroup.values()];
    // Follow the most promising provider first (fewest unmet requirements, lowest version) and stop at
    // the first that ends in something to fetch: one way to the target, not every way.
    const ranked = providers
      .map((p) => ({ p, failing: p.reqs.filter((r) => !metSomewhere(r.comp, r.range)) }))
      .sort((a, b) => a.failing.length - b.failing.length || compareParsed(a.p.version, b.p.version));
    let leaf = false;
    for (const { p, failing } of ranked) {
      if (failing.length === 0) continue;
      for (const r of failing) {
        block(p.pkg.name, r.comp, r.range, r.comp === p.comp);
        if (explain(r.comp, r.range, p.pkg.name)) leaf = true;
      }
      if (leaf) break;
    }
    // Each requirement holds in some reachable state, but never all at once.
    if (!leaf) for (const { p, failing } of ranked) if (failing.length === 0) for (const r of p.reqs) block(p.pkg.name, r.comp, r.range, r.comp === p.comp);
    if (!leaf) {
      if (providers.length === 0) block(neededBy, comp, range);
      nextTrip.push({ component: input.components.names[comp]!, range: range.text });
    }
    explained.set(key, true);
    return true;
  };

  const unmet = input.goals.filter((g) => !metSomewhere(g.comp, g.range));
  for (const g of unmet) explain(g.comp, g.range, 'target');
  // Each goal is reachable alone, but no reachable state meets them all.
  if (unmet.length === 0) for (const g of input.goals) block('target', g.comp, g.range);
  return { blockers, nextTrip: mergeByComponent(nextTrip), windows };
}

function listOr(items: readonly string[], none: string): string {
  return items.length === 0 ? none : items.join(', ');
}

/**
 * One blocker per requirement, however many packages share it ("3 packages need base >=4.0.0 …"),
 * ordered root cause first: what the advice fixes (a range that holds the version to fetch) before
 * what follows from it; a package's requirement before an `upgradesFrom` window; then missing before
 * gap, in the order found.
 */
export function rankBlockers(blockers: readonly Blocker[], advice: readonly NextTripItem[], windows: ReadonlySet<Blocker> = new Set()): Blocker[] {
  const grouped = new Map<string, Blocker>();
  // A group is a window only if all of it is: a requirement among them is the stronger cause.
  const onlyWindows = new Set<string>();
  for (const b of blockers) {
    const key = `${b.requires.component}\u0000${b.requires.range}`;
    const seen = grouped.get(key);
    if (!seen) {
      grouped.set(key, { ...b });
      if (windows.has(b)) onlyWindows.add(key);
      continue;
    }
    if (!windows.has(b)) onlyWindows.delete(key);
    const packages = [...(seen.packages ?? [seen.package]), b.package];
    const rest = seen.reason.slice(seen.reason.indexOf(':'));
    grouped.set(key, { ...seen, packages, reason: `${packages.length} packages need ${b.requires.component} ${b.requires.range}${rest}` });
  }
  const fixes = (b: Blocker): boolean => advice.some((a) => {
    if (a.component !== b.requires.component) return false;
    const lowest = lowestOf(a.range);
    return lowest !== null && satisfiesParsed(lowest, parseRange(b.requires.range));
  });
  const isWindow = (b: Blocker) => onlyWindows.has(`${b.requires.component}\u0000${b.requires.range}`);
  return [...grouped.values()]
    .map((b, i) => ({ b, i }))
    .sort((x, y) => Number(fixes(y.b)) - Number(fixes(x.b)) || Number(isWindow(x.b)) - Number(isWindow(y.b))
      || Number(y.b.kind === 'missing') - Number(x.b.kind === 'missing') || x.i - y.i)
    .map(({ b }) => b);
}

/** The lowest version a next-trip range names (its `>=`/`=` bound, or just above its `>` bound). */
function lowestOf(text: string): Version | null {
  const b = bounds(parseRange(text));
  if (!b?.lo) return null;
  return b.lo.op === '>' ? [...b.lo.version, 1] : b.lo.version;
}

/** Lower and upper bound of a single-interval range (null where open). */
function bounds(range: Range): { lo: Comparator | null; hi: Comparator | null } | null {
  if (range.alternatives.length !== 1) return null;
  let lo: Comparator | null = null;
  let hi: Comparator | null = null;
  for (const c of range.alternatives[0]!) {
    if (c.op === '>=' || c.op === '>' || c.op === '=') {
      const d = lo ? compareParsed(c.version, lo.version) : 1;
      if (d > 0 || (d === 0 && c.op === '>')) lo = c.op === '=' ? { op: '>=', version: c.version } : c;
    }
    if (c.op === '<=' || c.op === '<' || c.op === '=') {
      const d = hi ? compareParsed(c.version, hi.version) : -1;
      if (d < 0 || (d === 0 && c.op === '<')) hi = c.op === '=' ? { op: '<=', version: c.version } : c;
    }
  }
  return { lo, hi };
}

/**
 * One package can often meet several requirements on the same component: where their ranges overlap,
 * ask for the overlap once instead of listing each.
 */
function mergeByComponent(items: NextTripItem[]): NextTripItem[] {
  const out: NextTripItem[] = [];
  const byComponent = new Map<string, NextTripItem[]>();
  for (const item of items) byComponent.set(item.component, [...(byComponent.get(item.component) ?? []), item]);
  for (const [component, list] of byComponent) {
    const parsed = list.map((i) => bounds(parseRange(i.range)));
    if (list.length === 1 || parsed.some((b) => b === null)) {
      out.push(...list);
      continue;
    }
    let lo: Comparator | null = null;
    let hi: Comparator | null = null;
    for (const b of parsed as { lo: Comparator | null; hi: Comparator | null }[]) {
      if (b.lo && (!lo || compareParsed(b.lo.version, lo.version) > 0 || (compareParsed(b.lo.version, lo.version) === 0 && b.lo.op === '>'))) lo = b.lo;
      if (b.hi && (!hi || compareParsed(b.hi.version, hi.version) < 0 || (compareParsed(b.hi.version, hi.version) === 0 && b.hi.op === '<'))) hi = b.hi;
    }
    const empty = lo && hi && (compareParsed(lo.version, hi.version) > 0 ||
      (compareParsed(lo.version, hi.version) === 0 && (lo.op === '>' || hi.op === '<')));
    if (empty) {
      out.push(...list);
      continue;
    }
    const text = [lo, hi].filter((c): c is Comparator => c !== null).map((c) => `${c.op}${formatVersion(c.version)}`).join(' ');
    out.push({ component, range: text || '*' });
  }
  return out;
}
