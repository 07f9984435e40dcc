/** This station's identity as main reports it. */
import { create } from 'zustand';
import type { Station } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { useAppStore } from './app-store.ts';

interface StationState {
  station: Station | null;
  load(): Promise<void>;
  rename(name: string): Promise<boolean>;
}

export const useStationStore = create<StationState>((set) => ({
  station: null,
  async load() {
    try {
      set({ station: await unwrap(ferry().station.show()) });
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
