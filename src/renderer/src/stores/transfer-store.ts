/**
 * The transfer page: the media Ferry may write to, and each step of both sides of the air gap —
 * restricted: write a request, verify and import a bundle; connected: open a request, identify the
 * downloads, write a bundle. Long steps are jobs: this store starts them and keeps their outcome;
 * their progress lives in the jobs store.
 */
import { create } from 'zustand';
import type {
  Appliance, BundleReport, CreatedBundle, CreatedRequest, FileHandle, FolderHandle, ImportReport, JobKind, JobResult, Medium, RequestView,
} from '../../../shared/contract.ts';
import { confirmedPackages, rowsFromScan, type PackageRow } from '../components/bundle-rows.ts';
import { ferry, IpcError, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';
import { useJobsStore, type FinishedJob } from './jobs-store.ts';

/** Error sources of this store: each step shows its own errors next to it. */
export const TRANSFER_SOURCES = {
  media: 'transfer.media',
  request: 'transfer.request',
  receive: 'transfer.receive',
  open: 'transfer.open',
  packages: 'transfer.packages',
  bundle: 'transfer.bundle',
} as const;

/** A long step: not started, running as a job, or how it ended. */
export type JobStep<R> =
  | { state: 'idle' }
  | { state: 'running'; jobId: string }
  | { state: 'done'; result: R }
  | { state: 'failed' }
  | { state: 'cancelled' };

/** What the bundle form holds besides the rows (texts as typed; checked when writing). */
export interface BundleOptions {
  /** Empty: what the medium allows. */
  maxSize: string;
  maxUnit: 'KiB' | 'MiB' | 'GiB';
  expiresInDays: string;
}

const IDLE = { state: 'idle' } as const;
let mediaListing: Promise<void> | null = null;
const inline = { inline: true };

/** Resolves with the job's end, whether it already ended (a fast job can beat its start's answer) or ends later. */
function jobEnd(jobId: string): Promise<FinishedJob> {
  return new Promise((resolve) => {
    const find = (finished: FinishedJob[]) => finished.find((f) => f.jobId === jobId);
    const now = find(useJobsStore.getState().finished);
    if (now) return resolve(now);
    const stop = useJobsStore.subscribe((s) => {
      const end = find(s.finished);
      if (end) {
        stop();
        resolve(end);
      }
    });
  });
}

/**
 * Runs a job started by `start` to its end, keeping the step in `set`: a failure goes to the error
 * queue under `source` with its code; a cancel is no error (the person asked for it).
 */
async function runJob<K extends JobKind>(source: string, kind: K, start: () => Promise<{ jobId: string }>, set: (step: JobStep<JobResult<K>>) => void): Promise<boolean> {
  const r = await attempt(source, async () => {
    const { jobId } = await start();
    set({ state: 'running', jobId });
    const end = await jobEnd(jobId);
    if (end.kind !== kind) throw new Error(`job ${jobId} is a ${end.kind} job, not ${kind}`);
    if (end.status === 'ok') set({ state: 'done', result: end.result as JobResult<K> });
    else if (end.status === 'cancelled') set({ state: 'cancelled' });
    else {
      set({ state: 'failed' });
      throw new IpcError(end.error);
    }
  }, inline);
  if (!r.ok) set({ state: 'failed' });
  return r.ok;
}

interface TransferState {
  media: Medium[] | null;
  /** The chosen medium by mount point: handles change with every listing. */
  mountPoint: string | null;
  appliances: Appliance[] | null;
  /** `latest` or a version typed by the person. */
  target: string;
  request: CreatedRequest | null;
  bundleFolder: FolderHandle | null;
  verify: JobStep<BundleReport>;
  importing: JobStep<ImportReport>;
  requestFile: FileHandle | null;
  opened: RequestView | null;
  /** Where the downloads are: a folder, or a ZIP archive of them (`kind`). */
  packagesFolder: (FolderHandle & { kind: 'folder' | 'archive' }) | null;
  rows: PackageRow[];
  /** A package catalog whose entries say what the packages require (optional; names never do). */
  requirements: FileHandle | null;
  options: BundleOptions;
  writing: JobStep<CreatedBundle>;
  loadMedia(): Promise<void>;
  chooseMedium(mountPoint: string): void;
  loadAppliances(): Promise<void>;
  setTarget(target: string): void;
  createRequest(): Promise<boolean>;
  chooseBundle(): Promise<void>;
  verifyBundle(): Promise<void>;
  importBundle(): Promise<void>;
  openRequest(): Promise<void>;
  /** Reads the opened request again (after its station was trusted here). */
  reopenRequest(): Promise<void>;
  /** Chooses the downloads: a folder, or a ZIP archive (read entry by entry, nothing unpacked yet). */
  choosePackages(kind?: 'folder' | 'archive'): Promise<void>;
  /** Chooses (or, with false, forgets) the package catalog the requirements come from. */
  chooseRequirements(choose: boolean): Promise<void>;
  editRow(file: string, patch: Partial<Pick<PackageRow, 'kind' | 'version' | 'name' | 'confirmed'>>): void;
  setOption<K extends keyof BundleOptions>(key: K, value: BundleOptions[K]): void;
  /** Writes the bundle with `maxFileSize` and `expiresInDays` already checked by the form. */
  createBundle(settings: { maxFileSize?: number; expiresInDays: number }): Promise<void>;
}

export const useTransferStore = create<TransferState>((set, get) => {
  const medium = () => get().media?.find((m) => m.mountPoint === get().mountPoint) ?? null;
  return {
    media: null,
    mountPoint: null,
    appliances: null,
    target: 'latest',
    request: null,
    bundleFolder: null,
    verify: IDLE,
    importing: IDLE,
    requestFile: null,
    opened: null,
    packagesFolder: null,
    requirements: null,
    rows: [],
    options: { maxSize: '', maxUnit: 'MiB', expiresInDays: '30' },
    writing: IDLE,
    async loadMedia() {
      // Two pickers on the page ask at once: one listing answers both.
      mediaListing ??= attempt(TRANSFER_SOURCES.media, async () => {
        const media = await unwrap(ferry().media.list());
        // The chosen medium stays chosen while it is there; otherwise the first (removable media come first).
        const kept = media.some((m) => m.mountPoint === get().mountPoint) ? get().mountPoint : (media[0]?.mountPoint ?? null);
        set({ media, mountPoint: kept });
      }, inline).then(() => { mediaListing = null; });
      await mediaListing;
    },
    chooseMedium(mountPoint) {
      set({ mountPoint });
    },
    async loadAppliances() {
      await attempt(TRANSFER_SOURCES.request, async () => set({ appliances: await unwrap(ferry().appliance.list()) }), inline);
    },
    setTarget(target) {
      set({ target });
    },
    async createRequest() {
      const m = medium();
      if (!m) return false;
      set({ request: null });
      const r = await attempt(TRANSFER_SOURCES.request, async () => {
        const target = get().target.trim();
        set({ request: await unwrap(ferry().request.create({ medium: m.handle, target: target === '' ? 'latest' : target })) });
      }, inline);
      return r.ok;
    },
    async chooseBundle() {
      const r = await attempt(TRANSFER_SOURCES.receive, () => unwrap(ferry().files.pickFolder({ purpose: 'bundle' })), inline);
      if (!r.ok || !r.value) return;
      set({ bundleFolder: r.value, verify: IDLE, importing: IDLE });
      await get().verifyBundle();
    },
    async verifyBundle() {
      const folder = get().bundleFolder;
      if (!folder) return;
      set({ importing: IDLE });
      await runJob(TRANSFER_SOURCES.receive, 'bundle-verify', () => unwrap(ferry().bundle.verify({ folder: folder.handle })), (verify) => set({ verify }));
    },
    async importBundle() {
      const folder = get().bundleFolder;
      if (!folder) return;
      await runJob(TRANSFER_SOURCES.receive, 'bundle-import', () => unwrap(ferry().bundle.import({ folder: folder.handle })), (importing) => set({ importing }));
    },
    async openRequest() {
      await attempt(TRANSFER_SOURCES.open, async () => {
        const file = await unwrap(ferry().files.pick({ purpose: 'request' }));
        if (!file) return;
        // Another file: what was shown for the last one no longer applies, even if this one is refused.
        set({ requestFile: null, opened: null, writing: IDLE });
        set({ requestFile: file, opened: await unwrap(ferry().request.open({ handle: file.handle })) });
      }, inline);
    },
    async reopenRequest() {
      const file = get().requestFile;
      if (!file) return;
      await attempt(TRANSFER_SOURCES.open, async () => set({ opened: await unwrap(ferry().request.open({ handle: file.handle })) }), inline);
    },
    async choosePackages(kind = 'folder') {
      await attempt(TRANSFER_SOURCES.packages, async () => {
        const chosen = kind === 'folder'
          ? await unwrap(ferry().files.pickFolder({ purpose: 'packages' }))
          : await unwrap(ferry().files.pick({ purpose: 'archive' }));
        if (!chosen) return;
        const files = await unwrap(ferry().bundle.scanPackages(kind === 'folder' ? { folder: chosen.handle } : { archive: chosen.handle }));
        set({ packagesFolder: { handle: chosen.handle, name: chosen.name, kind }, rows: rowsFromScan(files), writing: IDLE });
      }, inline);
    },
    async chooseRequirements(choose) {
      if (!choose) return void set({ requirements: null });
      await attempt(TRANSFER_SOURCES.packages, async () => {
        const file = await unwrap(ferry().files.pick({ purpose: 'catalog' }));
        if (file) set({ requirements: file, writing: IDLE });
      }, inline);
    },
    editRow(file, patch) {
      set((s) => ({ rows: s.rows.map((r) => (r.file === file ? { ...r, ...patch } : r)) }));
    },
    setOption(key, value) {
      set((s) => ({ options: { ...s.options, [key]: value } }));
    },
    async createBundle(settings) {
      const { requestFile, packagesFolder, rows, requirements } = get();
      const m = medium();
      if (!requestFile || !packagesFolder || !m) return;
      await runJob(TRANSFER_SOURCES.bundle, 'bundle-create', () => unwrap(ferry().bundle.create({
        request: requestFile.handle, ...(packagesFolder.kind === 'folder' ? { folder: packagesFolder.handle } : { archive: packagesFolder.handle }),
        medium: m.handle, packages: confirmedPackages(rows), ...(requirements ? { catalog: requirements.handle } : {}),
        expiresInDays: settings.expiresInDays, ...(settings.maxFileSize !== undefined ? { maxFileSize: settings.maxFileSize } : {}),
      })), (writing) => set({ writing }));
    },
  };
});

/** The medium chosen on the page, as last listed. */
export function useChosenMedium(): Medium | null {
  return useTransferStore((s) => s.media?.find((m) => m.mountPoint === s.mountPoint) ?? null);
}
