/** A page whose feature is not built yet: says honestly that it arrives in a later version, and what it will do. */
import { useTranslation } from 'react-i18next';
import type { Page } from '../stores/app-store.ts';
import { PageTitle } from './page-title.tsx';

type EmptyPage = Extract<Page, 'runbook' | 'certificates' | 'clients'>;

export function EmptyState({ page }: { page: EmptyPage }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(`nav.${page}`)}</PageTitle>
      <div className="empty" data-testid={`empty-${page}`}>
        <p className="empty-title">{t('empty.later')}</p>
        <p>{t(`empty.${page}`)}</p>
      </div>
    </section>
  );
}
