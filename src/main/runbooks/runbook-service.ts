/**
 * Runs of runbooks: a procedure instantiated for a topology and plan, its steps' states persisted at
 * once with an audit entry each, so a run resumes after a restart exactly where it was and several
 * runs go side by side. The service enforces what the UI shows: a step is completed only after the
 * steps it requires (done or skipped), a wait only once its time has passed, evidence only of the
 * kinds the step accepts (a vault file must be in the vault), and a skip only with a reason.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { z } from 'zod';
import type { Evidence, Run, RunStartSchema, RunStep } from '../../shared/contract/runbook.ts';
import { FerryError } from '../../shared/errors.ts';
import { parseInstant } from '../../shared/instant.ts';
import { checkBasics, expectationFor } from '../../shared/runbooks/basics-check.ts';
import { RUNBOOKS } from '../../shared/runbooks/index.ts';
import { instantiate, type InstantiatedStep, type PlannedPackage } from '../../shared/runbooks/instantiate.ts';
import { judgeLinkReading, linkReadingProves, readingMustFollow, type LinkReadingFacts, type LinkReadingUnfit } from '../../shared/runbooks/link-evidence.ts';
import { checkWindows } from '../../shared/runbooks/run-windows.ts';
import type { EvidenceKind, ProcedureId, RunbookStep } from '../../shared/runbooks/types.ts';
import { PROCEDURE_IDS } from '../../shared/runbooks/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { transaction, type Database } from '../store/database.ts';
import type { VaultService } from '../vault/vault-service.ts';

/** Evidence given for a step: its kind and value (a sha256 for a vault file, the text for the rest). */
export interface EvidenceInput {
  kind: EvidenceKind;
  value: string;
}

export type { Evidence, Run, RunStep };
/** Where a step stands in its run. */
export type StepStatus = RunStep['status'];
/** What a run is started for. */
export type StartRun = z.input<typeof RunStartSchema>;

/** What a run keeps beside its steps (the `options` column). */
interface RunOptions {
  by?: string;
  variant?: RunbookStep['variant'];
  packages?: PlannedPackage[];
  waitHours?: number;
  windows?: { start: string; end: string }[];
  before?: Run['before'];
}

interface RunRow { id: string; procedure: string; created_at: string; appliances: string; steps: string; status: 'open' | 'done'; options: string }
interface StateRow { step_id: string; state: 'done' | 'skipped'; at: string; evidence: string; note: string; done_by: string }

/** The account on this computer, for "who" in the record. */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Runs of runbooks over one data directory. */
export class RunbookService {
  private readonly db: Database;
  private readonly audit: AuditLog;
  private readonly vault: VaultService;
  private readonly now: () => Date;
  private readonly user: () => string;

  constructor(db: Database, audit: AuditLog, vault: VaultService, now: () => Date = () => new Date(), user: () => string = currentUser) {
    this.db = db;
    this.audit = audit;
    this.vault = vault;
    this.now = now;
    this.user = user;
  }

