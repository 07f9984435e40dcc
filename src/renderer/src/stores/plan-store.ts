/** The plan page: the opened catalog, the appliance's versions and options, and the last result. */
import { create } from 'zustand';
import type { CatalogInfo } from '../../../shared/contract.ts';
import type { ClientStrategy, PlanResult } from '../../../shared/planner/types.ts';
import { isVersion } from '../../../shared/versions.ts';
import { parseWindow, type MaintenanceWindow } from '../../../shared/planner/windows.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from './attempt.ts';

/** What the person entered. */
export interface PlanForm {
  base: string;
  site: string;
  target: string;
  targetBase: string;
  waitHours: string;
  clientStrategy: ClientStrategy;
  storedDataGiB: string;
  /** Local date-time (`YYYY-MM-DDTHH:mm`) of the first install, or empty. */
  startAt: string;
  /** Maintenance windows, one per line (`mon-fri 18:00-22:00`); empty for none. */
  windows: string;
}

/** Which fields are invalid, by name. */
export type FormErrors = Partial<Record<keyof PlanForm, 'version' | 'number' | 'window' | 'windowNeedsStart'>>;

interface PlanState {
  catalog: CatalogInfo | null;
  form: PlanForm;
  errors: FormErrors;
  result: PlanResult | null;
  /** The form as it was when `result` was computed: the page marks the result outdated once they differ. */
  planned: PlanForm | null;
  busy: boolean;
  openCatalog(): Promise<void>;
  setField<K extends keyof PlanForm>(key: K, value: PlanForm[K]): void;
  /** The name of the calendar file last saved for this result. */
  savedCalendar: string | null;
  /** Saves the result's install slots as an iCalendar file (asks where). */
  saveCalendar(): Promise<void>;
  /** Checks the form and plans; says how it went, so the page can move the focus (to the result or the first invalid field). */
  compute(): Promise<'invalid' | 'done' | 'failed' | 'busy'>;
}

const EMPTY: PlanForm = { base: '', site: '', target: 'latest', targetBase: '', waitHours: '24', clientStrategy: 'wait', storedDataGiB: '0', startAt: '', windows: '' };

/** A number as a person types it: a decimal comma is a decimal point (German). */
export function decimal(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.'));
}

/** The window lines of the form, parsed; throws (USAGE) for one that is not a window. */
export function formWindows(form: PlanForm): MaintenanceWindow[] {
  return form.windows.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => parseWindow(l));
}

/** Checks the form before anything is sent. */
export function validateForm(form: PlanForm): FormErrors {
  const errors: FormErrors = {};
  if (!isVersion(form.base)) errors.base = 'version';
  if (!isVersion(form.site)) errors.site = 'version';
  if (form.target !== 'latest' && !isVersion(form.target)) errors.target = 'version';
  if (form.targetBase !== '' && !isVersion(form.targetBase)) errors.targetBase = 'version';
  for (const key of ['waitHours', 'storedDataGiB'] as const) {
    const n = decimal(form[key]);
    if (!Number.isFinite(n) || n < 0) errors[key] = 'number';
  }
  try {
    if (formWindows(form).length > 0 && form.startAt === '') errors.windows = 'windowNeedsStart';
  } catch {
    errors.windows = 'window';
  }
  return errors;
}

/** The plan request the form stands for. */
function requestOf(catalogId: string, form: PlanForm) {
  return {
    catalogId, base: form.base.trim(), site: form.site.trim(), target: form.target,
    ...(form.targetBase.trim() ? { targetBase: form.targetBase.trim() } : {}),
    waitHours: decimal(form.waitHours), clientStrategy: form.clientStrategy, storedDataGiB: decimal(form.storedDataGiB),
  };
}

export const usePlanStore = create<PlanState>((set, get) => ({
  catalog: null,
  form: EMPTY,
  errors: {},
  result: null,
  planned: null,
  savedCalendar: null,
  busy: false,
  async saveCalendar() {
    const { catalog, planned } = get();
    if (!catalog || !planned || planned.startAt === '') return;
    await attempt('plan.saveCalendar', async () => {
      const target = await unwrap(ferry().files.pickSaveTarget({ purpose: 'calendar', defaultName: 'ferry-plan.ics' }));
      if (!target) return;
      const saved = await unwrap(ferry().plan.saveCalendar({
        ...requestOf(catalog.catalogId, planned), startAt: new Date(planned.startAt).toISOString(),
        windows: planned.windows.split('\n').map((l) => l.trim()).filter((l) => l !== ''), saveTarget: target.handle,
      }));
      set({ savedCalendar: saved.file });
    });
  },
  async openCatalog() {
    await attempt('plan.openCatalog', async () => {
      const catalog = await unwrap(ferry().plan.openCatalog());
      if (catalog) set({ catalog, result: null });
    });
  },
  setField(key, value) {
    set((s) => ({ form: { ...s.form, [key]: value }, errors: { ...s.errors, [key]: undefined } }));
  },
  async compute() {
    const { catalog, form, busy } = get();
    if (busy) return 'busy';
    const errors = validateForm(form);
    set({ errors });
    if (!catalog || Object.keys(errors).length > 0) return 'invalid';
    set({ busy: true });
    const r = await attempt('plan.compute', async () => {
      const result = await unwrap(ferry().plan.compute(requestOf(catalog.catalogId, form)));
      set({ result, planned: form, savedCalendar: null });
    });
    set({ busy: false });
    return r.ok ? 'done' : 'failed';
  },
}));
