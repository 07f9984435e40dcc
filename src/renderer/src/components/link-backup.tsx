/**
 * The settings backup through the link, in an appliance's row: an optional password (typed twice;
 * sent to the appliance, never stored), the download with progress and Cancel, and the file in the
 * vault as evidence with its size and SHA-256.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { formatBytes } from '../format.ts';
import { useLinkStore, type BackupOutcome } from '../stores/link-store.ts';
import { FingerprintText } from './fingerprint-text.tsx';
import { TransferProgress } from './transfer-progress.tsx';

interface FormProps {
  appliance: Appliance;
  onStarted(): void;
  onCancel(): void;
}

/** The password form; Enter starts the backup, Escape closes it. */
export function LinkBackupForm({ appliance, onStarted, onCancel }: FormProps) {
  const { t } = useTranslation();
  const backup = useLinkStore((s) => s.backup);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [differs, setDiffers] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `backup-${appliance.id}`;
  const submit = async () => {
    if (busy) return;
    if (password !== again) {
      setDiffers(true);
      document.getElementById(`${id}-again`)?.focus();
      return;
    }
    setDiffers(false);
    setBusy(true);
    const started = await backup(appliance.id, password === '' ? undefined : password);
    setBusy(false);
    if (started) onStarted();
  };
  return (
    <form className="link-backup-form" data-testid="link-backup-form" noValidate aria-labelledby={`${id}-title`}
      onSubmit={(e) => { e.preventDefault(); void submit(); }} onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <h4 id={`${id}-title`}>{t('link.backup.title', { name: appliance.name })}</h4>
      <p className="hint">{t('link.backup.intro')}</p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('link.backup.password')}</label>
          <input id={`${id}-password`} data-testid="link-backup-password" type="password" value={password} autoFocus autoComplete="new-password"
            aria-describedby={`${id}-hint`} onChange={(e) => { setPassword(e.target.value); setDiffers(false); }} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('link.backup.again')}</label>
          <input id={`${id}-again`} data-testid="link-backup-again" type="password" value={again} autoComplete="new-password"
            aria-invalid={differs || undefined} aria-describedby={differs ? `${id}-differs` : undefined} onChange={(e) => { setAgain(e.target.value); setDiffers(false); }} />
          {differs ? <span className="field-error" id={`${id}-differs`} data-testid="link-backup-differs" role="alert">{t('link.backup.differs')}</span> : null}
        </div>
      </div>
      <p className="hint" id={`${id}-hint`}>{t('link.backup.passwordHint')}</p>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="link-backup-start" aria-disabled={busy || undefined}>
          {password === '' ? t('link.backup.startPlain') : t('link.backup.startProtected')}
        </button>
        <button type="button" data-testid="link-backup-cancel" onClick={onCancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}

/** A running backup: the download's bytes (the appliance does not say how many come), then the copy into the vault. */
export function LinkBackupProgress({ jobId, label }: { jobId: string; label: string }) {
  return <TransferProgress jobId={jobId} label={label} unknownTotal focusOnMount className="link-progress" testId="link-backup-progress" cancelTestId="link-backup-job-cancel" />;
}

/** How the last backup ended; takes the focus when the progress it replaces had it. */
export function LinkBackupOutcome({ outcome }: { outcome: BackupOutcome }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, [outcome]);
  if (outcome.status === 'failed') return null; // the error card says it, with its code
  if (outcome.status === 'cancelled') {
    return <div className="hint" role="status" tabIndex={-1} ref={ref} data-testid="link-backup-outcome" data-status="cancelled">{t('link.backup.cancelled')}</div>;
  }
  return (
    <div className="transfer-result link-backup-done" role="status" tabIndex={-1} ref={ref} data-testid="link-backup-outcome" data-status="ok" data-sha256={outcome.sha256}>
      <p><strong>{t('link.backup.done')}</strong> {outcome.protected ? t('link.backup.protected') : t('link.backup.unprotected')}</p>
      <dl className="facts link-facts">
        <dt>{t('link.backup.file')}</dt><dd><code className="path" data-testid="link-backup-name">{outcome.name}</code></dd>
        <dt>{t('link.backup.size')}</dt><dd data-testid="link-backup-size">{formatBytes(outcome.size, i18n.language)}</dd>
        <dt>SHA-256</dt><dd><FingerprintText hex={outcome.sha256} /></dd>
      </dl>
    </div>
  );
}
