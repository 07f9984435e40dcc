/**
 * A fingerprint where space is short (the audit table): the first and last groups, with controls to
 * show all 64 digits (in groups of four, for comparing) and to copy them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/fingerprint.ts';

/** `ab12 cd34 … 9f0e`: enough to tell stations apart at a glance, never enough to compare. */
export function shortFingerprint(hex: string): string {
  const groups = formatFingerprint(hex).split(' ');
  return groups.length <= 3 ? groups.join(' ') : `${groups[0]} ${groups[1]} … ${groups.at(-1)}`;
}

export function FingerprintText({ hex }: { hex: string }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hex);
      setCopied('yes');
    } catch {
      // Some windows may not grant the clipboard; the full fingerprint can still be selected by hand.
      setFull(true);
      setCopied('failed');
    }
  };
  return (
    <span className="fp" data-testid="fingerprint-text">
      <code className={full ? 'fingerprint full' : 'fingerprint'} data-testid="fingerprint-value" title={full ? undefined : formatFingerprint(hex)}>
        {full ? formatFingerprint(hex) : shortFingerprint(hex)}
      </code>
      <span className="fp-actions">
        <button type="button" className="small" aria-expanded={full} data-testid="fingerprint-toggle" onClick={() => setFull(!full)}>
          {full ? t('fingerprint.less') : t('fingerprint.all')}
        </button>
        <button type="button" className="small" data-testid="fingerprint-copy" onClick={() => void copy()}>{t('fingerprint.copy')}</button>
        <span role="status" className="hint">{copied === 'yes' ? t('fingerprint.copied') : copied === 'failed' ? t('fingerprint.copyFailed') : ''}</span>
      </span>
    </span>
  );
}
