/** The appliance inventory (restricted side): list, add, capture a download key, reveal it for copying. */
import { create } from 'zustand';
import type { Appliance, ApplianceInput } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt, type Attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';

/** Error sources of this store, so each form shows its own errors next to it. */
export const APPLIANCE_SOURCES = {
  add: 'appliance.add',
  /** One per appliance: a refused key shows under that appliance's capture form. */
  setKey: (id: string) => `appliance.setKey:${id}`,
  copy: (id: string) => `appliance.copy:${id}`,
  /** One per appliance: a refused correction shows next to that appliance's versions. */
  setVersions: (id: string) => `appliance.setVersions:${id}`,
  /** One per appliance: a refused take-over of a status reading's version shows under that reading. */
  takeVersion: (id: string) => `appliance.takeVersion:${id}`,
} as const;

interface ApplianceState {
  appliances: Appliance[];
  /** False until the first list arrived (the page then says "loading", not "none yet"). */
  loaded: boolean;
  load(): Promise<void>;
  add(input: ApplianceInput): Promise<Attempt<Appliance>>;
  /** Captures a new key; `applianceTime` (ISO) is the appliance's clock, compared with this computer's. */
  setKey(id: string, downloadKey: string, applianceTime: string | undefined): Promise<Attempt<Appliance>>;
  /** Corrects the versions the inventory holds (by hand, or taken from a status reading). */
  setVersions(id: string, base: string, siteVersion: string, source: 'hand' | 'link-reading'): Promise<Attempt<Appliance>>;
  /** The key in clear, only to put it on the clipboard; null when there is none or it failed. */
  revealKey(id: string): Promise<string | null>;
}

const inline = { inline: true };

export const useApplianceStore = create<ApplianceState>((set, get) => {
  const replace = (appliance: Appliance) =>
    set({ appliances: get().appliances.map((a) => (a.id === appliance.id ? appliance : a)) });
  return {
    appliances: [],
    loaded: false,
    async load() {
      await attempt('appliance.load', async () => set({ appliances: await unwrap(ferry().appliance.list()), loaded: true }));
    },
    async add(input) {
      // A new try: the last refusal (perhaps of another field) no longer applies.
      useErrorStore.getState().abandoned(APPLIANCE_SOURCES.add);
      return attempt(APPLIANCE_SOURCES.add, async () => {
        const added = await unwrap(ferry().appliance.add(input));
        // Listed again rather than inserted here: main owns the order (by name) and every key's age.
        set({ appliances: await unwrap(ferry().appliance.list()), loaded: true });
        return added;
      }, inline);
    },
    async setKey(id, downloadKey, applianceTime) {
      return attempt(APPLIANCE_SOURCES.setKey(id), async () => {
        const updated = await unwrap(ferry().appliance.setKey({ id, downloadKey, ...(applianceTime !== undefined ? { applianceTime } : {}) }));
        replace(updated);
        return updated;
      }, inline);
    },
    async setVersions(id, base, siteVersion, source) {
      const errorSource = source === 'hand' ? APPLIANCE_SOURCES.setVersions(id) : APPLIANCE_SOURCES.takeVersion(id);
      useErrorStore.getState().abandoned(errorSource);
      return attempt(errorSource, async () => {
        const updated = await unwrap(ferry().appliance.setVersions({ id, base, siteVersion, source }));
        replace(updated);
        return updated;
      }, inline);
    },
    async revealKey(id) {
      const r = await attempt(APPLIANCE_SOURCES.copy(id), async () => (await unwrap(ferry().appliance.revealKey({ id }))).downloadKey, inline);
      return r.ok ? r.value : null;
    },
  };
});
