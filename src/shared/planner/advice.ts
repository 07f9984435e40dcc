/**
 * What to fetch on the next trip, chosen so that it fixes the plan: a component and a range of
 * versions that the catalog does not have, such that fetching the lowest version in each range —
 * assuming it brings no requirements of its own — makes the target reachable. Found by trying: the
 * candidate versions are the boundaries of the ranges that matter (a version's fate can only change
 * where a comparator does), each tried as a package added to the catalog, one at a time, then in
 * pairs. Of the ranges that work, the narrowest is asked for; a range never holds an available version.
 */
import type { Package, PackageKind } from '../packages.ts';
import { compareParsed, formatVersion, parseRange, parseVersion, satisfiesParsed, type Version } from '../versions.ts';
import type { NextTripItem } from './types.ts';

/** How the advice tries a catalog and what it knows of the plan. */
export interface AdviceInput {
  catalog: readonly Package[];
  /** Installed version per component (site, base, licences). */
  installed: ReadonlyMap<string, Version>;
  /** The resolved target site version (and base, if one was asked for). */
  targetSite: Version;
  targetBase: Version | null;
  /** The requirements the explanation found unmet (and the goals): where to look. */
  focus: readonly { component: string; range: string }[];
  /** Whether the target is reachable with `extra` added to the catalog. */
  reachableWith(extra: readonly Package[]): boolean;
  /** Trials allowed before the advice gives up (each is a plan). */
  maxTrials?: number;
}

/** A version to try for a component, and how a range starting there is written. */
interface Point {
  component: string;
  version: Version;
  /** `>=v`, or `>b` for the point just above a boundary `b`. */
  lower: string;
  plain: boolean;
  /** The bound of a requirement (or a goal), not only of an `upgradesFrom` window. */
  required: boolean;
}

const DEFAULT_MAX_TRIALS = 400;

/** The next-trip items that make the target reachable (at most two), or [] when none was found. */
export function adviseNextTrip(input: AdviceInput): NextTripItem[] {
  const points = candidatePoints(input);
  let trials = input.maxTrials ?? DEFAULT_MAX_TRIALS;
  const works = (extra: readonly Point[]): boolean => {
    if (trials-- <= 0) throw new OutOfTrials();
    return input.reachableWith(extra.map(virtualPackage));
  };
  try {
    // Component by component, root cause first (the order of `focus`): the first that a single version
    // fixes. The range starts at the lowest bound of a requirement that works (what blocks is what to
    // meet), else at the lowest point that works at all.
    for (const component of new Set(points.map((p) => p.component))) {
      const mine = points.filter((q) => q.component === component);
      // Requirement bounds first (each tried once); the other points only when none of those works.
      const first = mine.find((p) => p.required && p.plain && works([p]));
      if (first) return [rangeFor(first, points, input, [], works)];
      const fallback = mine.find((p) => !(p.required && p.plain) && works([p]));
      if (fallback) return [rangeFor(fallback, points, input, [], works)];
    }
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i]!;
        const b = points[j]!;
        if (!works([a, b])) continue;
        return [rangeFor(a, points, input, [b], works), rangeFor(b, points, input, [a], works)];
      }
    }
  } catch (error) {
    if (!(error instanceof OutOfTrials)) throw error;
  }
  return [];
}

class OutOfTrials extends Error {}

/** The boundaries of every range that matters, per component, above what is installed and not available. */
function candidatePoints(input: AdviceInput): Point[] {
  const components = [...new Set(input.focus.map((f) => f.component))];
  // Per component, each range that matters and whether it is a requirement (or goal) rather than only an `upgradesFrom` window.
  const ranges = new Map<string, Map<string, boolean>>(components.map((c) => [c, new Map<string, boolean>()]));
  const add = (component: string, range: string, required: boolean) => {
    const m = ranges.get(component);
    if (m) m.set(range, (m.get(range) ?? false) || required);
  };
  // The blockers' and goals' ranges (requirements, unless they are some package's `upgradesFrom`) …
  const windows = new Set(input.catalog.filter((p) => p.upgradesFrom).map((p) => `${componentName(p)}\u0000${p.upgradesFrom}`));
  for (const f of input.focus) add(f.component, f.range, !windows.has(`${f.component}\u0000${f.range}`));
  // … and the `upgradesFrom` windows of the versions that would meet them: what must come before those.
  const focusRanges = input.focus.map((f) => ({ component: f.component, range: parseRange(f.range) }));
  for (const p of input.catalog) {
    const own = componentName(p);
    if (!p.upgradesFrom || !ranges.has(own)) continue;
    const v = parseVersion(p.version);
    if (focusRanges.some((f) => f.component === own && satisfiesParsed(v, f.range))) add(own, p.upgradesFrom, false);
  }
  const points: Point[] = [];
  for (const component of components) {
    const byKey = new Map<string, Point>();
    for (const [text, required] of ranges.get(component)!) {
      for (const alternative of parseRange(text).alternatives) {
        for (const c of alternative) {
          for (const p of [{ version: c.version, plain: true }, { version: bump(c.version), plain: false }]) {
            const key = formatVersion(p.version);
            const seen = byKey.get(key);
            if (seen) {
              seen.required ||= required;
              continue;
            }
            if (!fetchable(component, p.version, input)) continue;
            const point = { component, version: p.version, lower: p.plain ? `>=${key}` : `>${formatVersion(c.version)}`, plain: p.plain, required };
            byKey.set(key, point);
            points.push(point);
          }
        }
      }
    }
  }
  const order = new Map(components.map((c, i) => [c, i]));
  return points.sort((a, b) => order.get(a.component)! - order.get(b.component)! || compareParsed(a.version, b.version));
}

