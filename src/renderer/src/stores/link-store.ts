/**
 * The appliance link (restricted side): each appliance's link to its documented read-only APIs and
 * its latest status reading, the certificate shown for the person to compare, linking with it
 * pinned, reading the status, and the settings backup into the vault (a job, followed here until it
 * ends). The API secret goes to main once and is never kept here.
 */
import { create } from 'zustand';
import type { ApplianceLinkInfo, PresentedCertificateInfo, StatusReadingInfo } from '../../../shared/contract.ts';
import { ferry, IpcError, unwrap } from '../ipc.ts';
import { attempt, type Attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';
import { useJobsStore, type FinishedJob } from './jobs-store.ts';

/** Error sources of this store, per appliance: each part of a row shows its own errors. */
export const LINK_SOURCES = {
  load: 'link.load',
  certificate: (id: string) => `link.certificate:${id}`,
  create: (id: string) => `link.create:${id}`,
  status: (id: string) => `link.status:${id}`,
  backup: (id: string) => `link.backup:${id}`,
  remove: (id: string) => `link.remove:${id}`,
} as const;

/** An appliance's link and its latest status reading (null before the first). */
export interface LinkEntry {
  link: ApplianceLinkInfo;
  latest: StatusReadingInfo | null;
}

/** What linking found out about the API account (main keeps it in the audit log only). */
export interface LinkedAccount {
  apiVersion: string | null;
  permissions: Record<string, string>;
}

/** How an appliance's last backup ended, for its row to say. */
export type BackupOutcome =
  | { status: 'ok'; sha256: string; size: number; name: string; protected: boolean }
  | { status: 'cancelled' }
  | { status: 'failed' };

/** What the person typed to link an appliance. */
export interface LinkInput {
  url: string;
  clientId: string;
  secret: string;
  pin: string;
}

interface LinkState {
  /** By appliance id. */
  links: Record<string, LinkEntry>;
  loaded: boolean;
  /** What the account may do, by appliance id, for appliances linked while this window lives. */
  accounts: Record<string, LinkedAccount>;
  /** Appliances whose status is being read. */
  reading: Record<string, true>;
  /** Running backups by appliance id. */
  backups: Record<string, { jobId: string; protected: boolean }>;
  outcomes: Record<string, BackupOutcome>;
  load(): Promise<void>;
  /** The certificate `url` presents now (nothing stored). */
  certificate(id: string, url: string): Promise<Attempt<PresentedCertificateInfo>>;
  /** Links with the confirmed certificate pinned; the secret is not kept. */
  create(id: string, input: LinkInput): Promise<Attempt<LinkedAccount>>;
  /** Whether the link was removed (its readings stay as evidence). */
  remove(id: string): Promise<boolean>;
  /** Whether a reading came. */
  readStatus(id: string): Promise<boolean>;
  /** Starts the settings backup; the password (if any) is sent to the appliance, never kept. Whether it started. */
  backup(id: string, password: string | undefined): Promise<boolean>;
  onJobFinished(job: FinishedJob): void;
}

const inline = { inline: true };

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

export const useLinkStore = create<LinkState>((set, get) => ({
  links: {},
  loaded: false,
  accounts: {},
  reading: {},
  backups: {},
  outcomes: {},
  async load() {
    await attempt(LINK_SOURCES.load, async () => {
      const list = await unwrap(ferry().link.list({}));
      set({ links: Object.fromEntries(list.map((e) => [e.link.applianceId, e])), loaded: true });
    });
  },
  async certificate(id, url) {
    // A new try: a refusal of the last address no longer applies.
    useErrorStore.getState().abandoned(LINK_SOURCES.create(id));
    return attempt(LINK_SOURCES.certificate(id), () => unwrap(ferry().link.certificate({ url })), inline);
  },
  async create(id, input) {
    return attempt(LINK_SOURCES.create(id), async () => {
      const r = await unwrap(ferry().link.create({ id, ...input }));
      const account = { apiVersion: r.apiVersion, permissions: r.permissions };
      // A new link: its earlier errors (a changed certificate, say) no longer apply.
      for (const source of [LINK_SOURCES.status(id), LINK_SOURCES.backup(id), LINK_SOURCES.certificate(id)]) useErrorStore.getState().succeeded(source);
      set((s) => ({
        links: { ...s.links, [id]: { link: r.link, latest: s.links[id]?.latest ?? null } },
        accounts: { ...s.accounts, [id]: account },
      }));
      return account;
    }, inline);
  },
  async remove(id) {
    const r = await attempt(LINK_SOURCES.remove(id), async () => {
      await unwrap(ferry().link.remove({ id }));
      for (const source of [LINK_SOURCES.status(id), LINK_SOURCES.backup(id)]) useErrorStore.getState().abandoned(source);
      set((s) => ({ links: without(s.links, id), accounts: without(s.accounts, id), outcomes: without(s.outcomes, id) }));
    }, inline);
    return r.ok;
  },
  async readStatus(id) {
    if (get().reading[id]) return false;
    set((s) => ({ reading: { ...s.reading, [id]: true } }));
    const r = await attempt(LINK_SOURCES.status(id), async () => {
      const latest = await unwrap(ferry().link.status({ id }));
      set((s) => (s.links[id] ? { links: { ...s.links, [id]: { ...s.links[id], latest } } } : s));
    }, inline);
    set((s) => ({ reading: without(s.reading, id) }));
    return r.ok;
  },
  async backup(id, password) {
    if (get().backups[id]) return false;
    const r = await attempt(LINK_SOURCES.backup(id), async () => {
      const { jobId } = await unwrap(ferry().link.backup({ id, ...(password ? { password } : {}) }));
      set((s) => ({ backups: { ...s.backups, [id]: { jobId, protected: Boolean(password) } }, outcomes: without(s.outcomes, id) }));
      // A small backup may be done before its start was answered: its end is already in.
      const ended = useJobsStore.getState().finished.find((f) => f.jobId === jobId);
      if (ended) get().onJobFinished(ended);
    }, inline);
    return r.ok;
  },
  onJobFinished(job) {
    if (job.kind !== 'link-backup') return;
    const id = Object.keys(get().backups).find((k) => get().backups[k]!.jobId === job.jobId);
    if (id === undefined) return;
    const started = get().backups[id]!;
    const source = LINK_SOURCES.backup(id);
    let outcome: BackupOutcome;
    if (job.status === 'ok') {
      outcome = { status: 'ok', ...job.result, protected: started.protected };
      useErrorStore.getState().succeeded(source);
    } else {
      outcome = { status: job.status };
      // A refusal (permission, certificate, a full disk) is an error with its code; a cancel is not.
      if (job.status === 'failed') useErrorStore.getState().report(source, new IpcError(job.error), inline);
    }
    set((s) => ({ backups: without(s.backups, id), outcomes: { ...s.outcomes, [id]: outcome } }));
  },
}));

// Jobs end in main; the bridge feeds their end to the jobs store, and the link store follows its backups.
useJobsStore.subscribe((state, previous) => {
  if (state.finished === previous.finished) return;
  for (const job of state.finished) if (!previous.finished.includes(job)) useLinkStore.getState().onJobFinished(job);
});
