/**
 * The certificates page: the files chosen (handles), the passphrase that opens them (kept only in this
 * window's memory, never sent anywhere but to main for the one call), the host names to check, the
 * inspection, and the export written for the new appliance.
 */
import { create } from 'zustand';
import type { CertInspection, FileHandle } from '../../../shared/contract.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';

export const CERT_SOURCES = { inspect: 'cert.inspect', export: 'cert.export' } as const;

interface CertState {
  files: FileHandle[];
  passphrase: string;
  hosts: string;
  result: CertInspection | null;
  /** The inputs the result belongs to (files, hosts): a change since makes it outdated. */
  inspectedFor: string | null;
  exported: { file: string; sha256: string; certificates: number; readme?: string } | null;
  busy: boolean;
  chooseFiles(): Promise<void>;
  setPassphrase(value: string): void;
  setHosts(value: string): void;
  inspect(): Promise<boolean>;
  exportTo(outPassphrase: string, format: 'pkcs12' | 'pem', compat: boolean): Promise<boolean>;
  /** The same export onto a medium (a handle from `media:list`), with its README. */
  exportToMedium(outPassphrase: string, format: 'pkcs12' | 'pem', compat: boolean, medium: string): Promise<boolean>;
}

const inline = { inline: true };

/** The host names typed, one per line or separated by commas or spaces. */
export function hostList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((h) => h.trim()).filter((h) => h !== ''))];
}

const keyOf = (s: Pick<CertState, 'files' | 'hosts'>) => JSON.stringify([s.files.map((f) => f.handle), hostList(s.hosts)]);

export const useCertStore = create<CertState>((set, get) => ({
  files: [],
  passphrase: '',
  hosts: '',
  result: null,
  inspectedFor: null,
  exported: null,
  busy: false,
  async chooseFiles() {
    await attempt(CERT_SOURCES.inspect, async () => {
      const files = await unwrap(ferry().files.pickMany({ purpose: 'certificate' }));
      if (files.length > 0) set({ files, result: null, inspectedFor: null, exported: null });
    }, inline);
  },
  setPassphrase(value) {
    set({ passphrase: value });
  },
  setHosts(value) {
    set({ hosts: value });
  },
  async inspect() {
    const s = get();
    if (s.files.length === 0 || s.busy) return false;
    set({ busy: true });
    const r = await attempt(CERT_SOURCES.inspect, async () => {
      const result = await unwrap(ferry().cert.inspect({ files: s.files.map((f) => f.handle), hosts: hostList(s.hosts), ...(s.passphrase !== '' ? { passphrase: s.passphrase } : {}) }));
      set({ result, inspectedFor: keyOf(s), exported: null });
    }, inline);
    set({ busy: false });
    return r.ok;
  },
  async exportTo(outPassphrase, format, compat) {
    const s = get();
    if (s.files.length === 0 || s.busy) return false;
    set({ busy: true });
    const leafName = s.result?.chain[0]?.subject.match(/CN=([^,]+)/)?.[1]?.replace(/[^\w.-]+/g, '_') ?? 'certificate';
    const r = await attempt(CERT_SOURCES.export, async () => {
      const target = await unwrap(ferry().files.pickSaveTarget({ purpose: 'cert-export', defaultName: `${leafName}.${format === 'pem' ? 'pem' : 'p12'}` }));
      if (!target) return;
      const exported = await unwrap(ferry().cert.export({
        files: s.files.map((f) => f.handle), outPassphrase, format, compat, saveTarget: target.handle,
        ...(s.passphrase !== '' ? { passphrase: s.passphrase } : {}),
      }));
      set({ exported });
    }, inline);
    set({ busy: false });
    return r.ok && get().exported !== null;
  },
  async exportToMedium(outPassphrase, format, compat, medium) {
    const s = get();
    if (s.files.length === 0 || s.busy) return false;
    set({ busy: true, exported: null });
    const r = await attempt(CERT_SOURCES.export, async () => {
      const exported = await unwrap(ferry().cert.exportToMedium({
        files: s.files.map((f) => f.handle), outPassphrase, format, compat, medium,
        ...(s.passphrase !== '' ? { passphrase: s.passphrase } : {}),
      }));
      set({ exported });
    }, inline);
    set({ busy: false });
    return r.ok;
  },
}));

/** Whether the shown result still belongs to the files and hosts on the form. */
export function isOutdated(s: Pick<CertState, 'files' | 'hosts' | 'inspectedFor'>): boolean {
  return s.inspectedFor !== null && s.inspectedFor !== keyOf(s);
}
