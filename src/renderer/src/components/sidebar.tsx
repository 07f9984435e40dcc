/**
 * The sidebar: one button per page, the current one marked for screen readers too. Pages used on the
 * other side of the air gap stay reachable but are dimmed and labelled, so the journey of this side
 * stands out without hiding anything a person may need.
 */
import { useTranslation } from 'react-i18next';
import { isOtherSide, PAGES } from '../pages.ts';
import { useAppStore } from '../stores/app-store.ts';

export function Sidebar() {
  const { t } = useTranslation();
  const page = useAppStore((s) => s.page);
  const side = useAppStore((s) => s.settings.side);
  const go = useAppStore((s) => s.go);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <ul>
        {PAGES.map((p) => {
          const other = isOtherSide(p, side);
          return (
            <li key={p}>
              <button type="button" data-testid={`nav-${p}`} data-other-side={other || undefined} className={other ? 'other-side' : undefined}
                aria-current={p === page ? 'page' : undefined} onClick={() => go(p)}>
                <span className="nav-text">{t(`nav.${p}`)}</span>
                {other ? <span className="nav-side" data-testid={`nav-${p}-other`}>{t('nav.otherSide')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
