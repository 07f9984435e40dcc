/** Every procedure of the upgrade guide as a runbook definition (DESIGN: Runbooks), by id. */
import { atlasFailover } from './atlas-failover.ts';
import { atlasPlain } from './atlas-plain.ts';
import { clientFollowup } from './client-followup.ts';
import { failoverAsync } from './failover-async.ts';
import { failoverSync } from './failover-sync.ts';
import { hardwareMigration } from './hardware-migration.ts';
import { singleAuto } from './single-auto.ts';
import { singleManual } from './single-manual.ts';
import type { ProcedureId, RunbookDefinition } from './types.ts';

/** The definitions, by procedure id. */
export const RUNBOOKS: Record<ProcedureId, RunbookDefinition> = {
  'single-auto': singleAuto,
  'single-manual': singleManual,
  'failover-sync': failoverSync,
  'failover-async': failoverAsync,
  'atlas-failover': atlasFailover,
  'atlas-plain': atlasPlain,
  'hardware-migration': hardwareMigration,
  'client-followup': clientFollowup,
};
