/** The vault: verified packages with their origin, re-verify, export for the upload, remove; and the SHA-256 check of any file. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobList } from '../components/job-list.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { VaultPackageItem } from '../components/vault-package-item.tsx';
import { formatBytes } from '../format.ts';
import { useAppStore } from '../stores/app-store.ts';
import { useJobsStore } from '../stores/jobs-store.ts';
import { useVaultStore } from '../stores/vault-store.ts';

/** The file check at the bottom lists its own jobs only; the packages above show theirs in their rows. */
const HASH_TOOL_KINDS = ['hash-file'] as const;

function VaultPackages() {
  const { t, i18n } = useTranslation();
  const { packages, freeBytes, totalBytes, loaded } = useVaultStore();
  const go = useAppStore((s) => s.go);
  const side = useAppStore((s) => s.settings.side);
  const heading = useRef<HTMLHeadingElement>(null);
  // A removed package takes its buttons along: the focus goes to the list's heading.
  const [removed, setRemoved] = useState(0);
  useEffect(() => { if (removed > 0) heading.current?.focus(); }, [removed]);
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>{t('vault.packagesTitle')}</h2>
      {loaded ? (
        <p className="hint vault-space" data-testid="vault-space">
          {t('vault.space', { free: formatBytes(freeBytes, i18n.language), total: formatBytes(totalBytes, i18n.language) })}
        </p>
      ) : null}
      {!loaded ? <p className="hint">{t('app.loading')}</p> : packages.length === 0 ? (
        <div className="empty" data-testid="vault-empty">
          <p className="empty-title">{t('vault.emptyTitle')}</p>
          <p>{t(side === 'connected' ? 'vault.emptyTextConnected' : 'vault.emptyText')}</p>
          <button type="button" data-testid="vault-go-transfer" onClick={() => go('transfer')}>{t('vault.goTransfer')}</button>
        </div>
      ) : (
        <ul className="vault-list" data-testid="vault-list">
          {packages.map((p) => <VaultPackageItem key={p.sha256} pkg={p} onRemoved={() => setRemoved((n) => n + 1)} />)}
        </ul>
      )}
    </>
  );
}

export function VaultPage() {
  const { t } = useTranslation();
  const hashFile = useJobsStore((s) => s.hashFile);
  const load = useVaultStore((s) => s.load);
  useEffect(() => { void load(); }, [load]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('nav.vault')}</PageTitle>
      <p>{t('vault.intro')}</p>
      <VaultPackages />
      <h2>{t('vault.hashTitle')}</h2>
      <p>{t('vault.hashText')}</p>
      <button type="button" data-testid="hash-choose" onClick={() => void hashFile()}>{t('vault.chooseFile')}</button>
      <JobList kinds={HASH_TOOL_KINDS} />
    </section>
  );
}
