/**
 * Runbook runs as the page shows them: every run (main holds them; a restart loses nothing), the one
 * opened, and what is done to its steps — completed with evidence, skipped with a reason, a file taken
 * into the vault as evidence (a job with progress) — plus the report and the calendar.
 */
import { create } from 'zustand';
import type { EvidenceKind } from '../../../shared/runbooks/types.ts';
import type { Language, Run } from '../../../shared/contract.ts';
import type { z } from 'zod';
import type { RunStartSchema } from '../../../shared/contract/runbook.ts';
import { ferry, IpcError, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';
import { useJobsStore, type FinishedJob } from './jobs-store.ts';

/** Error sources of this store. */
export const RUNBOOK_SOURCES = {
  load: 'runbook.load',
  start: 'runbook.start',
  step: (stepId: string) => `runbook.step:${stepId}`,
  evidence: (stepId: string) => `runbook.evidence:${stepId}`,
  link: (stepId: string) => `runbook.link:${stepId}`,
  save: 'runbook.save',
} as const;

/** A file taken into the vault for a step: while it is copied, and once it is in. */
export type EvidenceFile =
  | { state: 'copying'; jobId: string }
  | { state: 'ready'; sha256: string; name: string; size: number };

/** What was saved last (report or calendar), for the page to say where. */
export interface Saved {
  kind: 'html' | 'pdf' | 'ics';
  file: string;
  sha256?: string;
}

interface RunbookState {
  runs: Run[];
  loaded: boolean;
  /** The run shown, or null for the list (and the form to start one). */
  openId: string | null;
  /** Evidence files by `<run id>:<step id>` (kept when the run is closed and opened again). */
  files: Record<string, EvidenceFile>;
  saved: Saved | null;
  busy: boolean;
  load(): Promise<void>;
  open(id: string | null): void;
  start(input: z.input<typeof RunStartSchema>): Promise<boolean>;
  complete(stepId: string, evidence: { kind: EvidenceKind; value: string }[], note: string): Promise<boolean>;
  skip(stepId: string, reason: string): Promise<boolean>;
  chooseEvidence(runId: string, stepId: string): Promise<void>;
  saveReport(format: 'html' | 'pdf', language: Language): Promise<void>;
  saveCalendar(language: Language): Promise<void>;
  onJobFinished(job: FinishedJob): void;
}

const inline = { inline: true };

export const useRunbookStore = create<RunbookState>((set, get) => {
  const replace = (run: Run) => set((s) => ({ runs: s.runs.some((r) => r.id === run.id) ? s.runs.map((r) => (r.id === run.id ? run : r)) : [run, ...s.runs] }));
  const openRun = () => get().runs.find((r) => r.id === get().openId) ?? null;
  return {
    runs: [],
    loaded: false,
    openId: null,
    files: {},
    saved: null,
    busy: false,
    async load() {
      await attempt(RUNBOOK_SOURCES.load, async () => {
        const runs = await unwrap(ferry().runbook.list({}));
        set({ runs, loaded: true });
      });
    },
    open(id) {
      set({ openId: id, saved: null });
    },
    async start(input) {
      if (get().busy) return false;
      set({ busy: true });
      const r = await attempt(RUNBOOK_SOURCES.start, async () => {
        const run = await unwrap(ferry().runbook.start(input));
        replace(run);
        set({ openId: run.id, saved: null });
      }, inline);
      set({ busy: false });
      return r.ok;
    },
    async complete(stepId, evidence, note) {
      const run = openRun();
      if (!run || get().busy) return false;
      set({ busy: true });
      const r = await attempt(RUNBOOK_SOURCES.step(stepId), async () => replace(await unwrap(ferry().runbook.complete({ runId: run.id, stepId, evidence, note }))), inline);
      set({ busy: false });
      // Refused for its order: another window or the command line may have moved the run on.
      if (!r.ok && r.error.code === 'STEP_ORDER_VIOLATION') await get().load();
      return r.ok;
    },
    async skip(stepId, reason) {
      const run = openRun();
      if (!run || get().busy) return false;
      set({ busy: true });
      const r = await attempt(RUNBOOK_SOURCES.step(stepId), async () => replace(await unwrap(ferry().runbook.skip({ runId: run.id, stepId, reason }))), inline);
      set({ busy: false });
      return r.ok;
    },
    async chooseEvidence(runId, stepId) {
      const key = `${runId}:${stepId}`;
      await attempt(RUNBOOK_SOURCES.evidence(stepId), async () => {
        const file = await unwrap(ferry().files.pick({ purpose: 'evidence' }));
        if (!file) return;
        const { jobId } = await unwrap(ferry().runbook.importEvidence({ file: file.handle }));
        set((s) => ({ files: { ...s.files, [key]: { state: 'copying', jobId } } }));
        const ended = useJobsStore.getState().finished.find((f) => f.jobId === jobId);
        if (ended) get().onJobFinished(ended);
      }, inline);
    },
    async saveReport(format, language) {
      const run = openRun();
      if (!run) return;
      await attempt(RUNBOOK_SOURCES.save, async () => {
        const target = await unwrap(ferry().files.pickSaveTarget({ purpose: format === 'html' ? 'report-html' : 'report-pdf', defaultName: `ferry-run-${run.id.slice(0, 8)}-${language}.${format}` }));
        if (!target) return;
        const { file, sha256 } = await unwrap(ferry().runbook.saveReport({ runId: run.id, language, format, saveTarget: target.handle }));
        set({ saved: { kind: format, file, sha256 } });
      }, inline);
    },
    async saveCalendar(language) {
      const run = openRun();
      if (!run) return;
      await attempt(RUNBOOK_SOURCES.save, async () => {
        const target = await unwrap(ferry().files.pickSaveTarget({ purpose: 'calendar', defaultName: `ferry-run-${run.id.slice(0, 8)}.ics` }));
        if (!target) return;
        const { file } = await unwrap(ferry().runbook.saveCalendar({ runId: run.id, language, saveTarget: target.handle }));
        set({ saved: { kind: 'ics', file } });
      }, inline);
    },
    onJobFinished(job) {
      if (job.kind !== 'evidence-import') return;
      const key = Object.keys(get().files).find((k) => { const f = get().files[k]!; return f.state === 'copying' && f.jobId === job.jobId; });
      if (key === undefined) return;
      const stepId = key.slice(key.indexOf(':') + 1);
      if (job.status === 'ok') {
        useErrorStore.getState().succeeded(RUNBOOK_SOURCES.evidence(stepId));
        set((s) => ({ files: { ...s.files, [key]: { state: 'ready', sha256: job.result.sha256, name: job.result.name, size: job.result.size } } }));
        return;
      }
      if (job.status === 'failed') useErrorStore.getState().report(RUNBOOK_SOURCES.evidence(stepId), new IpcError(job.error), inline);
      set((s) => {
        const { [key]: _gone, ...rest } = s.files;
        return { files: rest };
      });
    },
  };
});

// Evidence files are copied by jobs; the store follows the ones it started.
useJobsStore.subscribe((state, previous) => {
  if (state.finished === previous.finished) return;
  for (const job of state.finished) if (!previous.finished.includes(job)) useRunbookStore.getState().onJobFinished(job);
});
