/** Reads a package catalog file (or a bundle manifest's package list) from disk, untrusted. */
import { FerryError } from '../../shared/errors.ts';
import { parseCatalog, type Catalog } from '../../shared/packages.ts';
import { readTextInput } from '../files/text-input.ts';

/**
 * Reads and validates a catalog: FILE_MISSING, INPUT_NOT_A_FILE (a folder, a device, a FIFO),
 * INPUT_TOO_LARGE (over the catalog limit, found while reading), CATALOG_INVALID.
 */
export function readCatalogFile(path: string): Catalog {
  const text = readTextInput(path, 'catalog');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FerryError('CATALOG_INVALID', `The catalog is not JSON: ${(error as Error).message}`, { problem: 'notJson' });
  }
  return parseCatalog(json);
}
