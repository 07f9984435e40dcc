/**
 * The vault: its packages and free space, and what is done to a package — verified again or exported
 * for the upload on the appliance (jobs with progress, followed here until they end), or removed.
 */
import { create } from 'zustand';
import type { VaultPackage } from '../../../shared/contract.ts';
import { ferry, IpcError, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';
import { useJobsStore, type FinishedJob } from './jobs-store.ts';

/** The vault's job kinds: what a package row can be busy with. */
export type PackageJobKind = 'vault-verify' | 'vault-export';

/** Error sources of this store; per package, so each row shows its own errors. */
export const VAULT_SOURCES = {
  load: 'vault.load',
  job: (kind: PackageJobKind, sha256: string) => `${kind}:${sha256}`,
  remove: (sha256: string) => `vault.remove:${sha256}`,
} as const;

/** A job this page started for a package, and for an export the folder's name (to say where the file went). */
export interface PackageJob {
  jobId: string;
  kind: PackageJobKind;
  folder: string | null;
}

/** How a package's last job ended, for its row to say. */
export type PackageOutcome =
  | { status: 'verified' }
  | { status: 'exported'; file: string; folder: string }
  | { status: 'cancelled'; kind: PackageJobKind }
  | { status: 'failed'; kind: PackageJobKind };

interface VaultState {
  packages: VaultPackage[];
  freeBytes: number;
  totalBytes: number;
  loaded: boolean;
  /** Running jobs by package hash. */
  jobs: Record<string, PackageJob>;
  outcomes: Record<string, PackageOutcome>;
  load(): Promise<void>;
  reverify(sha256: string): Promise<void>;
  /** Asks for a folder, then copies the package there (checked while copying). */
  exportTo(sha256: string): Promise<void>;
  /** Whether it was removed (the page asked first). */
  remove(sha256: string): Promise<boolean>;
  onJobFinished(job: FinishedJob): void;
}

const inline = { inline: true };

export const useVaultStore = create<VaultState>((set, get) => {
  /** Follows a started job: the jobs list names it after the package from its first moment. */
  const track = (sha256: string, job: PackageJob) => {
    const entry = get().packages.find((p) => p.sha256 === sha256);
    set((s) => ({ jobs: { ...s.jobs, [sha256]: job }, outcomes: withoutKey(s.outcomes, sha256) }));
    const jobs = useJobsStore.getState();
    // A small file may be done before its start was answered: its end is already in.
    const ended = jobs.finished.find((f) => f.jobId === job.jobId);
    if (ended) {
      get().onJobFinished(ended);
      return;
    }
    if (!entry || jobs.running[job.jobId]?.label) return;
    const seen = jobs.running[job.jobId];
    const summary = seen ? { ...seen, label: entry.name }
      : job.kind === 'vault-verify'
        ? { jobId: job.jobId, kind: job.kind, phase: 'verifying' as const, label: entry.name, done: 0, total: entry.size, overall: 0 }
        : { jobId: job.jobId, kind: job.kind, phase: 'copying' as const, label: entry.name, done: 0, total: entry.size, overall: 0 };
    useJobsStore.setState((s) => ({ running: { ...s.running, [job.jobId]: summary } }));
  };
  return {
    packages: [],
    freeBytes: 0,
    totalBytes: 0,
    loaded: false,
    jobs: {},
    outcomes: {},
    async load() {
      await attempt(VAULT_SOURCES.load, async () => {
        const { packages, freeBytes, totalBytes } = await unwrap(ferry().vault.list());
        set({ packages, freeBytes, totalBytes, loaded: true });
      });
    },
    async reverify(sha256) {
      if (get().jobs[sha256]) return;
      await attempt(VAULT_SOURCES.job('vault-verify', sha256), async () => {
        const { jobId } = await unwrap(ferry().vault.reverify({ sha256 }));
        track(sha256, { jobId, kind: 'vault-verify', folder: null });
      }, inline);
    },
    async exportTo(sha256) {
      if (get().jobs[sha256]) return;
      await attempt(VAULT_SOURCES.job('vault-export', sha256), async () => {
        const folder = await unwrap(ferry().files.pickFolder({ purpose: 'any' }));
        if (!folder) return;
        const { jobId } = await unwrap(ferry().vault.export({ sha256, folder: folder.handle }));
        track(sha256, { jobId, kind: 'vault-export', folder: folder.name });
      }, inline);
    },
    async remove(sha256) {
      const r = await attempt(VAULT_SOURCES.remove(sha256), async () => {
        await unwrap(ferry().vault.remove({ sha256 }));
        set((s) => ({ packages: s.packages.filter((p) => p.sha256 !== sha256), outcomes: withoutKey(s.outcomes, sha256) }));
      }, inline);
      // The space it took is free again.
      if (r.ok) await get().load();
      return r.ok;
    },
    onJobFinished(job) {
      const sha256 = Object.keys(get().jobs).find((k) => get().jobs[k]!.jobId === job.jobId);
      if (sha256 === undefined || (job.kind !== 'vault-verify' && job.kind !== 'vault-export')) return;
      const started = get().jobs[sha256]!;
      let outcome: PackageOutcome;
      if (job.status === 'ok') {
        outcome = job.kind === 'vault-verify' ? { status: 'verified' } : { status: 'exported', file: job.result.name, folder: started.folder ?? '' };
      } else {
        outcome = { status: job.status, kind: job.kind };
        // A refusal (the file changed on disk, the folder is full) is an error with its code; a cancel is not.
        if (job.status === 'failed') useErrorStore.getState().report(VAULT_SOURCES.job(job.kind, sha256), new IpcError(job.error), inline);
      }
      if (job.status === 'ok') useErrorStore.getState().succeeded(VAULT_SOURCES.job(job.kind, sha256));
      set((s) => ({
        jobs: withoutKey(s.jobs, sha256),
        outcomes: { ...s.outcomes, [sha256]: outcome },
        // A fresh check: the verified time is main's, from the job's result.
        packages: job.status === 'ok' && job.kind === 'vault-verify' ? s.packages.map((p) => (p.sha256 === sha256 ? job.result : p)) : s.packages,
      }));
    },
  };
});

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

// Jobs end in main; the bridge feeds their end to the jobs store, and the vault follows the ones it started.
useJobsStore.subscribe((state, previous) => {
  if (state.finished === previous.finished) return;
  for (const job of state.finished) if (!previous.finished.includes(job)) useVaultStore.getState().onJobFinished(job);
});
