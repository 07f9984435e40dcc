/**
 * Runs of runbooks: a procedure instantiated for a topology and plan, its steps' states persisted at
 * once with an audit entry each, so a run resumes after a restart exactly where it was and several
 * runs go side by side. The service enforces what the UI shows: a step is completed only after the
 * steps it requires (done or skipped), a wait only once its time has passed, evidence only of the
 * kinds the step accepts (a vault file must be in the vault), and a skip only with a reason.
 */
import { randomUUID } from 'node:crypto';
import { FerryError } from '../../shared/errors.ts';
import { RUNBOOKS } from '../../shared/runbooks/index.ts';
import { instantiate, type InstantiatedStep, type PlannedPackage, type RunAppliances } from '../../shared/runbooks/instantiate.ts';
import type { EvidenceKind, ProcedureId, RunbookStep } from '../../shared/runbooks/types.ts';
import { PROCEDURE_IDS } from '../../shared/runbooks/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { transaction, type Database } from '../store/database.ts';
import type { VaultService } from '../vault/vault-service.ts';

/** Evidence given for a step: its kind and value (a sha256 for a vault file, the text for the rest). */
export interface Evidence {
  kind: EvidenceKind;
  value: string;
}

/** Where a step stands in its run. */
export type StepStatus = 'done' | 'skipped' | 'ready' | 'blocked' | 'waiting';

/** A step with its state. */
export interface RunStep extends InstantiatedStep {
  status: StepStatus;
  at: string | null;
  evidence: RunbookStep['evidence'];
  given: Evidence[];
  note: string;
  /** For a wait: when it ends (once the steps before it are done). */
  waitUntil: string | null;
}

/** A run with its steps. */
export interface Run {
  id: string;
  procedure: ProcedureId;
  createdAt: string;
  status: 'open' | 'done';
  steps: RunStep[];
}

interface RunRow { id: string; procedure: string; created_at: string; appliances: string; steps: string; status: 'open' | 'done' }
interface StateRow { step_id: string; state: 'done' | 'skipped'; at: string; evidence: string; note: string }

/** What a run is started for. */
export interface StartRun {
  procedure: ProcedureId;
  appliances: RunAppliances;
  packages?: PlannedPackage[];
  variant?: RunbookStep['variant'];
}

/** Runs of runbooks over one data directory. */
export class RunbookService {
  private readonly db: Database;
  private readonly audit: AuditLog;
  private readonly vault: VaultService;
  private readonly now: () => Date;

  constructor(db: Database, audit: AuditLog, vault: VaultService, now: () => Date = () => new Date()) {
    this.db = db;
    this.audit = audit;
    this.vault = vault;
    this.now = now;
  }

