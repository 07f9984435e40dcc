/** The plan page: the opened catalog, the appliance's versions and options, and the last result. */
import { create } from 'zustand';
import type { CatalogInfo } from '../../../shared/contract.ts';
import type { ClientStrategy, PlanResult } from '../../../shared/planner/types.ts';
import { isVersion } from '../../../shared/versions.ts';
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
}

/** Which fields are invalid, by name. */
export type FormErrors = Partial<Record<keyof PlanForm, 'version' | 'number'>>;

interface PlanState {
  catalog: CatalogInfo | null;
  form: PlanForm;
  errors: FormErrors;
  result: PlanResult | null;
  busy: boolean;
  openCatalog(): Promise<void>;
  setField<K extends keyof PlanForm>(key: K, value: PlanForm[K]): void;
  /** Checks the form and plans; says how it went, so the page can move the focus (to the result or the first invalid field). */
  compute(): Promise<'invalid' | 'done' | 'failed' | 'busy'>;
}

const EMPTY: PlanForm = { base: '', site: '', target: 'latest', targetBase: '', waitHours: '24', clientStrategy: 'wait', storedDataGiB: '0', startAt: '' };

/** Checks the form before anything is sent. */
export function validateForm(form: PlanForm): FormErrors {
  const errors: FormErrors = {};
  if (!isVersion(form.base)) errors.base = 'version';
  if (!isVersion(form.site)) errors.site = 'version';
  if (form.target !== 'latest' && !isVersion(form.target)) errors.target = 'version';
  if (form.targetBase !== '' && !isVersion(form.targetBase)) errors.targetBase = 'version';
  for (const key of ['waitHours', 'storedDataGiB'] as const) {
    const n = Number(form[key]);
    if (form[key].trim() === '' || !Number.isFinite(n) || n < 0) errors[key] = 'number';
  }
  return errors;
}

export const usePlanStore = create<PlanState>((set, get) => ({
  catalog: null,
  form: EMPTY,
  errors: {},
  result: null,
  busy: false,
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
      const result = await unwrap(ferry().plan.compute({
        catalogId: catalog.catalogId, base: form.base.trim(), site: form.site.trim(), target: form.target,
        ...(form.targetBase.trim() ? { targetBase: form.targetBase.trim() } : {}),
        waitHours: Number(form.waitHours), clientStrategy: form.clientStrategy, storedDataGiB: Number(form.storedDataGiB),
      }));
      set({ result });
    });
    set({ busy: false });
    return r.ok ? 'done' : 'failed';
  },
}));
