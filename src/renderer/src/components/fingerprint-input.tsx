/**
 * The fingerprint a person types off the other station's screen: any case, spaces or dashes. While
 * typing it shows the digits grouped by four and how many of the 64 are there, so a skipped group
 * is seen before Ferry refuses it.
 */
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/fingerprint.ts';

/** What the typed text amounts to: its hex digits and whether anything else (not a separator) is in it. */
export function readTypedFingerprint(text: string): { digits: string; foreign: boolean } {
  const stripped = text.replace(/[\s:-]/g, '').toLowerCase();
  return { digits: stripped.replace(/[^0-9a-f]/g, ''), foreign: /[^0-9a-f]/.test(stripped) };
}

interface Props {
  value: string;
  onChange(value: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Ferry refused what was typed: the field is marked and described by the refusal (`errorsId`). */
  invalid: boolean;
  errorsId: string;
  /** The refusal, shown right under the field. */
  children?: ReactNode;
}

export function FingerprintInput({ value, onChange, inputRef, invalid, errorsId, children }: Props) {
  const { t } = useTranslation();
  const { digits, foreign } = readTypedFingerprint(value);
  return (
    <div className="field" data-testid="trust-fingerprint-field">
      <label htmlFor="trust-fingerprint">{t('trust.fingerprintLabel')}</label>
      <input id="trust-fingerprint" ref={inputRef} data-testid="trust-fingerprint" className="fingerprint-input" value={value} autoFocus
        autoComplete="off" spellCheck={false} maxLength={200} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${errorsId} trust-fingerprint-hint` : 'trust-fingerprint-hint'} />
      <span className="hint" id="trust-fingerprint-hint" data-testid="trust-fingerprint-hint">
        {t('trust.fingerprintHint')}{' '}
        {value.trim() === '' ? null : t('trust.fingerprintCount', { count: digits.length })}
        {foreign ? <> {t('trust.fingerprintForeign')}</> : null}
      </span>
      {digits.length > 0 ? <code className="fingerprint typed" aria-hidden="true">{formatFingerprint(digits)}</code> : null}
      {children}
    </div>
  );
}