/** The smallest version above `v` that Ferry's comparisons tell apart from it. */
function bump(v: Version): Version {
  return [...v, 1];
}

/** Above what is installed, within the target, and not a version the catalog already has. */
function fetchable(component: string, v: Version, input: AdviceInput): boolean {
  const installed = input.installed.get(component);
  if (installed && compareParsed(v, installed) <= 0) return false;
  if (component === 'site' && compareParsed(v, input.targetSite) > 0) return false;
  if (component === 'base' && input.targetBase && compareParsed(v, input.targetBase) > 0) return false;
  return !available(component, input).some((a) => compareParsed(a, v) === 0);
}

/** The catalog's versions per component, parsed once per catalog (the advice asks for them often). */
const availableCache = new WeakMap<readonly Package[], Map<string, Version[]>>();

function available(component: string, input: AdviceInput): Version[] {
  let byComponent = availableCache.get(input.catalog);
  if (!byComponent) {
    byComponent = new Map();
    for (const p of input.catalog) {
      const name = componentName(p);
      const list = byComponent.get(name) ?? [];
      list.push(parseVersion(p.version));
      byComponent.set(name, list);
    }
    availableCache.set(input.catalog, byComponent);
  }
  return byComponent.get(component) ?? [];
}

function componentName(p: Package): string {
  if (p.kind === 'site' || p.kind === 'base') return p.kind;
  return p.name.replace(/[\s_-]*v?\d+(\.\d+)*$/i, '').trim() || p.name;
}

/** A package of `point`'s component at its version, with no requirements of its own. */
function virtualPackage(point: Point): Package {
  const kind: PackageKind = point.component === 'site' || point.component === 'base' ? point.component : 'license';
  return { name: `${point.component} ${formatVersion(point.version)}`, kind, version: formatVersion(point.version) };
}

/** `point`'s lower bound, up to the next available version or the first point above it that fails. */
function rangeFor(point: Point, points: Point[], input: AdviceInput, others: Point[], works: (extra: readonly Point[]) => boolean): NextTripItem {
  const above = points.filter((p) => p.component === point.component && compareParsed(p.version, point.version) > 0);
  const next = available(point.component, input).filter((v) => compareParsed(v, point.version) > 0).sort(compareParsed)[0] ?? null;
  let upper: { version: Version; text: string } | null = next === null ? null : { version: next, text: `<${formatVersion(next)}` };
  // Nothing above the target is of use: the range ends there.
  const cap = point.component === 'site' ? input.targetSite : point.component === 'base' ? input.targetBase : null;
  if (cap !== null && (upper === null || compareParsed(cap, upper.version) < 0)) upper = { version: bump(cap), text: `<=${formatVersion(cap)}` };
  for (const p of above) {
    if (upper !== null && compareParsed(p.version, upper.version) >= 0) break;
    if (works([p, ...others])) continue;
    // A point just above a boundary fails: the boundary itself is the last version that works.
    upper = { version: p.version, text: p.plain ? `<${formatVersion(p.version)}` : `<=${p.lower.slice(1)}` };
    break;
  }
  if (upper === null) return { component: point.component, range: point.lower };
  if (point.plain && upper.text === `<=${formatVersion(point.version)}`) return { component: point.component, range: `=${formatVersion(point.version)}` };
  return { component: point.component, range: `${point.lower} ${upper.text}` };
}
