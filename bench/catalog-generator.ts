/**
 * A generated, realistic-shaped catalog for benchmarks: site releases over many majors whose
 * `upgradesFrom` only reaches back within the major or from its later half, base releases the site
 * majors require, and licence add-ons some releases need. Seeded, so runs compare.
 */
import type { Package } from '../src/shared/packages.ts';

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `size` packages: 72% site, 23% base, the rest licences. */
export function generateCatalog(size: number, seed = 1): Package[] {
  const random = rng(seed);
  const packages: Package[] = [];
  const siteCount = Math.round(size * 0.72);
  const baseCount = Math.round(size * 0.23);
  const licCount = size - siteCount - baseCount;
  for (let i = 0; i < siteCount; i++) {
    const major = 10 + Math.floor(i / 90);
    const minor = Math.floor((i % 90) / 9);
    const patch = i % 9;
    const version = `${major}.${minor}.${patch}`;
    const baseMajor = 3 + Math.floor((major - 10) / 4);
    const requires = [{ component: 'base', range: `>=${baseMajor}.${(major - 10) % 4}.0 <${baseMajor + 2}.0.0` }];
    if (random() < 0.05) requires.push({ component: `Add-on ${1 + Math.floor(random() * 5)}`, range: `>=${1 + Math.floor(random() * 3)}.0` });
    packages.push({
      name: `BeyondTrust ${version}`, kind: 'site', version, requires,
      // Within a major any step up; into a new major only from the previous major's later half.
      upgradesFrom: minor === 0 && patch === 0 ? `>=${major - 1}.5.0` : `>=${major}.0.0`,
    });
  }
  for (let i = 0; i < baseCount; i++) {
    const major = 3 + Math.floor(i / 90);
    packages.push({ name: `Base Software ${major}.${Math.floor((i % 90) / 9)}.${i % 9}`, kind: 'base', version: `${major}.${Math.floor((i % 90) / 9)}.${i % 9}` });
  }
  for (let i = 0; i < licCount; i++) {
    packages.push({ name: `Add-on ${1 + (i % 5)} ${1 + Math.floor(i / 5)}.0`, kind: 'license', version: `${1 + Math.floor(i / 5)}.0` });
  }
  // Catalogs arrive in no particular order.
  for (let i = packages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [packages[i], packages[j]] = [packages[j]!, packages[i]!];
  }
  return packages;
}
