/**
 * Adding an appliance: its name and role, where it is reached, its versions (typed, or filled in from
 * pasted Status › Basics text after the person saw what was found), and its download key. The form
 * checks what it can before sending; the service's refusals show under the form with their code.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplianceRoleSchema } from '../../../shared/contract.ts';
import { KEY_MAX_LENGTH, KEY_MIN_LENGTH } from '../../../shared/transfer/download-key.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { APPLIANCE_SOURCES, useApplianceStore } from '../stores/appliance-store.ts';
import { ApplianceBasicsPaste, type BasicsValues } from './appliance-basics-paste.tsx';
import { checkApplianceForm, emptyForm, type ApplianceForm, type FormProblems } from './appliance-form-check.ts';
import { ApplianceKeyInput } from './appliance-key-input.tsx';
import { localOffsetMinutes } from './appliance-time.ts';
import { ApplianceTimeField } from './appliance-time-field.tsx';
import { InlineErrors } from './error-notice.tsx';
import { NameCount } from './name-count.tsx';

type TextField = 'name' | 'region' | 'hostname' | 'base' | 'site' | 'serial' | 'storedDataGib';

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint}
      {error ? <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`} role="alert">{error}</span> : null}
    </div>
  );
}

/** The service's refusal of a field it alone checks (host name rules, a name taken meanwhile), as that field's problem. */
function useServiceProblems(): FormProblems {
  const refused = useErrorStore((s) => s.errors.find((e) => e.source === APPLIANCE_SOURCES.add)?.data);
  const d = refused?.details ?? {};
  if (refused?.code === 'USAGE' && d.field === 'hostname') return { hostname: 'hostname' };
  if (refused?.code === 'USAGE' && d.field === 'name' && d.reason === 'exists') return { name: 'exists' };
  return {};
}

export function ApplianceFormView({ onAdded }: { onAdded(name: string): void }) {
  const { t } = useTranslation();
  const add = useApplianceStore((s) => s.add);
  // The list itself, not a mapped copy: a new array on every read would make React render forever.
  const appliances = useApplianceStore((s) => s.appliances);
  const [form, setForm] = useState<ApplianceForm>(() => emptyForm(localOffsetMinutes()));
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const serviceProblems = useServiceProblems();
  const shown: FormProblems = { ...serviceProblems, ...problems };
  const set = <K extends keyof ApplianceForm>(key: K, value: ApplianceForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A corrected field is no longer refused; the others keep their notes until the next try.
    setProblems((p) => { const { [key]: _fixed, ...rest } = p; return rest; });
  };
  const err = (key: keyof ApplianceForm) => {
    const problem = shown[key];
    return problem ? t(`appliances.invalid.${problem}`, { min: KEY_MIN_LENGTH, max: KEY_MAX_LENGTH }) : undefined;
  };
  // Counts refusals: after each, the first refused field (in the form's order) takes the focus, once it is marked.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => { if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [refusals]);
  const focusFirstRefused = () => setRefusals((n) => n + 1);
  const input = (key: TextField, extra: { placeholder?: string; inputMode?: 'decimal'; describedBy?: string } = {}) => (
    <input id={`appliance-${key}`} data-testid={`appliance-${key}`} value={form[key]} placeholder={extra.placeholder} inputMode={extra.inputMode}
      aria-invalid={shown[key] ? true : undefined}
      aria-describedby={[shown[key] ? `appliance-${key}-error` : '', extra.describedBy ?? ''].join(' ').trim() || undefined}
      onChange={(e) => set(key, e.target.value)} />
  );
  const apply = (values: BasicsValues) => {
    setForm((f) => ({ ...f, ...values }));
    setProblems({});
    // The paste box's buttons are gone: the first field it filled takes the focus, for checking.
    const first = (['site', 'base', 'serial', 'applianceTime'] as const).find((k) => values[k] !== undefined);
    const id = first === 'applianceTime' ? 'appliance-time' : `appliance-${first ?? 'name'}`;
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const submit = async () => {
    if (busy) return;
    const checked = checkApplianceForm(form, appliances.map((a) => a.name));
    setProblems(checked.problems);
    if (!checked.input) {
      focusFirstRefused();
      return;
    }
    setBusy(true);
    const r = await add(checked.input);
    setBusy(false);
    if (r.ok) {
      setForm(emptyForm(form.offset));
      onAdded(r.value.name);
    } else focusFirstRefused();
  };
  return (
    <form className="appliance-form" ref={formRef} data-testid="appliance-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <ApplianceBasicsPaste onApply={apply} />
      <div className="field-grid">
        <Field id="appliance-name" label={t('appliances.form.name')} error={err('name')}
          hint={form.name ? <NameCount name={form.name} id="appliance-name-count" testId="appliance-name-count" /> : null}>
          {input('name', { describedBy: form.name ? 'appliance-name-count' : '' })}
        </Field>
        <Field id="appliance-role" label={t('appliances.form.role')}>
          <select id="appliance-role" data-testid="appliance-role" value={form.role} onChange={(e) => set('role', e.target.value as ApplianceForm['role'])}>
            {ApplianceRoleSchema.options.map((r) => <option key={r} value={r}>{t(`appliances.role.${r}`)}</option>)}
          </select>
        </Field>
        {form.role === 'traffic' ? <Field id="appliance-region" label={t('appliances.form.region')} error={err('region')}>{input('region')}</Field> : null}
        <Field id="appliance-hostname" label={t('appliances.form.hostname')} error={err('hostname')}>{input('hostname', { placeholder: 'support.example.com' })}</Field>
        <Field id="appliance-base" label={t('appliances.form.base')} error={err('base')}>{input('base', { placeholder: '3.3.2' })}</Field>
        <Field id="appliance-site" label={t('appliances.form.site')} error={err('site')}>{input('site', { placeholder: '12.2.0' })}</Field>
        <Field id="appliance-serial" label={t('appliances.form.serial')}>{input('serial')}</Field>
        <Field id="appliance-storedDataGib" label={t('appliances.form.storedData')} error={err('storedDataGib')}>{input('storedDataGib', { inputMode: 'decimal' })}</Field>
      </div>
      <div className="field-grid">
        <ApplianceKeyInput id="appliance-key" value={form.downloadKey} onChange={(v) => set('downloadKey', v)} error={err('downloadKey')} />
        <ApplianceTimeField id="appliance-time" text={form.applianceTime} offset={form.offset} error={err('applianceTime')}
          onText={(v) => set('applianceTime', v)} onOffset={(v) => set('offset', v)} />
      </div>
      {/* Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>. */}
      <button type="submit" className="primary" data-testid="appliance-add" aria-disabled={busy || undefined}>{t('appliances.form.add')}</button>
      {/* A refusal said under its field needs no second, general card ("invalid usage") below. */}
      <InlineErrors source={APPLIANCE_SOURCES.add} except={Object.keys(serviceProblems).length > 0 ? ['USAGE'] : undefined} />
    </form>
  );
}
