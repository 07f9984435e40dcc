/**
 * Joins every domain's handlers into the one table the Electron shell and the e2e harness both
 * register; only the transport differs. Each domain folder exports its `setup…Handlers`.
 */
import { setupLinkHandlers } from '../appliance-link/handlers.ts';
import { setupApplianceHandlers } from '../appliances/handlers.ts';
import { setupAuditHandlers } from '../audit/handlers.ts';
import { setupFilesHandlers } from '../files/handlers.ts';
import { setupJobsHandlers } from '../jobs/handlers.ts';
import { setupMediaHandlers } from '../media/handlers.ts';
import { setupPlanHandlers } from '../plans/handlers.ts';
import { setupRunbookHandlers } from '../runbooks/handlers.ts';
import { setupCertHandlers } from '../certs/handlers.ts';
import { setupJumpClientHandlers } from '../jumpclients/handlers.ts';
import type { Services } from '../services.ts';
import { setupAppHandlers } from '../settings/handlers.ts';
import { setupStationHandlers } from '../stations/handlers.ts';
import { setupTransferHandlers } from '../transfer/handlers.ts';
import { setupVaultHandlers } from '../vault/handlers.ts';
import type { HandlerTable } from './dispatcher.ts';

/** The handler table over a set of services. */
export function createHandlerTable(s: Services): HandlerTable {
  return {
    ...setupAppHandlers(s),
    ...setupStationHandlers(s),
    ...setupAuditHandlers(s),
    ...setupFilesHandlers(s),
    ...setupJobsHandlers(s),
    ...setupPlanHandlers(s),
    ...setupApplianceHandlers(s),
    ...setupTransferHandlers(s),
    ...setupVaultHandlers(s),
    ...setupMediaHandlers(s),
    ...setupRunbookHandlers(s),
    ...setupCertHandlers(s),
    ...setupJumpClientHandlers(s),
    ...setupLinkHandlers(s),
  };
}
