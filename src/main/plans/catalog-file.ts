/** Reads a package catalog file (or a bundle manifest's package list) from disk, untrusted. */
import { readFileSync, statSync } from 'node:fs';
import { FerryError } from '../../shared/errors.ts';
import { parseCatalog, type Catalog } from '../../shared/packages.ts';

/** Catalogs are small JSON files; anything larger is refused before it is read into memory. */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

/** Reads and validates a catalog; FILE_MISSING, CATALOG_INVALID on failure. */
export function readCatalogFile(path: string): Catalog {
  let text: string;
  try {
    if (statSync(path).size > MAX_CATALOG_BYTES) {
      throw new FerryError('CATALOG_INVALID', `The catalog ${path} is larger than ${MAX_CATALOG_BYTES} bytes`);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof FerryError) throw error;
    throw new FerryError('FILE_MISSING', `Cannot read the catalog ${path}: ${(error as Error).message}`, { path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FerryError('CATALOG_INVALID', `The catalog is not JSON: ${(error as Error).message}`);
  }
  return parseCatalog(json);
}
