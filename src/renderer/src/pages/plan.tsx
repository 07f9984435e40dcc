/** Plan: open a catalog, enter the appliance's versions and options, see the plan or the blockers. */
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanResultView } from '../components/plan-result.tsx';
import { formWindows, usePlanStore, type PlanForm } from '../stores/plan-store.ts';
import { PageTitle } from '../components/page-title.tsx';

function Field({ id, label, error, children }: { id: keyof PlanForm; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`plan-${id}`}>{label}</label>
      {children}
      {error ? <span className="field-error" id={`plan-${id}-error`} role="alert">{error}</span> : null}
    </div>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const { catalog, form, errors, result, planned, busy, openCatalog, setField, compute } = usePlanStore();
  // The result belongs to the form as it was planned; a change since makes it outdated until planned again.
  const outdated = result !== null && planned !== null && JSON.stringify(planned) !== JSON.stringify(form);
  const plannedWindows = (() => {
    try {
      return planned ? formWindows(planned) : [];
    } catch {
      return [];
    }
  })();
  const err = (key: keyof PlanForm) => (errors[key] ? t(`plan.invalid.${errors[key]}`) : undefined);
  const input = (key: 'base' | 'site' | 'targetBase' | 'waitHours' | 'storedDataGiB', extra: { inputMode?: 'decimal'; placeholder?: string } = {}) => (
    <input id={`plan-${key}`} data-testid={`plan-${key}`} value={form[key]} aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `plan-${key}-error` : undefined} onChange={(e) => setField(key, e.target.value)} {...extra} />
  );
  const latest = catalog?.siteVersions.at(-1);
  const formRef = useRef<HTMLFormElement>(null);
  // Counts computed plans: each new one takes the focus to its heading (not when the page is only shown again).
  const [computed, setComputed] = useState(0);
  const submit = async () => {
    const outcome = await compute();
    if (outcome === 'done') setComputed((n) => n + 1);
    // The first field that was refused, in the order the form shows them.
    if (outcome === 'invalid') requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('plan.title')}</PageTitle>
      <p>{t('plan.intro')}</p>
      <h2>{t('plan.catalog')}</h2>
      {catalog
        ? <p data-testid="plan-catalog">{t('plan.catalogLoaded', { name: catalog.name, count: catalog.packageCount })}</p>
        : <div className="empty" data-testid="empty-plan"><p className="empty-title">{t('plan.noCatalogTitle')}</p><p>{t('plan.noCatalog')}</p></div>}
      <button type="button" data-testid="plan-open-catalog" onClick={() => void openCatalog()}>{t('plan.openCatalog')}</button>
      {catalog ? (
        <form className="plan-form" ref={formRef} onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
          <h2>{t('plan.appliance')}</h2>
          <div className="field-grid">
            <Field id="base" label={t('plan.base')} error={err('base')}>{input('base', { placeholder: t('plan.example', { value: '3.2.4' }) })}</Field>
            <Field id="site" label={t('plan.site')} error={err('site')}>{input('site', { placeholder: t('plan.example', { value: '12.0.0' }) })}</Field>
            <Field id="target" label={t('plan.target')} error={err('target')}>
              <select id="plan-target" data-testid="plan-target" value={form.target} onChange={(e) => setField('target', e.target.value)}>
                <option value="latest">{t('plan.latest', { version: latest ?? '—' })}</option>
                {catalog.siteVersions.map((v) => <option key={v} value={v}>{v}</option>)}
              </select>
            </Field>
            <Field id="targetBase" label={t('plan.targetBase')} error={err('targetBase')}>{input('targetBase')}</Field>
            <Field id="storedDataGiB" label={t('plan.storedData')} error={err('storedDataGiB')}>{input('storedDataGiB', { inputMode: 'decimal' })}</Field>
            <Field id="startAt" label={t('plan.startAt')}>
              <input id="plan-startAt" data-testid="plan-startAt" type="datetime-local" value={form.startAt} onChange={(e) => setField('startAt', e.target.value)} />
            </Field>
          </div>
          <Field id="windows" label={t('plan.windows')} error={err('windows')}>
            <textarea id="plan-windows" data-testid="plan-windows" rows={3} value={form.windows} aria-invalid={errors.windows ? true : undefined}
              aria-describedby={errors.windows ? 'plan-windows-error' : 'plan-windows-hint'} placeholder={t('plan.windowsPlaceholder')}
              onChange={(e) => setField('windows', e.target.value)} />
          </Field>
          <p className="hint" id="plan-windows-hint">{t('plan.windowsHint')}</p>
          <fieldset>
            <legend>{t('plan.strategy')}</legend>
            <label><input type="radio" name="strategy" checked={form.clientStrategy === 'wait'} onChange={() => setField('clientStrategy', 'wait')} /> {t('plan.strategyWait')}</label>
            {form.clientStrategy === 'wait' ? (
              <Field id="waitHours" label={t('plan.waitHours')} error={err('waitHours')}>{input('waitHours', { inputMode: 'decimal' })}</Field>
            ) : null}
            <label><input type="radio" name="strategy" data-testid="plan-redeploy" checked={form.clientStrategy === 'redeploy'} onChange={() => setField('clientStrategy', 'redeploy')} /> {t('plan.strategyRedeploy')}</label>
          </fieldset>
          {/* Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>. */}
          <button type="submit" className="primary" data-testid="plan-compute" aria-disabled={busy || undefined}>{t('plan.compute')}</button>
        </form>
      ) : null}
      {outdated ? <p className="transfer-warning" role="status" data-testid="plan-outdated">{t('plan.outdated')}</p> : null}
      {result ? (
        <div className={outdated ? 'plan-outdated' : undefined}>
          <PlanResultView result={result} startAt={planned?.startAt ? new Date(planned.startAt) : null} windows={plannedWindows} focusToken={computed} />
        </div>
      ) : null}
    </section>
  );
}
