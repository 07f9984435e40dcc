/**
 * Plans from catalogs the person opened: main reads and validates the file, keeps it for the session
 * under an opaque id, and answers plan requests with the pure planner. Planning changes nothing, so
 * it writes no audit entry.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { CatalogInfo, InvokeArgs } from '../../shared/contract.ts';
import { FerryError } from '../../shared/errors.ts';
import type { Package } from '../../shared/packages.ts';
import { planUpgrade, type PlanResult } from '../../shared/planner/index.ts';
import { sortVersions } from '../../shared/versions.ts';
import { runInWorker } from '../jobs/worker-client.ts';
import { readCatalogFile } from './catalog-file.ts';

/** Opened catalogs and planning over them. */
export class PlanService {
  private readonly catalogs = new Map<string, { name: string; packages: Package[] }>();

  /** Reads a catalog file; returns what the UI shows of it. */
  openCatalog(path: string): CatalogInfo {
    const catalog = readCatalogFile(path);
    const catalogId = randomUUID();
    const name = basename(path);
    this.catalogs.set(catalogId, { name, packages: catalog.packages });
    const versions = (kind: Package['kind']) => sortVersions(new Set(catalog.packages.filter((p) => p.kind === kind).map((p) => p.version)));
    return { catalogId, name, packageCount: catalog.packages.length, siteVersions: versions('site'), baseVersions: versions('base') };
  }

  /** Plans one appliance against an opened catalog, on this thread (the CLI). */
  compute(request: InvokeArgs<'plan:compute'>): PlanResult {
    return planUpgrade(...this.planArgs(request));
  }

  /** The same on the job worker, so a hard catalog never freezes the app's window (app and harness). */
  computeOffThread(request: InvokeArgs<'plan:compute'>): Promise<PlanResult> {
    return runInWorker({ type: 'plan', args: this.planArgs(request) });
  }

  /** The planner's arguments for a request: built once here, whichever thread plans. */
  private planArgs(request: InvokeArgs<'plan:compute'>): Parameters<typeof planUpgrade> {
    const catalog = this.catalogs.get(request.catalogId);
    if (!catalog) throw new FerryError('HANDLE_UNKNOWN', 'The catalog is no longer open; open it again');
    return [
      catalog.packages,
      { base: request.base, site: request.site },
      { site: request.target, base: request.targetBase },
      { waitHours: request.waitHours, clientStrategy: request.clientStrategy, storedDataGiB: request.storedDataGiB },
    ];
  }
}