  /** Starts a run (audited). */
  start(input: StartRun): Run {
    if (!(PROCEDURE_IDS as readonly string[]).includes(input.procedure)) throw new FerryError('USAGE', `No procedure "${String(input.procedure).slice(0, 60)}"`, { field: 'procedure' });
    const steps = instantiate(RUNBOOKS[input.procedure], { appliances: input.appliances, ...(input.packages ? { packages: input.packages } : {}), ...(input.variant ? { variant: input.variant } : {}) });
    const id = randomUUID();
    return transaction(this.db, () => {
      this.db.prepare('INSERT INTO runbook_runs (id, procedure, created_at, appliances, steps, status) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, input.procedure, this.now().toISOString(), JSON.stringify(input.appliances), JSON.stringify(steps), 'open');
      this.audit.append({ actor: 'user', action: 'runbook.started', subject: id, details: { procedure: input.procedure, steps: steps.length } });
      return this.show(id);
    });
  }

  /** Every run, newest first. */
  list(): Run[] {
    const rows = this.db.prepare('SELECT id FROM runbook_runs ORDER BY created_at DESC, id').all() as { id: string }[];
    return rows.map((r) => this.show(r.id));
  }

  /** One run with the status of each step. */
  show(id: string): Run {
    const row = this.db.prepare('SELECT * FROM runbook_runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) throw new FerryError('USAGE', `No runbook run ${id.slice(0, 60)}`, { reason: 'unknown-run' });
    const states = new Map((this.db.prepare('SELECT * FROM runbook_step_states WHERE run_id = ?').all(id) as unknown as StateRow[]).map((s) => [s.step_id, s]));
    const steps = JSON.parse(row.steps) as InstantiatedStep[];
    const now = this.now().getTime();
    const out: RunStep[] = steps.map((step) => {
      const state = states.get(step.id);
      const base = { ...step, given: state ? (JSON.parse(state.evidence) as Evidence[]) : [], note: state?.note ?? '', at: state?.at ?? null };
      if (state) return { ...base, status: state.state, waitUntil: null };
      const open = step.requires.filter((r) => !states.has(r));
      if (open.length > 0) return { ...base, status: 'blocked', waitUntil: null };
      const until = waitEnd(step, states);
      return { ...base, status: until !== null && until.getTime() > now ? 'waiting' : 'ready', waitUntil: until?.toISOString() ?? null };
    });
    return { id: row.id, procedure: row.procedure as ProcedureId, createdAt: row.created_at, status: row.status, steps: out };
  }

  /** Completes a step with its evidence (audited); STEP_ORDER_VIOLATION when a required step is open or the wait not over. */
  complete(runId: string, stepId: string, evidence: Evidence[] = [], note = ''): Run {
    return transaction(this.db, () => {
      const step = this.openStep(runId, stepId);
      if (step.status === 'blocked') {
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" needs these steps first: ${step.requires.join(', ')}`, { step: stepId, requires: step.requires.filter((r) => !this.stateOf(runId, r)) });
      }
      if (step.status === 'waiting') {
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" is a wait that ends at ${step.waitUntil}`, { step: stepId, waitUntil: step.waitUntil, reason: 'wait' });
      }
      for (const e of evidence) {
        if (!step.evidence.includes(e.kind)) throw new FerryError('USAGE', `"${step.title.en}" does not take ${e.kind} as evidence (it takes ${step.evidence.join(', ') || 'none'})`, { step: stepId, kind: e.kind });
        // A file as evidence is one Ferry holds: the vault has it, verified.
        if (e.kind === 'vault-file') this.vault.get(e.value);
      }
      const needed: EvidenceKind[] = step.evidence.filter((k) => k !== 'confirm' && k !== 'timestamp');
      if (needed.length > 0 && !evidence.some((e) => needed.includes(e.kind))) {
        throw new FerryError('USAGE', `"${step.title.en}" needs evidence: ${needed.join(' or ')}`, { step: stepId, needs: needed, reason: 'evidence' });
      }
      this.record(runId, stepId, 'done', evidence, note);
      this.audit.append({ actor: 'user', action: 'runbook.stepDone', subject: runId, details: { step: stepId, evidence: evidence.map((e) => e.kind) } });
      return this.finishIfDone(runId);
    });
  }

  /** Skips a step (audited); only with a reason, written down. */
  skip(runId: string, stepId: string, reason: string): Run {
    const why = reason.trim();
    if (why === '' || why.length > 500) throw new FerryError('USAGE', 'A step is skipped only with a reason (at most 500 characters)', { step: stepId, reason: 'skip-reason' });
    return transaction(this.db, () => {
      this.openStep(runId, stepId);
      this.record(runId, stepId, 'skipped', [], why);
      this.audit.append({ actor: 'user', action: 'runbook.stepSkipped', subject: runId, details: { step: stepId, reason: why } });
      return this.finishIfDone(runId);
    });
  }

  private openStep(runId: string, stepId: string): RunStep {
    const run = this.show(runId);
    if (run.status === 'done') throw new FerryError('STEP_ORDER_VIOLATION', 'This run is finished', { run: runId, reason: 'finished' });
    const step = run.steps.find((s) => s.id === stepId);
    if (!step) throw new FerryError('USAGE', `The run has no step "${stepId.slice(0, 60)}"`, { step: stepId });
    if (step.status === 'done' || step.status === 'skipped') throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" is ${step.status} already`, { step: stepId, reason: 'already' });
    return step;
  }

  private stateOf(runId: string, stepId: string): boolean {
    return this.db.prepare('SELECT 1 FROM runbook_step_states WHERE run_id = ? AND step_id = ?').get(runId, stepId) !== undefined;
  }

  private record(runId: string, stepId: string, state: 'done' | 'skipped', evidence: Evidence[], note: string): void {
    this.db.prepare('INSERT INTO runbook_step_states (run_id, step_id, state, at, evidence, note) VALUES (?, ?, ?, ?, ?, ?)')
      .run(runId, stepId, state, this.now().toISOString(), JSON.stringify(evidence), note);
  }

  private finishIfDone(runId: string): Run {
    const run = this.show(runId);
    if (run.steps.every((s) => s.status === 'done' || s.status === 'skipped')) {
      this.db.prepare("UPDATE runbook_runs SET status = 'done' WHERE id = ?").run(runId);
      this.audit.append({ actor: 'user', action: 'runbook.finished', subject: runId, details: { procedure: run.procedure } });
      return this.show(runId);
    }
    return run;
  }
}

/** A wait ends `waitHours` after the last of the steps it requires was done; null for other steps. */
function waitEnd(step: InstantiatedStep, states: Map<string, StateRow>): Date | null {
  if (step.kind !== 'wait' || step.waitHours === undefined) return null;
  const last = Math.max(0, ...step.requires.map((r) => Date.parse(states.get(r)?.at ?? '') || 0));
  if (last === 0) return null;
  return new Date(last + step.waitHours * 3_600_000);
}
