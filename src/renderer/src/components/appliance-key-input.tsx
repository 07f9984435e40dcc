/**
 * The download key as it is typed or pasted: hidden like a password (a screen may be shared or
 * watched), with Show/Hide to check a paste, never remembered by the browser or spell-checked.
 */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  /** Defaults to `id` (a row's form needs a unique id but a stable test id). */
  testId?: string;
  value: string;
  onChange(value: string): void;
  /** The field's error text, if it was refused. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  /** Capturing a new key needs one; adding an appliance does not. */
  required?: boolean;
}

export function ApplianceKeyInput({ id, testId = id, value, onChange, error, inputRef, autoFocus, required = false }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="field key-field">
      <label htmlFor={id}>{required ? t('appliances.key.newKey') : t('appliances.form.downloadKey')}</label>
      <span className="key-input">
        <input id={id} data-testid={testId} ref={inputRef} type={shown ? 'text' : 'password'} value={value} autoComplete="off" spellCheck={false}
          autoFocus={autoFocus} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(e.target.value)} />
        <button type="button" className="small" data-testid={`${testId}-toggle`} aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {shown ? t('appliances.form.hideKey') : t('appliances.form.showKey')}
        </button>
      </span>
      <span className="hint" id={`${id}-hint`}>{t('appliances.keyWhere')}</span>
      {error ? <span className="field-error" id={`${id}-error`} data-testid={`${testId}-error`} role="alert">{error}</span> : null}
    </div>
  );
}
