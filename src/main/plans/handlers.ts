/** Handlers of the `plan:` channels. */
import { basename } from 'node:path';
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';
import { parseWindow, schedule } from '../../shared/planner/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import { planCalendar } from './ics.ts';
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
    'plan:saveCalendar': async ({ startAt, windows, appliance, saveTarget, ...request }) => {
      const start = parseInstant(startAt);
      if (start === null) throw new FerryError('USAGE', 'The start is not an ISO-8601 time with a zone', { field: 'startAt' });
      const parsed = windows.map((w) => parseWindow(w));
      const result = await s.plans.computeOffThread(request);
      if (!result.reachable) throw new FerryError('PLAN_UNREACHABLE', 'The target cannot be reached: there is nothing to put on the calendar');
      const path = s.files.resolve(saveTarget, 'save-target');
      writeFileAtomic(path, planCalendar(result, schedule(result, start, parsed), appliance?.trim() || 'Appliance'));
      return { file: basename(path) };
    },
  };
}
