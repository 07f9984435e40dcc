/** The vault: its store of packages arrives in a later version (said so); today it offers the SHA-256 check of a file. */
import { useTranslation } from 'react-i18next';
import { JobList } from '../components/job-list.tsx';
import { useJobsStore } from '../stores/jobs-store.ts';
import { PageTitle } from '../components/page-title.tsx';

export function VaultPage() {
  const { t } = useTranslation();
  const hashFile = useJobsStore((s) => s.hashFile);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('nav.vault')}</PageTitle>
      <div className="empty" data-testid="empty-vault">
        <p className="empty-title">{t('empty.later')}</p>
        <p>{t('empty.vault')}</p>
      </div>
      <h2>{t('vault.hashTitle')}</h2>
      <p>{t('vault.hashText')}</p>
      <button type="button" data-testid="hash-choose" onClick={() => void hashFile()}>{t('vault.chooseFile')}</button>
      <JobList />
    </section>
  );
}
