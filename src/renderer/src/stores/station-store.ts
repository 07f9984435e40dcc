/** This station's identity as main reports it. */
import { create } from 'zustand';
import type { Station, TrustedStation } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { useAppStore } from './app-store.ts';

interface StationState {
  station: Station | null;
  trusted: TrustedStation[];
  load(): Promise<void>;
  rename(name: string): Promise<boolean>;
}

export const useStationStore = create<StationState>((set) => ({
  station: null,
  trusted: [],
  async load() {
    try {
      const [station, trusted] = await Promise.all([unwrap(ferry().station.show()), unwrap(ferry().station.listTrusted())]);
      set({ station, trusted });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  async rename(name) {
    try {
      set({ station: await unwrap(ferry().station.rename({ name })) });
      return true;
    } catch (error) {
      useAppStore.getState().showError(error);
      return false;
    }
  },
}));
