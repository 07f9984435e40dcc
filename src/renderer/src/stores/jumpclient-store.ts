/**
 * The Jump Clients page: when the upgrade finished (typed, or taken from a run's install step), the
 * list chosen (a handle) or read from a linked appliance, the check's result with the inputs it was
 * made for, the columns the person must map when Ferry could not tell, and the stragglers list saved
 * for the helpdesk (from a file's check only: the save reads the file again).
 */
import { create } from 'zustand';
import type { FileHandle, JumpClientCheck, Language, Run } from '../../../shared/contract.ts';
import { parseLocalOrInstant } from '../../../shared/instant.ts';
import { CLIENT_FIELDS, type ColumnMapping } from '../../../shared/jumpclients/columns.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';

/** Error sources of this store. */
export const JUMPCLIENT_SOURCES = { check: 'jumpclients.check', save: 'jumpclients.save' } as const;

/** Where the list comes from: a file exported from the console, or the appliance through its link. */
export type ListSource = 'file' | 'appliance';

/** A check of the list read from the appliance: no headers, mapping or delimiter. */
export type FetchedCheck = Pick<JumpClientCheck, 'total' | 'upgraded' | 'notUpgraded' | 'counts'>;

/** A list whose columns Ferry could not tell (CSV_UNRECOGNISED, reason `columns`): its headers and what was found. */
export interface Unrecognised {
  headers: string[];
  found: ColumnMapping;
}

/** What a shown result was checked with: for a file, the same inputs save the stragglers. */
type Checked =
  | { source: 'file'; file: string; since: string; mapping?: Partial<ColumnMapping> }
  | { source: 'appliance'; applianceId: string; since: string };

/** How a check ended, for the page to move the focus. */
export type CheckOutcome = 'result' | 'unrecognised' | 'failed';

interface JumpClientState {
  /** When the upgrade finished, as the datetime-local field holds it (this computer's local time). */
  since: string;
  /** The run the time was taken from (null: typed). */
  fromRun: string | null;
  source: ListSource;
  file: FileHandle | null;
  /** The linked appliance to read the list from. */
  applianceId: string | null;
  result: JumpClientCheck | FetchedCheck | null;
  checked: Checked | null;
  unrecognised: Unrecognised | null;
  saved: { file: string; count: number } | null;
  busy: boolean;
  setSince(value: string, fromRun?: string | null): void;
  chooseFile(): Promise<void>;
  setSource(source: ListSource): void;
  setAppliance(id: string | null): void;
  /** Checks the list (from the file or the appliance); `mapping` is the person's (only what they changed), remembered by main. */
  check(mapping?: Partial<ColumnMapping>): Promise<CheckOutcome>;
  save(language: Language): Promise<boolean>;
}

const inline = { inline: true };

/** `YYYY-MM-DDTHH:mm` in local time for a datetime-local field, rounded up to the minute (never before the instant). */
export function localInput(iso: string): string {
  const d = new Date(iso);
  if (d.getSeconds() !== 0 || d.getMilliseconds() !== 0) d.setSeconds(60, 0);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The field's local time as ISO-8601 with a zone (what the channel takes), or null while incomplete. */
export function sinceIso(local: string): string | null {
  return parseLocalOrInstant(local)?.toISOString() ?? null;
}

/** When a run's last install step was done, or null when none is. */
export function installFinished(run: Run): string | null {
  const done = run.steps.filter((s) => s.kind === 'install' && s.status === 'done' && s.at !== null).map((s) => s.at!);
  return done.length === 0 ? null : done.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** The fields the person changed against what was shown: what main is to remember. */
export function changedMapping(shown: ColumnMapping, chosen: ColumnMapping): Partial<ColumnMapping> {
  return Object.fromEntries(CLIENT_FIELDS.filter((f) => shown[f] !== chosen[f]).map((f) => [f, chosen[f]]));
}

/** The error's headers when the list's columns could not be told apart, else null. */
function unrecognisedOf(error: { code: string; details?: Record<string, unknown> | undefined }): Unrecognised | null {
  const d = error.details;
  if (error.code !== 'CSV_UNRECOGNISED' || d?.reason !== 'columns' || !Array.isArray(d.headers)) return null;
  const found = (d.found ?? {}) as Partial<ColumnMapping>;
  return { headers: d.headers.map(String), found: { name: found.name ?? null, status: found.status ?? null, details: found.details ?? null, lastSeen: found.lastSeen ?? null } };
}

export const useJumpClientStore = create<JumpClientState>((set, get) => ({
  since: '',
  fromRun: null,
  source: 'file',
  file: null,
  applianceId: null,
  result: null,
  checked: null,
  unrecognised: null,
  saved: null,
  busy: false,
  setSince(value, fromRun = null) {
    set({ since: value, fromRun });
  },
  async chooseFile() {
    await attempt(JUMPCLIENT_SOURCES.check, async () => {
      const file = await unwrap(ferry().files.pick({ purpose: 'jump-client-list' }));
      if (file) set({ file, unrecognised: null, saved: null });
    }, inline);
  },
  setSource(source) {
    set({ source, unrecognised: null });
  },
  setAppliance(applianceId) {
    set({ applianceId });
  },
  async check(mapping) {
    const s = get();
    const since = sinceIso(s.since);
    if (since === null || s.busy) return 'failed';
    if (s.source === 'appliance') {
      const applianceId = s.applianceId;
      if (applianceId === null) return 'failed';
      set({ busy: true });
      const r = await attempt(JUMPCLIENT_SOURCES.check, async () => {
        const result = await unwrap(ferry().link.jumpClients({ id: applianceId, since }));
        set({ result, checked: { source: 'appliance', applianceId, since }, unrecognised: null, saved: null });
      }, inline);
      set({ busy: false });
      return r.ok ? 'result' : 'failed';
    }
    if (!s.file) return 'failed';
    const file = s.file.handle;
    set({ busy: true });
    const r = await attempt(JUMPCLIENT_SOURCES.check, async () => {
      const result = await unwrap(ferry().jumpclients.check({ file, since, ...(mapping ? { mapping } : {}) }));
      set({ result, checked: { source: 'file', file, since, ...(mapping ? { mapping } : {}) }, unrecognised: null, saved: null });
    }, inline);
    set({ busy: false });
    if (r.ok) return 'result';
    const unrecognised = unrecognisedOf(r.error);
    if (unrecognised === null) return 'failed';
    set({ unrecognised, result: null, checked: null, saved: null });
    return 'unrecognised';
  },
  async save(language) {
    const { checked, busy } = get();
    if (checked?.source !== 'file' || busy) return false;
    const { source: _file, ...input } = checked;
    set({ busy: true, saved: null });
    const r = await attempt(JUMPCLIENT_SOURCES.save, async () => {
      const target = await unwrap(ferry().files.pickSaveTarget({ purpose: 'stragglers', defaultName: 'jump-clients-not-upgraded.csv' }));
      if (!target) return;
      set({ saved: await unwrap(ferry().jumpclients.saveStragglers({ ...input, language, saveTarget: target.handle })) });
    }, inline);
    set({ busy: false });
    return r.ok && get().saved !== null;
  },
}));

/** Whether the shown result still belongs to the source (list or appliance) and the time on the form. */
export function isOutdated(s: Pick<JumpClientState, 'source' | 'file' | 'applianceId' | 'since' | 'checked'>): boolean {
  const c = s.checked;
  if (c === null) return false;
  if (c.since !== sinceIso(s.since) || c.source !== s.source) return true;
  return c.source === 'file' ? c.file !== s.file?.handle : c.applianceId !== s.applianceId;
}
