/** This station's identity and the stations it trusts, with the trust flow's actions. */
import { create } from 'zustand';
import type { FileHandle, KeyPreview, KeySource, Station, TrustedStation, TrustResult } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt, type Attempt } from './attempt.ts';
import { useErrorStore } from './error-store.ts';

/** Error sources of this store, so forms can show their own errors next to them. */
export const STATION_SOURCES = { rename: 'station.rename', trust: 'station.trust', trusted: 'station.trusted' } as const;

/** A trust just confirmed: what main answered, and the name it had before if trusting again renamed it. */
export interface TrustNotice {
  station: TrustResult;
  before: string | null;
}

interface StationState {
  station: Station | null;
  trusted: TrustedStation[];
  /** The last trust confirmed; gone with the next action here (a rename or removal would make it stale). */
  lastTrust: TrustNotice | null;
  load(): Promise<void>;
  /** Whether the new name was saved. */
  rename(name: string): Promise<boolean>;
  /** Asks main to open the other station's key file; null when the person cancelled or it failed. */
  pickKeyFile(): Promise<FileHandle | null>;
  /** What a key or request says about itself (never its fingerprint); null when it is unreadable. */
  preview(source: KeySource): Promise<KeyPreview | null>;
  /** Trusts the key when `fingerprint` (as typed off the other screen) matches; the outcome says why not. */
  trust(source: KeySource, fingerprint: string, name: string): Promise<Attempt<TrustResult>>;
  renameTrusted(fingerprint: string, name: string): Promise<boolean>;
  removeTrusted(fingerprint: string): Promise<boolean>;
}

const inline = { inline: true };

export const useStationStore = create<StationState>((set, get) => {
  const reloadTrusted = async () => set({ trusted: await unwrap(ferry().station.listTrusted()) });
  // Every action starts by retiring the last "is now trusted": it speaks of the state before this action.
  const nextAction = () => { if (get().lastTrust) set({ lastTrust: null }); };
  return {
    station: null,
    trusted: [],
    lastTrust: null,
    async load() {
      nextAction();
      await attempt('station.load', async () => {
        const [station, trusted] = await Promise.all([unwrap(ferry().station.show()), unwrap(ferry().station.listTrusted())]);
        set({ station, trusted });
      });
    },
    async rename(name) {
      nextAction();
      const r = await attempt(STATION_SOURCES.rename, async () => set({ station: await unwrap(ferry().station.rename({ name })) }), inline);
      return r.ok;
    },
    async pickKeyFile() {
      nextAction();
      const r = await attempt(STATION_SOURCES.trust, () => unwrap(ferry().files.pick({ purpose: 'station-key' })), inline);
      return r.ok ? r.value : null;
    },
    async preview(source) {
      nextAction();
      const r = await attempt(STATION_SOURCES.trust, () => unwrap(ferry().station.previewKey({ source })), inline);
      return r.ok ? r.value : null;
    },
    async trust(source, fingerprint, name) {
      nextAction();
      // A new attempt: the refusal of the last one (another code, perhaps) no longer applies.
      useErrorStore.getState().abandoned(STATION_SOURCES.trust);
      return attempt(STATION_SOURCES.trust, async () => {
        const result = await unwrap(ferry().station.trust({ source, fingerprint, ...(name.trim() ? { name } : {}) }));
        const previous = get().trusted.find((s) => s.fingerprint === result.fingerprint);
        const before = result.alreadyTrusted && previous && previous.name !== result.name ? previous.name : null;
        await reloadTrusted();
        set({ lastTrust: { station: result, before } });
        return result;
      }, inline);
    },
    async renameTrusted(fingerprint, name) {
      nextAction();
      const r = await attempt(STATION_SOURCES.trusted, async () => {
        const renamed = await unwrap(ferry().station.renameTrusted({ fingerprint, name }));
        set({ trusted: get().trusted.map((s) => (s.fingerprint === fingerprint ? renamed : s)) });
      }, inline);
      return r.ok;
    },
    async removeTrusted(fingerprint) {
      nextAction();
      const r = await attempt(STATION_SOURCES.trusted, async () => {
        await unwrap(ferry().station.removeTrusted({ fingerprint }));
        await reloadTrusted();
      }, inline);
      return r.ok;
    },
  };
});
