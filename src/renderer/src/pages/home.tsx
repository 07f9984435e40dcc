/** Start: asks which side of the air gap this station is on, then shows that side's journey. */
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../shared/contract.ts';
import { useAppStore } from '../stores/app-store.ts';

const JOURNEY: Record<Side, readonly string[]> = {
  restricted: ['record', 'keys', 'target', 'request', 'import', 'plan', 'runbook'],
  connected: ['read', 'download', 'identify', 'bundle'],
};

function SideChoice() {
  const { t } = useTranslation();
  const setSide = useAppStore((s) => s.setSide);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('home.chooseTitle')}</h1>
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
  if (!side) return <SideChoice />;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('home.journeyTitle')}</h1>
      <p data-testid="current-side">{t('home.thisSide', { side: t(`side.${side}`) })}</p>
      <ol className="journey" data-testid="journey">
        {JOURNEY[side].map((step) => (
          <li key={step}>{t(`home.journey.${side}.${step}`)}</li>
        ))}
      </ol>
      <button type="button" onClick={() => go('settings')}>{t('home.change')}</button>
    </section>
  );
}
