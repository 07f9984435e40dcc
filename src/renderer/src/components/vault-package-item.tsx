/**
 * One package in the vault: what it is, where it came from, when it was checked, its SHA-256; and
 * what can be done with it — verify again, export for the upload on the appliance, remove (asked first:
 * a package downloaded once is gone from the vendor's list).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from './confirm-box.tsx';
import type { VaultPackage } from '../../../shared/contract.ts';
import { formatBytes, formatTime } from '../format.ts';
import { useVaultStore, VAULT_SOURCES, type PackageOutcome } from '../stores/vault-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { FingerprintText } from './fingerprint-text.tsx';
import { TransferProgress } from './transfer-progress.tsx';

/** Ids are long; eight characters tell bundles apart at a glance (the full id is in the tooltip). */
const short = (id: string) => id.slice(0, 8);

function ConfirmRemove({ pkg, onKeep, onRemoved }: { pkg: VaultPackage; onKeep(): void; onRemoved(): void }) {
  const { t, i18n } = useTranslation();
  const remove = useVaultStore((s) => s.remove);
  return (
    <ConfirmBox id={`remove-${pkg.sha256}`} question={t('vault.removeQuestion', { name: pkg.name, size: formatBytes(pkg.size, i18n.language) })}
      confirmLabel={t('vault.removeConfirm')} keepLabel={t('vault.removeKeep')}
      testIds={{ group: 'vault-remove-confirm', confirm: 'vault-remove-yes', keep: 'vault-remove-keep' }}
      onConfirm={() => remove(pkg.sha256)} onKeep={onKeep} onDone={onRemoved} />
  );
}

function OutcomeText({ outcome }: { outcome: PackageOutcome }) {
  const { t } = useTranslation();
  switch (outcome.status) {
    case 'verified': return <p className="status-ok" role="status" data-testid="vault-outcome">{t('vault.verifiedNow')}</p>;
    case 'exported': return <p className="status-ok" role="status" data-testid="vault-outcome">{t('vault.exported', { file: outcome.file, folder: outcome.folder })}</p>;
    case 'cancelled': return <p className="hint" role="status" data-testid="vault-outcome">{t(`vault.cancelled.${outcome.kind}`)}</p>;
    // A failure is in the error card below, with its code.
    case 'failed': return null;
  }
}

export function VaultPackageItem({ pkg, onRemoved }: { pkg: VaultPackage; onRemoved(): void }) {
  const { t, i18n } = useTranslation();
  const job = useVaultStore((s) => s.jobs[pkg.sha256]);
  const outcome = useVaultStore((s) => s.outcomes[pkg.sha256]);
  const reverify = useVaultStore((s) => s.reverify);
  const exportTo = useVaultStore((s) => s.exportTo);
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  // Keeping closes the question: the focus returns to Remove, once that is back.
  const [kept, setKept] = useState(0);
  useEffect(() => { if (kept > 0) removeButton.current?.focus(); }, [kept]);
  const keep = () => { setConfirming(false); setKept((n) => n + 1); };
  const time = (iso: string) => formatTime(iso, i18n.language);
  return (
    <li className="vault-item" data-testid="vault-package" data-sha256={pkg.sha256} data-name={pkg.name}>
      <div className="vault-head">
        <span className="vault-name">{pkg.name}</span>
        <span className="hint">{t(`vault.kind.${pkg.kind}`)} {pkg.version} · {formatBytes(pkg.size, i18n.language)}</span>
      </div>
      <dl className="facts vault-facts">
        <dt>{t('vault.file')}</dt><dd><code className="path">{pkg.fileName}</code></dd>
        <dt>{t('vault.origin')}</dt>
        <dd data-testid="vault-origin">
          <span title={pkg.bundleId}>{t('vault.bundle', { id: short(pkg.bundleId) })}</span>{' · '}
          <span title={pkg.requestId}>{t('vault.request', { id: short(pkg.requestId) })}</span>
        </dd>
        <dt>{t('vault.imported')}</dt><dd data-testid="vault-imported">{time(pkg.importedAt)}</dd>
        <dt>{t('vault.verified')}</dt><dd data-testid="vault-verified" data-at={pkg.verifiedAt}>{time(pkg.verifiedAt)}</dd>
        <dt>SHA-256</dt><dd><FingerprintText hex={pkg.sha256} /></dd>
      </dl>
      {job ? <TransferProgress jobId={job.jobId} label={`${t(`vault.jobLabel.${job.kind}`)}: ${pkg.name}`} /> : null}
      {outcome && !job ? <OutcomeText outcome={outcome} /> : null}
      {confirming ? <ConfirmRemove pkg={pkg} onKeep={keep} onRemoved={onRemoved} /> : (
        <div className="buttons">
          <button type="button" data-testid="vault-reverify" aria-disabled={job ? true : undefined} onClick={() => void reverify(pkg.sha256)}>{t('vault.reverify')}</button>
          <button type="button" data-testid="vault-export" aria-disabled={job ? true : undefined} onClick={() => void exportTo(pkg.sha256)}>{t('vault.export')}</button>
          <button type="button" ref={removeButton} data-testid="vault-remove" aria-disabled={job ? true : undefined}
            aria-label={t('vault.removeLabel', { name: pkg.name })} onClick={() => { if (!job) setConfirming(true); }}>{t('vault.remove')}</button>
        </div>
      )}
      <InlineErrors source={VAULT_SOURCES.job('vault-verify', pkg.sha256)} />
      <InlineErrors source={VAULT_SOURCES.job('vault-export', pkg.sha256)} />
      <InlineErrors source={VAULT_SOURCES.remove(pkg.sha256)} />
    </li>
  );
}
