/**
 * An appliance's download key in its row: masked, when it was captured and how old it is, warnings
 * when it is stale or the appliance's clock was off, Copy (the key in clear goes only to the
 * clipboard), and capturing a new one in place.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { formatTime } from '../format.ts';
import { APPLIANCE_SOURCES, useApplianceStore } from '../stores/appliance-store.ts';
import { ApplianceKeyForm } from './appliance-key-form.tsx';
import { DriftText } from './appliance-time-field.tsx';
import { InlineErrors } from './error-notice.tsx';

type Key = NonNullable<Appliance['downloadKey']>;

/** Masked key, age, warnings. */
function KeyFacts({ downloadKey: k }: { downloadKey: Key }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <code className="key-masked" data-testid="appliance-key-masked">{k.masked}</code>
      <span className="hint" data-testid="appliance-key-captured">
        {t('appliances.key.captured', { time: formatTime(k.capturedAt, i18n.language) })}{' '}
        ({k.ageDays <= 0 ? t('appliances.key.today') : t('appliances.key.age', { count: k.ageDays })})
      </span>
      {k.stale ? <span className="warn-text" data-testid="appliance-key-stale" role="note">{t('appliances.key.stale', { days: k.ageDays })}</span> : null}
      {k.driftSeconds !== null ? <DriftText seconds={k.driftSeconds} warn={k.driftWarning} testId="appliance-key-drift" /> : null}
    </>
  );
}

export function ApplianceKeyCell({ appliance }: { appliance: Appliance }) {
  const { t } = useTranslation();
  const revealKey = useApplianceStore((s) => s.revealKey);
  const [capturing, setCapturing] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const captureButton = useRef<HTMLButtonElement>(null);
  const k = appliance.downloadKey;
  const copy = async () => {
    setCopied(null);
    const key = await revealKey(appliance.id);
    if (key === null) return;
    try {
      await navigator.clipboard.writeText(key);
      setCopied('yes');
    } catch {
      // The window may not grant the clipboard; the key is never shown in clear instead.
      setCopied('failed');
    }
  };
  // The form's buttons go with it: the focus returns to the button that opened it, once that is back.
  const [closed, setClosed] = useState(0);
  useEffect(() => { if (closed > 0) captureButton.current?.focus(); }, [closed]);
  const close = () => { setCapturing(false); setClosed((n) => n + 1); };
  return (
    <div className="key-cell">
      {k ? <KeyFacts downloadKey={k} /> : <span className="hint" data-testid="appliance-key-none">{t('appliances.key.none')}</span>}
      {capturing ? <ApplianceKeyForm appliance={appliance} onDone={close} onCancel={close} /> : (
        <span className="buttons">
          {k ? <button type="button" className="small" data-testid="appliance-key-copy" onClick={() => void copy()}
            aria-label={t('appliances.key.copyFor', { name: appliance.name })}>{t('appliances.key.copy')}</button> : null}
          <button type="button" className="small" ref={captureButton} data-testid="appliance-key-capture" onClick={() => { setCopied(null); setCapturing(true); }}
            aria-label={t('appliances.key.captureFor', { name: appliance.name })}>{k ? t('appliances.key.captureNew') : t('appliances.key.capture')}</button>
          <span role="status" className="hint" data-testid="appliance-key-copied">
            {copied === 'yes' ? t('appliances.key.copied') : copied === 'failed' ? t('appliances.key.copyFailed') : ''}
          </span>
        </span>
      )}
      <InlineErrors source={APPLIANCE_SOURCES.copy(appliance.id)} />
      <InlineErrors source={APPLIANCE_SOURCES.setKey(appliance.id)} />
    </div>
  );
}
