/**
 * Runbooks as data (DESIGN: Runbooks): each procedure of the vendor's upgrade guide is a definition —
 * sections of steps, each step with its text for the technician in German and English, the exact
 * heading of the guide section it comes from, the appliance it applies to, the steps it requires, and
 * the evidence it accepts. A run instantiates a definition for a concrete topology and plan.
 */

/** German and English text of the same thing. */
export interface Text {
  de: string;
  en: string;
}

/** The procedures of the guide. */
export const PROCEDURE_IDS = ['single-auto', 'single-manual', 'failover-sync', 'failover-async', 'atlas-failover', 'atlas-plain', 'hardware-migration', 'client-followup'] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

/**
 * What a step acts on: every appliance of the run, appliance A or B of a failover pair (A is the
 * primary at the start), the Atlas master (or its backup), the half of the traffic nodes that goes
 * offline first or the half that stays online, all traffic nodes, the clients (Jump Clients,
 * consoles …), or the jump host / the technician's own work (no appliance).
 */
export type StepTarget = 'all' | 'A' | 'B' | 'master' | 'master-backup' | 'offline-half' | 'online-half' | 'traffic' | 'clients' | 'none';

/**
 * Evidence a step accepts: a confirmation; a typed value (e.g. a ticket number); Status › Basics text
 * pasted from the appliance (parsed, versions compared with the plan's expectation); a file hashed into
 * the vault (the `.nsb` settings backup, an exported certificate); a timestamp (when it was done).
 */
/**
 * `link-reading`: a status reading through the appliance link (its id), taken where a step takes
 * pasted Status › Basics or is a sync step (`src/shared/runbooks/link-evidence.ts`).
 */
export type EvidenceKind = 'confirm' | 'typed' | 'pasted-basics' | 'vault-file' | 'timestamp' | 'link-reading';

/**
 * `install` steps are expanded per package of the plan (in plan order) for the step's target;
 * `wait` steps last `waitHours` and cannot be completed earlier; the rest are done once.
 */
export type StepKind = 'action' | 'backup' | 'install' | 'verify' | 'wait' | 'switch' | 'sync';

/** One step of a procedure. */
export interface RunbookStep {
  /** Unique within the procedure, kebab-case (stable: runs refer to it). */
  id: string;
  kind: StepKind;
  title: Text;
  /** What to do, where to click, what to expect — written for the technician. */
  text: Text;
  /** The exact heading of the guide section the step comes from (text only, no `#`, no `**`). */
  guideRef: string;
  /** The headings above `guideRef`, outermost first: repeated headings ("Aktualisieren von Gerät B") are told apart by them. */
  guidePath: string[];
  appliesTo: StepTarget;
  /** Ids of the steps (of this procedure) that must be completed (or skipped with a reason) first. */
  requires: string[];
  /** Accepted evidence; empty means "done" is enough. */
  evidence: EvidenceKind[];
  /** For `wait` steps: how long (hours); the plan's wait may override it. */
  waitHours?: number;
  /** Preparation advice or a warning shown with the step (backup first, do not reboot on a failed base update …). */
  warning?: Text;
  /** For `failover-async`: the way to make B primary this step belongs to (only one of them is used in a run). */
  variant?: 'shared-ip' | 'dns-swing' | 'nat-swing';
}

/** A titled group of steps, in the guide's order. */
export interface RunbookSection {
  id: string;
  title: Text;
  steps: RunbookStep[];
}

/** A procedure of the guide. */
export interface RunbookDefinition {
  id: ProcedureId;
  title: Text;
  /** When to use it, in a sentence or two. */
  summary: Text;
  topology: 'single' | 'failover' | 'atlas' | 'migration' | 'clients';
  /** The guide's chapter heading (exact text). */
  guideRef: string;
  sections: RunbookSection[];
}
