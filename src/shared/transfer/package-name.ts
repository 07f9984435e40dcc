/**
 * A first guess at what a downloaded package file is, from its name alone. The vendor documents no
 * file names or extensions, so files stay opaque: Ferry only looks for the words the update list uses
 * ("Base Software 3.3.2", "Bomgar-12.2.0", "BeyondTrust-24.1.2") and a dotted version, and the person
 * confirms or corrects the guess.
 */
import type { PackageKind } from '../packages.ts';
import { isVersion } from '../versions.ts';

/** How sure the guess is: word and version side by side, something partial, or nothing at all. */
export type Confidence = 'high' | 'low' | 'none';

/** What a file name says about a package; `name` is written the way the vendor's list writes it. */
export interface PackageGuess {
  kind: PackageKind;
  version: string | null;
  name: string;
  confidence: Confidence;
  reason: string;
}

// Separators people and browsers put into names: `-`, `_`, space, `.`.
const SEP = '[-_. ]*';

interface Word {
  kind: 'base' | 'site';
  display: string;
  pattern: RegExp;
}

// "base" alone is an ordinary word, so it must stand on its own ("database-1.2.3" is no base package,
// "base_v3.3.2" is);
// the brand words are distinctive enough to be found inside longer names.
const WORDS: readonly Word[] = [
  { kind: 'base', display: 'Base Software', pattern: new RegExp(`(?<![a-z])base(?:${SEP}software)?(?![a-uw-z]|v(?!\\d))`, 'g') },
  { kind: 'site', display: 'BeyondTrust', pattern: new RegExp(`beyond${SEP}trust`, 'g') },
  { kind: 'site', display: 'Bomgar', pattern: /bomgar/g },
];

// A dotted number not glued to further digits or dots-and-digits on either side. At least one dot:
// a lone number in a file name is far more often a date, build, counter or architecture (x64).
const DOTTED = /(?<!\d)(?<!\d\.)\d+(?:\.\d+)+(?!\.?\d)/g;

/**
 * Whether dotted digits read as a date rather than a version: a 4-digit year 1970–2099 first or last
 * next to numbers that fit a month or day (`2024.01.15`, `27.11.2026`), or a `yyyymmdd` component.
 */
function isDateLike(parts: readonly string[]): boolean {
  const year = (p: string) => /^(19[7-9]\d|20\d\d)$/.test(p);
  if (parts.some((p) => /^(19[7-9]\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(p))) return true;
  const ends = year(parts[0]!) ? parts.slice(1) : year(parts.at(-1)!) ? parts.slice(0, -1) : null;
  return ends !== null && ends.length <= 2 && ends.every((p) => Number(p) >= 1 && Number(p) <= 31);
}

/** The versions written in a text (dotted numbers that are valid versions and not dates), with positions. */
export function versionsIn(text: string): { version: string; index: number }[] {
  return [...text.matchAll(DOTTED)]
    .filter((m) => isVersion(m[0]) && !isDateLike(m[0].split('.')))
    .map((m) => ({ version: m[0], index: m.index }));
}

const guess = (kind: PackageKind, version: string | null, name: string, confidence: Confidence, reason: string): PackageGuess =>
  ({ kind, version, name, confidence, reason });

/** Kind, version and display name of a package file, guessed from its name; never throws. */
export function identifyPackage(fileName: string): PackageGuess {
  const base = fileName.split(/[/\\]/).pop()!.normalize('NFC').trim();
  const lower = base.toLowerCase();
  const versions = versionsIn(lower);
  const hits = WORDS.flatMap((w) => [...lower.matchAll(w.pattern)].map((m) => ({ word: w, end: m.index + m[0].length })));
  // A version right after the word ("BeyondTrust-24.1.2", "Base_Software_v3.3.2") is a pairing.
  const paired = hits.flatMap((h) => {
    const gap = lower.slice(h.end).match(/^[-_. ]*v?/)![0].length;
    const v = versions.find((c) => c.index === h.end + gap);
    return v ? [{ word: h.word, version: v.version }] : [];
  });
  // One pairing decides; a brand word without a version beside it is only a prefix
  // ("BeyondTrust_Base_Software_3.3.2" is a base package).
  const pairs = [...new Map(paired.map((p) => [`${p.word.kind} ${p.version}`, p])).values()];
  if (pairs.length === 1) {
    const { word, version } = pairs[0]!;
    return guess(word.kind, version, `${word.display} ${version}`, 'high', `"${word.display}" followed by version ${version}`);
  }
  if (pairs.length > 1 || new Set(hits.map((h) => h.word.kind)).size > 1) {
    return guess('other', null, base, 'low', 'the name mentions more than one package');
  }
  const word = hits[0]?.word;
  const loose = [...new Set(versions.map((v) => v.version))];
  if (word) {
    const version = loose.length === 1 ? loose[0]! : null;
    const why = loose.length === 0 ? 'no version in the name' : loose.length === 1 ? 'the version is not next to the word' : 'several versions in the name';
    return guess(word.kind, version, version ? `${word.display} ${version}` : word.display, 'low', `"${word.display}" found, but ${why}`);
  }
  if (loose.length === 1) {
    return guess('other', loose[0]!, base, 'low', `version ${loose[0]} found, but no known package word`);
  }
  const why = loose.length > 1 ? 'several versions and no known package word' : 'neither a known package word nor a version';
  return guess('other', null, base, 'none', why);
}
