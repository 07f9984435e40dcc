/** Start: asks which side of the air gap this station is on, then shows that side's journey, each step a way to its page. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title.tsx';
import { JOURNEY } from '../pages.ts';
import { useAppStore } from '../stores/app-store.ts';

function SideChoice() {
  const { t } = useTranslation();
  const setSide = useAppStore((s) => s.setSide);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('home.chooseTitle')}</PageTitle>
      <p>{t('home.chooseText')}</p>
      <div className="side-choice">
        {(['restricted', 'connected'] as const).map((side) => (
          <button type="button" key={side} className="side-card" data-testid={`side-${side}`} onClick={() => void setSide(side)}>
            <strong>{t(`side.${side}`)}</strong>
            <span>{t(`side.${side}Hint`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const side = useAppStore((s) => s.settings.side);
  const go = useAppStore((s) => s.go);
  // Right after the side is chosen the journey replaces the choice: its heading takes the focus.
  const [sideAtFirstRender] = useState(side);
  if (!side) return <SideChoice />;
  return (
    <section aria-labelledby="page-title">
      <PageTitle focusOnMount={sideAtFirstRender === null}>{t('home.journeyTitle')}</PageTitle>
      <p data-testid="current-side">{t('home.thisSide', { side: t(`side.${side}`) })}</p>
      <ol className="journey" data-testid="journey">
        {JOURNEY[side].map(({ step, page }) => (
          <li key={step}>
            <button type="button" className="link" data-testid={`journey-${step}`} onClick={() => go(page)}>
              {t(`home.journey.${side}.${step}`)}
            </button>
            <span className="hint"> {t('home.onPage', { page: t(`nav.${page}`) })}</span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => go('settings')}>{t('home.change')}</button>
    </section>
  );
}
