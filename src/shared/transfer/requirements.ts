/**
 * Package file names say what a package is, never what it needs. A package catalog (the one
 * `ferry plan` reads) may say it: this joins the requirements of its entries to the packages a person
 * confirmed, by kind and version, so the check against the request knows that, say, BeyondTrust 13.1.0
 * needs Base 4.0.0. What the person entered is never overwritten.
 */
import type { Package } from '../packages.ts';
import { compareVersions } from '../versions.ts';

/** The confirmed packages with `requires` and `upgradesFrom` from `catalog` where they had none; and how many matched. */
export function withCatalogRequirements<P extends Pick<Package, 'kind' | 'version' | 'requires' | 'upgradesFrom'>>(packages: readonly P[], catalog: readonly Package[]): { packages: P[]; matched: number } {
  let matched = 0;
  const joined = packages.map((p) => {
    const entry = catalog.find((c) => c.kind === p.kind && compareVersions(c.version, p.version) === 0);
    if (!entry) return p;
    matched += 1;
    return {
      ...p,
      ...(p.requires === undefined && entry.requires !== undefined ? { requires: entry.requires } : {}),
      ...(p.upgradesFrom === undefined && entry.upgradesFrom !== undefined ? { upgradesFrom: entry.upgradesFrom } : {}),
    };
  });
  return { packages: joined, matched };
}
