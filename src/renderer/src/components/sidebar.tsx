/** The sidebar: one button per page, the current one marked for screen readers too. */
import { useTranslation } from 'react-i18next';
import { PAGES, useAppStore } from '../stores/app-store.ts';

export function Sidebar() {
  const { t } = useTranslation();
  const page = useAppStore((s) => s.page);
  const go = useAppStore((s) => s.go);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <ul>
        {PAGES.map((p) => (
          <li key={p}>
            <button type="button" data-testid={`nav-${p}`} aria-current={p === page ? 'page' : undefined} onClick={() => go(p)}>
              {t(`nav.${p}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
