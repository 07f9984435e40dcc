/** Running and finished jobs, fed by main's events through the bridge. */
import { create } from 'zustand';
import type { EventPayload, JobSummary } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';

/** A finished job as the UI keeps it. */
export type FinishedJob = EventPayload<'job:finished'>;

interface JobsState {
  running: Record<string, JobSummary>;
  finished: FinishedJob[];
  refresh(): Promise<void>;
  hashFile(): Promise<void>;
  cancel(jobId: string): Promise<void>;
  onProgress(p: EventPayload<'job:progress'>): void;
  onFinished(p: FinishedJob): void;
}

export const useJobsStore = create<JobsState>((set, get) => ({
  running: {},
  finished: [],
  async refresh() {
    const list = await unwrap(ferry().jobs.list());
    set({ running: Object.fromEntries(list.map((j) => [j.jobId, j])) });
  },
  async hashFile() {
    await attempt('jobs.hashFile', async () => {
      const file = await unwrap(ferry().files.pick());
      if (!file) return;
      const { jobId } = await unwrap(ferry().jobs.hashFile({ handle: file.handle }));
      set((s) => (s.finished.some((f) => f.jobId === jobId) ? s : {
        running: { ...s.running, [jobId]: s.running[jobId] ?? { jobId, kind: 'hash-file', label: file.name, phase: 'hashing', done: 0, total: file.size, overall: 0 } },
      }));
    });
  },
  async cancel(jobId) {
    await attempt('jobs.cancel', () => unwrap(ferry().jobs.cancel({ jobId })));
  },
  onProgress(p) {
    // A progress event can overtake nothing, but guard anyway: a finished job never comes back.
    if (get().finished.some((f) => f.jobId === p.jobId)) return;
    const label = get().running[p.jobId]?.label ?? '';
    set((s) => ({ running: { ...s.running, [p.jobId]: { ...p, label } } }));
  },
  onFinished(p) {
    set((s) => {
      const { [p.jobId]: _gone, ...running } = s.running;
      return { running, finished: [p, ...s.finished].slice(0, 20) };
    });
  },
}));
