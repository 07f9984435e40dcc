/**
 * Connected side, step 5: write the bundle onto the medium — largest file (default: what the medium
 * allows), days valid — as a job through hashing, writing and reading back, with Cancel; then what
 * the request still lacks, before "safe to remove".
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_SOURCES, useChosenMedium, useTransferStore } from '../stores/transfer-store.ts';
import { rowsReady } from './bundle-rows.ts';
import { bundleSettings, UNIT_BYTES, type SettingsProblem } from './bundle-settings.ts';
import { BundleWritten } from './bundle-written.tsx';
import { MediumPicker } from './transfer-medium.tsx';
import { TransferErrors } from './transfer-errors.tsx';
import { TransferProgress } from './transfer-progress.tsx';
import { StepNote, TransferStep } from './transfer-step.tsx';

/** What is still missing before a bundle can be written, in the order the steps come. */
function useMissing(): string[] {
  const { t } = useTranslation();
  const { opened, rows } = useTransferStore();
  const medium = useChosenMedium();
  const missing: string[] = [];
  if (!opened) missing.push(t('transfer.bundle.needRequest'));
  else if (!opened.signer.trusted) missing.push(t('transfer.bundle.needTrust'));
  if (!rowsReady(rows)) missing.push(t('transfer.bundle.needPackages'));
  if (!medium) missing.push(t('transfer.bundle.needMedium'));
  return missing;
}

export function BundleWrite({ number }: { number: number }) {
  const { t } = useTranslation();
  const { options, writing, setOption, createBundle } = useTransferStore();
  const medium = useChosenMedium();
  const missing = useMissing();
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const running = writing.state === 'running';
  const submit = async () => {
    if (running || missing.length > 0) return;
    const settings = bundleSettings(options);
    if (!settings.ok) {
      setProblems(settings.problems);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems([]);
    const { ok: _ok, ...chosen } = settings;
    await createBundle(chosen);
  };
  const bad = (p: SettingsProblem) => problems.includes(p) || undefined;
  const limit = medium?.maxFileSize ?? null;
  return (
    <TransferStep id="step-bundle" number={number} title={t('transfer.bundle.title')} intro={t('transfer.bundle.intro')}>
      <form ref={formRef} onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <MediumPicker id="bundle" />
        <div className="field-grid">
          <div className="field">
            <label htmlFor="bundle-max-size">{t('transfer.bundle.maxSize')}</label>
            <span className="inline-inputs">
              <input id="bundle-max-size" data-testid="bundle-max-size" inputMode="decimal" value={options.maxSize} size={8} aria-invalid={bad('maxSize')}
                aria-describedby="bundle-max-size-hint" onChange={(e) => setOption('maxSize', e.target.value)} />
              <select data-testid="bundle-max-unit" aria-label={t('transfer.bundle.unit')} value={options.maxUnit} onChange={(e) => setOption('maxUnit', e.target.value as keyof typeof UNIT_BYTES)}>
                {Object.keys(UNIT_BYTES).map((u) => <option key={u} value={u}>{u}</option>)}
              </select>
            </span>
            <span className="hint" id="bundle-max-size-hint">{limit !== null ? t('transfer.bundle.maxSizeFat') : t('transfer.bundle.maxSizeNone')}</span>
            {bad('maxSize') ? <span className="field-error" role="alert">{t('transfer.bundle.maxSizeInvalid')}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="bundle-days">{t('transfer.bundle.days')}</label>
            <input id="bundle-days" data-testid="bundle-days" inputMode="numeric" value={options.expiresInDays} size={5} aria-invalid={bad('expiresInDays')}
              aria-describedby="bundle-days-hint" onChange={(e) => setOption('expiresInDays', e.target.value)} />
            <span className="hint" id="bundle-days-hint">{t('transfer.bundle.daysHint')}</span>
            {bad('expiresInDays') ? <span className="field-error" role="alert">{t('transfer.bundle.daysInvalid')}</span> : null}
          </div>
        </div>
        {missing.length > 0 ? <ul className="hint" data-testid="bundle-missing">{missing.map((m) => <li key={m}>{m}</li>)}</ul> : null}
        <div className="buttons">
          <button type="submit" className="primary" data-testid="bundle-create" aria-disabled={running || missing.length > 0 || undefined}>{t('transfer.bundle.write')}</button>
        </div>
      </form>
      {writing.state === 'running' ? <TransferProgress jobId={writing.jobId} label={t('transfer.bundle.writing')} /> : null}
      {writing.state === 'cancelled' ? <StepNote testId="bundle-cancelled" text={t('transfer.bundle.cancelled')} /> : null}
      <TransferErrors source={TRANSFER_SOURCES.bundle} />
      {writing.state === 'done' ? <BundleWritten bundle={writing.result} /> : null}
    </TransferStep>
  );
}
