/** The audit log as a reviewer reads it: one page of entries under a filter, the actions present, and the chain check. */
import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';
import { auditQuery, NO_FILTER, type AuditFilter } from './audit-query.ts';

interface AuditState {
  entries: AuditEntry[];
  /** Entries matching the filter, and in the whole log. */
  matching: number;
  total: number;
  offset: number;
  limit: number;
  filter: AuditFilter;
  actions: string[];
  verification: AuditVerification | null;
  loading: boolean;
  verifying: boolean;
  /** Loads the current page (and the actions for the filter). */
  load(): Promise<void>;
  verify(): Promise<void>;
  setFilter(patch: Partial<AuditFilter>): Promise<void>;
  goTo(offset: number): Promise<void>;
  setLimit(limit: number): Promise<void>;
}

// Clicking through pages quickly must not let an older answer overwrite a newer one.
let latest = 0;

export const useAuditStore = create<AuditState>((set, get) => ({
  entries: [],
  matching: 0,
  total: 0,
  offset: 0,
  limit: 100,
  filter: NO_FILTER,
  actions: [],
  verification: null,
  loading: false,
  verifying: false,
  async load() {
    const ticket = ++latest;
    const { filter, offset, limit } = get();
    set({ loading: true });
    await attempt('audit.list', async () => {
      const [page, actions] = await Promise.all([unwrap(ferry().audit.list(auditQuery(filter, offset, limit))), unwrap(ferry().audit.actions())]);
      if (ticket === latest) set({ entries: page.entries, matching: page.matching, total: page.total, actions });
    });
    if (ticket === latest) set({ loading: false });
  },
  async verify() {
    set({ verifying: true });
    await attempt('audit.verify', async () => set({ verification: await unwrap(ferry().audit.verify()) }));
    set({ verifying: false });
  },
  async setFilter(patch) {
    set({ filter: { ...get().filter, ...patch }, offset: 0 });
    await get().load();
  },
  async goTo(offset) {
    set({ offset: Math.max(0, offset) });
    await get().load();
  },
  async setLimit(limit) {
    // Keep the first entry shown on screen: start the new page at the page that contains it.
    set({ limit, offset: Math.floor(get().offset / limit) * limit });
    await get().load();
  },
}));
