/**
 * Dotted versions of any length (`3.3.2`, `12.2.0`, `24.1.2`), compared numerically component by
 * component (`3.10.0 > 3.9.0`; missing components count as 0, so `3.3 = 3.3.0`), and ranges:
 * space-separated comparators that must all hold (`>=3.3.2 <4.0.0`), an exact version (`3.3.2` or
 * `=3.3.2`), `*` for any, and alternatives joined by `||`.
 */
import { FerryError } from './errors.ts';

/** A parsed version: its numeric components. */
export type Version = readonly number[];

const VERSION_RE = /^\d{1,9}(\.\d{1,9})*$/;

/**
 * Versions already parsed: a plan and its advice parse the same catalog many times. Versions are
 * read-only, so one parsed value serves every caller; the cache is emptied when it grows large.
 */
const parsed = new Map<string, Version>();
const PARSED_MAX = 100_000;

/** Parses `12.2.0`; throws VERSION_INVALID with the offending text. */
export function parseVersion(text: string): Version {
  const known = parsed.get(text);
  if (known) return known;
  const t = text.trim();
  if (!VERSION_RE.test(t)) {
    throw new FerryError('VERSION_INVALID', `"${text}" is not a version (expected numbers separated by dots, e.g. 12.2.0)`, { version: text });
  }
  const v = Object.freeze(t.split('.').map(Number));
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, v);
  return v;
}

/** Whether `text` is a valid version. */
export function isVersion(text: string): boolean {
  return VERSION_RE.test(text.trim());
}

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b`. */
export function compareParsed(a: Version, b: Version): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

const keys = new WeakMap<Version, string>();

/** A version as a key equal for versions that compare equal (`1.0` and `1.0.0`); remembered per parsed version. */
export function versionKey(v: Version): string {
  const known = keys.get(v);
  if (known !== undefined) return known;
  let end = v.length;
  while (end > 1 && v[end - 1] === 0) end -= 1;
  const key = v.slice(0, end).join('.');
  keys.set(v, key);
  return key;
}

/** Compares two version strings numerically. */
export function compareVersions(a: string, b: string): number {
  return compareParsed(parseVersion(a), parseVersion(b));
}

/** The normal form: components joined by dots, trailing zeros kept as written. */
export function formatVersion(v: Version): string {
  return v.join('.');
}

type Operator = '>=' | '>' | '<=' | '<' | '=';

/** One comparator: an operator and a version. */
export interface Comparator {
  op: Operator;
  version: Version;
}

/** A parsed range: alternatives (OR) of comparator sets (AND). An empty set matches everything. */
export interface Range {
  text: string;
  alternatives: readonly (readonly Comparator[])[];
}

const COMPARATOR_RE = /^(>=|<=|>|<|=)?\s*(\S+)$/;

/** Parses a range; throws RANGE_INVALID naming the part it could not read. */
export function parseRange(text: string): Range {
  const alternatives = text.split('||').map((alt) => {
    const trimmed = alt.trim();
    if (trimmed === '' && text.includes('||')) {
      throw new FerryError('RANGE_INVALID', `"${text}" has an empty alternative`, { range: text });
    }
    if (trimmed === '' || trimmed === '*') return [];
    // Allow ">= 3.3.2" by gluing operators to the version that follows.
    const parts = trimmed.replace(/(>=|<=|>|<|=)\s+/g, '$1').split(/\s+/);
    return parts.map((part) => {
      const m = COMPARATOR_RE.exec(part);
      if (!m || !isVersion(m[2]!)) {
        throw new FerryError('RANGE_INVALID', `"${part}" in range "${text}" is not a comparator (like >=3.3.2, <4.0.0 or 3.3.2)`, { range: text, part });
      }
      return { op: (m[1] ?? '=') as Operator, version: parseVersion(m[2]!) };
    });
  });
  return { text: text.trim(), alternatives };
}

function holds(c: Comparator, v: Version): boolean {
  const d = compareParsed(v, c.version);
  switch (c.op) {
    case '>=': return d >= 0;
    case '>': return d > 0;
    case '<=': return d <= 0;
    case '<': return d < 0;
    case '=': return d === 0;
  }
}

/** Whether a parsed version lies in a parsed range. */
export function satisfiesParsed(v: Version, range: Range): boolean {
  return range.alternatives.some((set) => set.every((c) => holds(c, v)));
}

/** Whether `version` satisfies `range` (both as text). */
export function satisfies(version: string, range: string): boolean {
  return satisfiesParsed(parseVersion(version), parseRange(range));
}

/** Sorts version strings ascending, numerically. */
export function sortVersions(versions: Iterable<string>): string[] {
  return [...versions].sort(compareVersions);
}
