/** The audit log entries and the chain's verification. */
import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { useAppStore } from './app-store.ts';

interface AuditState {
  entries: AuditEntry[];
  verification: AuditVerification | null;
  loading: boolean;
  load(): Promise<void>;
}

export const useAuditStore = create<AuditState>((set) => ({
  entries: [],
  verification: null,
  loading: false,
  async load() {
    set({ loading: true });
    try {
      const [page, verification] = await Promise.all([unwrap(ferry().audit.list({ limit: 200 })), unwrap(ferry().audit.verify())]);
      set({ entries: page.entries, verification });
    } catch (error) {
      useAppStore.getState().showError(error);
    } finally {
      set({ loading: false });
    }
  },
}));