  /** Starts a run (audited); `before`: the appliances' versions in the inventory now, by name. */
  start(input: StartRun, before: Run['before'] = {}): Run {
    if (!(PROCEDURE_IDS as readonly string[]).includes(input.procedure)) throw new FerryError('USAGE', `No procedure "${String(input.procedure).slice(0, 60)}"`, { field: 'procedure' });
    const windows = input.windows ?? [];
    const bad = checkWindows(input.procedure, windows);
    if (bad !== null) throw new FerryError('USAGE', `The maintenance windows do not fit the procedure (${bad})`, { field: 'windows', reason: bad });
    if (input.waitHours !== undefined && !(Number.isFinite(input.waitHours) && input.waitHours >= 0)) throw new FerryError('USAGE', 'A wait is a number of hours, 0 or more', { field: 'waitHours' });
    const traffic = (input.appliances.traffic ?? []).map((t) => t.name);
    if (new Set(traffic).size !== traffic.length) throw new FerryError('USAGE', 'A traffic node is named twice', { field: 'traffic' });
    const strange = (input.appliances.offline ?? []).filter((n) => !traffic.includes(n));
    if (strange.length > 0) throw new FerryError('USAGE', `Not traffic nodes of this run: ${strange.join(', ').slice(0, 200)}`, { field: 'offline' });
    const variant = input.variant ?? (RUNBOOKS[input.procedure].sections.some((sec) => sec.steps.some((st) => st.variant !== undefined)) ? 'shared-ip' : undefined);
    const packages = input.packages ?? [];
    const steps = instantiate(RUNBOOKS[input.procedure], { appliances: input.appliances, packages, ...(variant ? { variant } : {}) })
      .map((step) => (step.kind === 'wait' && input.waitHours !== undefined ? { ...step, waitHours: input.waitHours } : step));
    const options: RunOptions = {
      by: this.user(), packages, windows, before,
      ...(variant ? { variant } : {}), ...(input.waitHours !== undefined ? { waitHours: input.waitHours } : {}),
    };
    const id = randomUUID();
    return transaction(this.db, () => {
      this.db.prepare('INSERT INTO runbook_runs (id, procedure, created_at, appliances, steps, status, options) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.procedure, this.now().toISOString(), JSON.stringify(input.appliances), JSON.stringify(steps), 'open', JSON.stringify(options));
      this.audit.append({
        actor: 'user', action: 'runbook.started', subject: id,
        details: { procedure: input.procedure, steps: steps.length, ...(input.waitHours !== undefined ? { waitHours: input.waitHours } : {}) },
      });
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
    const options = JSON.parse(row.options) as RunOptions;
    const now = this.now().getTime();
    const out: RunStep[] = steps.map((step) => {
      const state = states.get(step.id);
      const base = { ...step, given: state ? (JSON.parse(state.evidence) as Evidence[]) : [], note: state?.note ?? '', at: state?.at ?? null, by: state?.done_by ?? '' };
      if (state) return { ...base, status: state.state, waitUntil: null };
      const open = step.requires.filter((r) => !states.has(r));
      if (open.length > 0) return { ...base, status: 'blocked', waitUntil: null };
      const until = waitEnd(step, states, row.created_at);
      return { ...base, status: until !== null && until.getTime() > now ? 'waiting' : 'ready', waitUntil: until?.toISOString() ?? null };
    });
    return {
      id: row.id, procedure: row.procedure as ProcedureId, createdAt: row.created_at, status: row.status, by: options.by ?? '',
      appliances: JSON.parse(row.appliances) as Run['appliances'], variant: options.variant ?? null, packages: options.packages ?? [],
      waitHours: options.waitHours ?? null, windows: options.windows ?? [], before: options.before ?? {}, steps: out,
    };
  }

  /**
   * Completes a step with its evidence (audited): STEP_ORDER_VIOLATION when a required step is open or
   * the wait not over; a vault file must be in the vault; pasted Status › Basics text is read and
   * compared with what the plan expects (EVIDENCE_MISMATCH when a version differs or none is found).
   */
  complete(runId: string, stepId: string, evidence: EvidenceInput[] = [], note = ''): Run {
    return transaction(this.db, () => {
      const run = this.show(runId);
      const step = this.openStep(run, stepId);
      if (step.status === 'blocked') {
        const missing = step.requires.filter((r) => !this.stateOf(runId, r));
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" needs these steps first: ${missing.join(', ')}`, { step: stepId, requires: missing, reason: 'requires' });
      }
      if (step.status === 'waiting') {
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" is a wait that ends at ${step.waitUntil}`, { step: stepId, waitUntil: step.waitUntil, reason: 'wait' });
      }
      if (note.length > 2000) throw new FerryError('USAGE', 'A note has at most 2000 characters', { step: stepId, field: 'note' });
      const recorded = evidence.map((e) => this.evidenceFor(run, step, e));
      const proves = linkReadingProves(step);
      const needed: EvidenceKind[] = step.evidence.filter((k) => k !== 'confirm' && k !== 'timestamp');
      // A reading through the link stands in for pasted Status › Basics.
      if (proves === 'version' && needed.includes('pasted-basics')) needed.push('link-reading');
      // A sync of a linked appliance is shown by the appliance itself, not only confirmed.
      if (proves === 'sync' && step.appliances.some((name) => this.linked(name))) needed.push('link-reading');
      if (needed.length > 0 && !recorded.some((e) => needed.includes(e.kind))) {
        throw new FerryError('USAGE', `"${step.title.en}" needs evidence: ${needed.join(' or ')}`, { step: stepId, needs: needed, reason: 'evidence' });
      }
      this.record(runId, stepId, 'done', recorded, visible(note));
      this.audit.append({
        actor: 'user', action: 'runbook.stepDone', subject: runId,
        details: { step: stepId, evidence: recorded.map((e) => (e.kind === 'vault-file' ? `vault-file ${e.value}` : e.kind)) },
      });
      return this.finishIfDone(runId);
    });
  }

  /** Skips a step (audited); only with a reason, written down. */
  skip(runId: string, stepId: string, reason: string): Run {
    const why = reason.trim();
    if (why === '' || why.length > 500) throw new FerryError('USAGE', 'A step is skipped only with a reason (at most 500 characters)', { step: stepId, reason: 'skip-reason' });
    return transaction(this.db, () => {
      const step = this.openStep(this.show(runId), stepId);
      // Skipping is no way around a gate: only a step whose turn it is can be skipped.
      if (step.status === 'blocked') {
        const missing = step.requires.filter((r) => !this.stateOf(runId, r));
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" cannot be skipped before these steps: ${missing.join(', ')}`, { step: stepId, requires: missing, reason: 'requires' });
      }
      // The guide's first rule: back up before updating. A backup is taken (its file into the vault), never skipped.
      if (step.kind === 'backup') {
        throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" is a backup: it is done with its file in the vault, never skipped`, { step: stepId, reason: 'backup' });
      }
      this.record(runId, stepId, 'skipped', [], visible(why));
      this.audit.append({ actor: 'user', action: 'runbook.stepSkipped', subject: runId, details: { step: stepId, reason: why } });
      return this.finishIfDone(runId);
    });
  }

  /** The evidence as recorded, after its checks. */
  private evidenceFor(run: Run, step: RunStep, e: EvidenceInput): Evidence {
    if (e.kind === 'link-reading') return this.linkReading(run, step, e.value.trim());
    if (!step.evidence.includes(e.kind)) throw new FerryError('USAGE', `"${step.title.en}" does not take ${e.kind} as evidence (it takes ${step.evidence.join(', ') || 'none'})`, { step: step.id, kind: e.kind });
    if (e.kind === 'vault-file') {
      // A file as evidence is one Ferry holds. A backup is one taken into the vault for this run (not a
      // package, not an older backup); other steps may also name a verified package.
      const sha = e.value.trim().toLowerCase();
      const pkg = step.kind === 'backup' ? undefined : this.vault.repo.get(sha);
      if (pkg) return { kind: 'vault-file', value: sha, fileName: pkg.fileName };
      const file = this.vault.evidence(sha);
      if (step.kind === 'backup' && Date.parse(file.importedAt) < Date.parse(run.createdAt)) {
        throw new FerryError('STEP_ORDER_VIOLATION', `"${file.fileName}" came into the vault before this run began: take the backup for this run`, { step: step.id, reason: 'old-backup', importedAt: file.importedAt });
      }
      return { kind: 'vault-file', value: sha, fileName: file.fileName };
    }
    if (e.kind === 'pasted-basics') {
      const check = checkBasics(e.value, expectationFor(run, step));
      if (check.outcome === 'mismatch' || check.outcome === 'unreadable') {
        const want = Object.entries(check.expected).map(([k, v]) => `${k} ${v}`).join(', ');
        const read = Object.entries(check.read).map(([k, v]) => `${k} ${v}`).join(', ') || 'no version';
        throw new FerryError('EVIDENCE_MISMATCH', `The pasted Status › Basics shows ${read}; the plan expects ${want} after "${step.title.en}"`, {
          step: step.id, outcome: check.outcome, expected: check.expected, read: check.read,
        });
      }
      return { kind: 'pasted-basics', value: e.value, check };
    }
    if (e.kind === 'typed' && e.value.trim() === '') throw new FerryError('USAGE', 'A typed value is not empty', { step: step.id, kind: e.kind });
    if (e.kind === 'timestamp' && parseInstant(e.value) === null) throw new FerryError('USAGE', 'A timestamp is an ISO-8601 time with a zone', { step: step.id, kind: e.kind });
    return { kind: e.kind, value: e.kind === 'confirm' ? '' : visible(e.value.trim()) };
  }

  /**
   * A status reading through the appliance link as evidence: of one of the step's appliances, read
   * after the steps this one requires were done (or the run began) — then its version must be the one
   * the plan expects after the step, or its last data sync newer than those steps.
   */
  private linkReading(run: Run, step: RunStep, id: string): Evidence {
    const proves = linkReadingProves(step);
    if (proves === null) throw new FerryError('USAGE', `"${step.title.en}" does not take a reading through the appliance link`, { step: step.id, kind: 'link-reading' });
    const row = this.db.prepare('SELECT reading FROM appliance_readings WHERE id = ?').get(id) as { reading: string } | undefined;
    if (!row) throw new FerryError('USAGE', `No reading "${id.slice(0, 60)}" through the appliance link`, { step: step.id, kind: 'link-reading' });
    const r = JSON.parse(row.reading) as LinkReadingFacts & { errorMessage?: string | null };
    const after = readingMustFollow(run, step);
    const afterIso = new Date(after).toISOString();
    const expected = expectationFor(run, step);
    const unfit = judgeLinkReading(step, r, after, expected);
    if (unfit !== null) {
      const sync = r.lastDataSync;
      const why: Record<LinkReadingUnfit, [string, Record<string, unknown>]> = {
        'other-appliance': [`The reading is of "${r.name}", not of ${step.appliances.join(', ')}`, { appliance: r.name }],
        'reading-older': [`The reading of ${r.readAt} is older than the steps before "${step.title.en}" (${afterIso}): read the status again`, { readAt: r.readAt, after: afterIso }],
        'no-failover': [`"${r.name}" reports no failover relationship, so no data sync`, {}],
        'sync-failed': [`"${r.name}" reports ${r.success ? `the last sync as "${(sync?.status ?? '').slice(0, 80)}"` : `a problem: ${(r.errorMessage ?? '').slice(0, 120)}`}`, { status: (sync?.status ?? '').slice(0, 80), success: r.success }],
        'sync-in-future': [`"${r.name}" reports a sync after the moment it was read (${sync?.at}): its clock cannot be trusted for this`, {}],
        'sync-older': [`The last data sync (${sync?.at}) is older than the steps before "${step.title.en}" (${afterIso}): sync again, then read the status`, { syncAt: sync?.at, after: afterIso }],
        'base-not-readable': [`"${step.title.en}" checks the base version, which the appliance's API does not report: paste Status › Basics`, { expected }],
        version: [`"${r.name}" reports ${r.version ?? 'no version'}; the plan expects ${expected.site} after "${step.title.en}"`, { expected, read: { site: r.version } }],
      };
      const [message, details] = why[unfit];
      throw new FerryError('LINK_READING_UNFIT', message, { step: step.id, reason: unfit, ...details });
    }
    const reading = { name: r.name, readAt: r.readAt, version: r.version, failoverRole: r.failoverRole, success: r.success, lastDataSync: r.lastDataSync };
    return { kind: 'link-reading', value: id, reading: { ...reading, ...(proves === 'version' && expected.site !== undefined ? { expectedSite: expected.site } : {}) } };
  }

  private linked(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM appliance_links l JOIN appliances a ON a.id = l.appliance_id WHERE a.name = ?').get(name) !== undefined;
  }

  private openStep(run: Run, stepId: string): RunStep {
    if (run.status === 'done') throw new FerryError('STEP_ORDER_VIOLATION', 'This run is finished', { run: run.id, reason: 'finished' });
    const step = run.steps.find((s) => s.id === stepId);
    if (!step) throw new FerryError('USAGE', `The run has no step "${stepId.slice(0, 60)}"`, { step: stepId.slice(0, 60) });
    if (step.status === 'done' || step.status === 'skipped') throw new FerryError('STEP_ORDER_VIOLATION', `"${step.title.en}" is ${step.status} already`, { step: stepId, reason: 'already' });
    return step;
  }

  private stateOf(runId: string, stepId: string): boolean {
    return this.db.prepare('SELECT 1 FROM runbook_step_states WHERE run_id = ? AND step_id = ?').get(runId, stepId) !== undefined;
  }

  private record(runId: string, stepId: string, state: 'done' | 'skipped', evidence: Evidence[], note: string): void {
    this.db.prepare('INSERT INTO runbook_step_states (run_id, step_id, state, at, evidence, note, done_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(runId, stepId, state, this.now().toISOString(), JSON.stringify(evidence), note, this.user());
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

/**
 * A wait ends `waitHours` after the last of the steps it requires was done — or, for a wait that
 * requires none (the client follow-up's), after the run began; null for other steps.
 */
function waitEnd(step: InstantiatedStep, states: Map<string, StateRow>, createdAt: string): Date | null {
  if (step.kind !== 'wait' || step.waitHours === undefined) return null;
  const last = step.requires.length === 0 ? Date.parse(createdAt) : Math.max(0, ...step.requires.map((r) => Date.parse(states.get(r)?.at ?? '') || 0));
  if (!last) return null;
  return new Date(last + step.waitHours * 3_600_000);
}

/** Text a person typed, with direction overrides and other invisible format characters made visible (no "exe.nsb" spoofing). */
export function visible(text: string): string {
  return text.replace(/\p{Cf}/gu, '\uFFFD');
}
