/**
 * Transfer: the steps of this station's side of the air gap (Settings › side) — restricted: write a
 * request, verify and import a bundle; connected: open a request, identify the downloads, write a
 * bundle. The other side's steps stay reachable in a fold (a person may need them).
 */
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../shared/contract.ts';
import { BundlePackages } from '../components/bundle-packages.tsx';
import { BundleReceive } from '../components/bundle-receive.tsx';
import { BundleWrite } from '../components/bundle-write.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { RequestOpen } from '../components/request-open.tsx';
import { RequestWrite } from '../components/request-write.tsx';
import { useAppStore } from '../stores/app-store.ts';

function Steps({ side }: { side: Side }) {
  return side === 'restricted'
    ? <><RequestWrite number={1} /><BundleReceive number={2} /></>
    : <><RequestOpen number={1} /><BundlePackages number={2} /><BundleWrite number={3} /></>;
}

export function TransferPage() {
  const { t } = useTranslation();
  const side = useAppStore((s) => s.settings.side);
  const go = useAppStore((s) => s.go);
  const sides: Side[] = side === null ? ['restricted', 'connected'] : [side];
  const other: Side | null = side === null ? null : side === 'restricted' ? 'connected' : 'restricted';
  return (
    <section aria-labelledby="page-title" className="transfer-page">
      <PageTitle>{t('nav.transfer')}</PageTitle>
      {side === null ? (
        <p data-testid="transfer-no-side">
          {t('transfer.noSide')} <button type="button" className="link" onClick={() => go('home')}>{t('transfer.chooseSide')}</button>
        </p>
      ) : <p data-testid="transfer-side">{t('transfer.thisSide', { side: t(`side.${side}`) })}</p>}
      {sides.map((s) => (
        <div key={s} className="transfer-side" data-testid={`transfer-${s}`}>
          {side === null ? <h2 className="side-title">{t(`side.${s}`)}</h2> : null}
          <Steps side={s} />
        </div>
      ))}
      {other ? (
        <details className="transfer-other" data-testid="transfer-other-side">
          <summary>{t('transfer.otherSide', { side: t(`side.${other}`) })}</summary>
          <div data-testid={`transfer-${other}`}><Steps side={other} /></div>
        </details>
      ) : null}
    </section>
  );
}
