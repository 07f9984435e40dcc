/**
 * The package model (DESIGN: Formats, Install-order planner): base, site, license and other
 * packages with their `requires` ranges and `upgradesFrom` window, and the catalog a plan draws on.
 * Bundle manifest entries are valid catalog entries (extra fields are kept).
 */
import { z } from 'zod';
import { FerryError } from './errors.ts';
import { isVersion, parseRange } from './versions.ts';

/** What a package updates. */
export const PackageKindSchema = z.enum(['base', 'site', 'license', 'other']);
export type PackageKind = z.output<typeof PackageKindSchema>;

const rangeText = z.string().refine((r) => {
  try {
    parseRange(r);
    return true;
  } catch {
    return false;
  }
}, 'not a version range (e.g. ">=3.3.2 <4.0.0")');

/** A requirement on the installed version of a component (`base`, `site`, or a licence's name). */
export const RequirementSchema = z.object({ component: z.string().min(1), range: rangeText });
export type Requirement = z.output<typeof RequirementSchema>;

/** The longest package name a catalog may carry. */
export const MAX_PACKAGE_NAME_LENGTH = 200;

/** One package as a catalog lists it. */
export const PackageSchema = z.looseObject({
  // Vendor package names are short ("BeyondTrust-24.1.2"); the cap also keeps `componentOf` cheap.
  name: z.string().min(1).max(MAX_PACKAGE_NAME_LENGTH),
  kind: PackageKindSchema,
  version: z.string().refine(isVersion, 'not a version (e.g. 12.2.0)'),
  requires: z.array(RequirementSchema).optional(),
  upgradesFrom: rangeText.optional(),
});
export type Package = z.output<typeof PackageSchema>;

/** A catalog: the packages a plan may use. */
export const CatalogSchema = z.looseObject({ packages: z.array(PackageSchema) });
export type Catalog = z.output<typeof CatalogSchema>;

/**
 * The component a package updates: `base` and `site` by kind; a licence or other package by its name
 * without a trailing version ("Integration Client 1.2.0" → "Integration Client").
 */
export function componentOf(pkg: Pick<Package, 'kind' | 'name'>): string {
  if (pkg.kind === 'base' || pkg.kind === 'site') return pkg.kind;
  return pkg.name.replace(/[\s_-]*v?\d+(\.\d+)*$/i, '').trim() || pkg.name;
}

/** Parses untrusted catalog JSON; CATALOG_INVALID names the first problems with their paths. */
export function parseCatalog(json: unknown): Catalog {
  const parsed = CatalogSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new FerryError('CATALOG_INVALID', `The package catalog is invalid: ${issues.join('; ')}`, { issues });
  }
  return parsed.data;
}
