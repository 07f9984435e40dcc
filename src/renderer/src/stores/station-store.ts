/** This station's identity and the stations it trusts, with the trust flow's actions. */
import { create } from 'zustand';
import type { FileHandle, KeyPreview, KeySource, Station, TrustedStation } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';

/** Error sources of this store, so forms can show their own errors next to them. */
export const STATION_SOURCES = { rename: 'station.rename', trust: 'station.trust', trusted: 'station.trusted' } as const;

interface StationState {
  station: Station | null;
  trusted: TrustedStation[];
  load(): Promise<void>;
  /** Whether the new name was saved. */
  rename(name: string): Promise<boolean>;
  /** Asks main to open the other station's key file; null when the person cancelled or it failed. */
  pickKeyFile(): Promise<FileHandle | null>;
  /** What a key or request says about itself (never its fingerprint); null when it is unreadable. */
  preview(source: KeySource): Promise<KeyPreview | null>;
  /** Trusts the key when `fingerprint` (as typed off the other screen) matches; null when refused. */
  trust(source: KeySource, fingerprint: string, name: string): Promise<TrustedStation | null>;
  renameTrusted(fingerprint: string, name: string): Promise<boolean>;
  removeTrusted(fingerprint: string): Promise<boolean>;
}

const inline = { inline: true };

export const useStationStore = create<StationState>((set, get) => {
  const reloadTrusted = async () => set({ trusted: await unwrap(ferry().station.listTrusted()) });
  return {
    station: null,
    trusted: [],
    async load() {
      await attempt('station.load', async () => {
        const [station, trusted] = await Promise.all([unwrap(ferry().station.show()), unwrap(ferry().station.listTrusted())]);
        set({ station, trusted });
      });
    },
    async rename(name) {
      const r = await attempt(STATION_SOURCES.rename, async () => set({ station: await unwrap(ferry().station.rename({ name })) }), inline);
      return r.ok;
    },
    async pickKeyFile() {
      const r = await attempt(STATION_SOURCES.trust, () => unwrap(ferry().files.pick({ purpose: 'station-key' })), inline);
      return r.ok ? r.value : null;
    },
    async preview(source) {
      const r = await attempt(STATION_SOURCES.trust, () => unwrap(ferry().station.previewKey({ source })), inline);
      return r.ok ? r.value : null;
    },
    async trust(source, fingerprint, name) {
      const r = await attempt(STATION_SOURCES.trust, async () => {
        const trusted = await unwrap(ferry().station.trust({ source, fingerprint, ...(name.trim() ? { name } : {}) }));
        await reloadTrusted();
        return trusted;
      }, inline);
      return r.ok ? r.value : null;
    },
    async renameTrusted(fingerprint, name) {
      const r = await attempt(STATION_SOURCES.trusted, async () => {
        const renamed = await unwrap(ferry().station.renameTrusted({ fingerprint, name }));
        set({ trusted: get().trusted.map((s) => (s.fingerprint === fingerprint ? renamed : s)) });
      }, inline);
      return r.ok;
    },
    async removeTrusted(fingerprint) {
      const r = await attempt(STATION_SOURCES.trusted, async () => {
        await unwrap(ferry().station.removeTrusted({ fingerprint }));
        await reloadTrusted();
      }, inline);
      return r.ok;
    },
  };
});
