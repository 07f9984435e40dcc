/**
 * Capturing a new download key for one appliance, in its row: the key (hidden while typed), and the
 * appliance's clock read off Status › Basics at the same moment, so the drift is recorded with it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { KEY_MAX_LENGTH, KEY_MIN_LENGTH } from '../../../shared/transfer/download-key.ts';
import { APPLIANCE_SOURCES, useApplianceStore } from '../stores/appliance-store.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { keyProblem } from './appliance-form-check.ts';
import { ApplianceKeyInput } from './appliance-key-input.tsx';
import { localOffsetMinutes, resolveApplianceTime } from './appliance-time.ts';
import { ApplianceTimeField } from './appliance-time-field.tsx';

interface Props {
  appliance: Appliance;
  onDone(): void;
  onCancel(): void;
}

export function ApplianceKeyForm({ appliance, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const setKey = useApplianceStore((s) => s.setKey);
  const abandoned = useErrorStore((s) => s.abandoned);
  const [key, setKeyText] = useState('');
  const [time, setTime] = useState('');
  const [offset, setOffset] = useState(localOffsetMinutes);
  const [problem, setProblem] = useState<{ field: 'key' | 'time'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const id = `capture-${appliance.id}`;
  const submit = async () => {
    if (busy) return;
    const refused = keyProblem(key);
    const resolved = resolveApplianceTime(time, offset);
    if (refused !== null) setProblem({ field: 'key', text: t(`appliances.invalid.key.${refused}`, { min: KEY_MIN_LENGTH, max: KEY_MAX_LENGTH }) });
    else if (resolved.state === 'invalid') setProblem({ field: 'time', text: t('appliances.invalid.time') });
    else setProblem(null);
    if (refused !== null || resolved.state === 'invalid') {
      requestAnimationFrame(() => document.getElementById(refused !== null ? `${id}-key` : `${id}-time`)?.focus());
      return;
    }
    setBusy(true);
    const r = await setKey(appliance.id, key, resolved.state === 'empty' ? undefined : resolved.iso);
    setBusy(false);
    if (r.ok) onDone();
    else keyRef.current?.focus();
  };
  const cancel = () => {
    abandoned(APPLIANCE_SOURCES.setKey(appliance.id));
    onCancel();
  };
  return (
    <form className="key-form" data-testid="capture-form" noValidate aria-label={t('appliances.key.captureFor', { name: appliance.name })}
      onSubmit={(e) => { e.preventDefault(); void submit(); }} onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
      <ApplianceKeyInput id={`${id}-key`} testId="capture-key" value={key} inputRef={keyRef} autoFocus required
        onChange={(v) => { setKeyText(v); if (problem?.field === 'key') setProblem(null); }} error={problem?.field === 'key' ? problem.text : undefined} />
      <ApplianceTimeField id={`${id}-time`} testId="capture-time" text={time} offset={offset} onOffset={setOffset}
        onText={(v) => { setTime(v); if (problem?.field === 'time') setProblem(null); }} error={problem?.field === 'time' ? problem.text : undefined} />
      <div className="buttons">
        <button type="submit" className="primary" data-testid="capture-save" aria-disabled={busy || undefined}>{t('appliances.key.save')}</button>
        <button type="button" data-testid="capture-cancel" onClick={cancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}
