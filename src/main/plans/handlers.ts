/** Handlers of the `plan:` channels. */
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';

/** Open a catalog, plan over it. */
export function setupPlanHandlers(s: Services): DomainHandlers<'plan'> {
  return {
    'plan:openCatalog': async () => {
      const path = await s.dialog.openFile({ purpose: 'catalog' });
      return path === null ? null : s.plans.openCatalog(path);
    },
    // Off the main thread: the window stays responsive however hard the catalog is.
    'plan:compute': (request) => s.plans.computeOffThread(request),
  };
}
