/**
 * Restricted side, step 1: write a signed request for every appliance onto the medium — the target,
 * the medium, then what was written, what the keys lack, and "safe to remove" only after that.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedRequest } from '../../../shared/contract.ts';
import { isVersion } from '../../../shared/versions.ts';
import { useAppStore } from '../stores/app-store.ts';
import { TRANSFER_SOURCES, useChosenMedium, useTransferStore } from '../stores/transfer-store.ts';
import { MediumPicker } from './transfer-medium.tsx';
import { TransferErrors } from './transfer-errors.tsx';
import { TransferStep, useFocusOnAppear } from './transfer-step.tsx';

function Written({ request }: { request: CreatedRequest }) {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  const ref = useRef<HTMLDivElement>(null);
  useFocusOnAppear(ref, request.id);
  return (
    <div className="transfer-result" ref={ref} tabIndex={-1} data-testid="request-written">
      <p className="status-ok">{t('transfer.request.written')}</p>
      <p><code className="path" data-testid="request-file">{request.file}</code></p>
      <p>{t('transfer.request.counts', { count: request.appliances })}{' '}{request.have > 0 ? t('transfer.request.have', { count: request.have }) : t('transfer.request.haveNone')}</p>
      {request.warnings.length > 0 ? (
        <div className="transfer-warning" data-testid="request-warnings">
          <ul>
            {request.warnings.map((w) => (
              <li key={`${w.appliance}-${w.problem}`} data-problem={w.problem}>
                {w.problem === 'noKey' ? t('transfer.request.noKey', { name: w.appliance }) : t('transfer.request.keyStale', { name: w.appliance, count: w.ageDays ?? 0 })}
              </li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => go('appliances')}>{t('transfer.request.toAppliances')}</button>
        </div>
      ) : null}
      <p className="safe-remove" data-testid="request-safe">{t('transfer.safeToRemove')}</p>
    </div>
  );
}

export function RequestWrite({ number }: { number: number }) {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  const { appliances, target, request, loadAppliances, setTarget, createRequest } = useTransferStore();
  const medium = useChosenMedium();
  const [custom, setCustom] = useState(target !== 'latest');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const versionRef = useRef<HTMLInputElement>(null);
  useEffect(() => { void loadAppliances(); }, [loadAppliances]);
  const none = appliances !== null && appliances.length === 0;
  const write = async () => {
    if (busy || !medium || none) return;
    if (custom && !isVersion(target.trim())) {
      setInvalid(true);
      versionRef.current?.focus();
      return;
    }
    setBusy(true);
    await createRequest();
    setBusy(false);
  };
  return (
    <TransferStep id="step-request" number={number} title={t('transfer.request.title')} intro={t('transfer.request.intro')}>
      {none ? (
        <div className="empty" data-testid="request-no-appliances">
          <p className="empty-title">{t('transfer.request.noAppliances')}</p>
          <button type="button" onClick={() => go('appliances')}>{t('transfer.request.toAppliances')}</button>
        </div>
      ) : null}
      {appliances && appliances.length > 0 ? (
        <p data-testid="request-appliances">{t('transfer.request.appliances', { count: appliances.length, names: appliances.map((a) => a.name).join(', ') })}</p>
      ) : null}
      <form onSubmit={(e) => { e.preventDefault(); void write(); }} noValidate>
        <fieldset>
          <legend>{t('transfer.request.target')}</legend>
          <label><input type="radio" name="request-target" checked={!custom} onChange={() => { setCustom(false); setTarget('latest'); setInvalid(false); }} /> {t('transfer.request.latest')}</label>
          <label>
            <input type="radio" name="request-target" data-testid="request-target-version" checked={custom} onChange={() => { setCustom(true); setTarget(''); }} /> {t('transfer.request.version')}
          </label>
          {custom ? (
            <div className="field">
              <label htmlFor="request-version">{t('transfer.request.versionLabel')}</label>
              <input id="request-version" ref={versionRef} data-testid="request-version" value={target} placeholder="13.1.0" aria-invalid={invalid || undefined}
                aria-describedby={invalid ? 'request-version-error' : undefined} onChange={(e) => { setTarget(e.target.value); setInvalid(false); }} />
              {invalid ? <span className="field-error" id="request-version-error" role="alert">{t('plan.invalid.version')}</span> : null}
            </div>
          ) : null}
        </fieldset>
        <MediumPicker id="request" />
        <div className="buttons">
          <button type="submit" className="primary" data-testid="request-create" aria-disabled={busy || !medium || none || undefined}>{t('transfer.request.write')}</button>
        </div>
      </form>
      <TransferErrors source={TRANSFER_SOURCES.request} />
      {request ? <Written request={request} /> : null}
    </TransferStep>
  );
}
