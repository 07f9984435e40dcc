/** A page whose domain has no data yet: says honestly what will appear here. */
import { useTranslation } from 'react-i18next';
import type { Page } from '../stores/app-store.ts';
import { PageTitle } from './page-title.tsx';

type EmptyPage = Exclude<Page, 'home' | 'vault' | 'audit' | 'settings' | 'plan'>;

export function EmptyState({ page }: { page: EmptyPage }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t(`nav.${page}`)}</PageTitle>
      <div className="empty" data-testid={`empty-${page}`}>
        <p className="empty-title">{t('empty.notYet')}</p>
        <p>{t(`empty.${page}`)}</p>
      </div>
    </section>
  );
}
