/**
 * What writing a bundle did — first, and prominently, whether each appliance of the request reaches
 * its target with these packages or what to download additionally (the stick is still here), then
 * what was written, left out or superseded, and "safe to remove" last.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedBundle } from '../../../shared/contract.ts';
import { ERROR_CODES, errorText, type ErrorCode } from '../../../shared/errors.ts';
import { useAppStore } from '../stores/app-store.ts';
import { formatBytes, formatTime, rangeInWords } from '../format.ts';
import { useFocusOnAppear } from './transfer-step.tsx';

function useComponentName() {
  const { t } = useTranslation();
  return (component: string) => (component === 'site' || component === 'base' ? t(`plan.component.${component}`) : component);
}

function Coverage({ item }: { item: CreatedBundle['coverage'][number] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const componentName = useComponentName();
  if (item.reachable) {
    return (
      <li className="coverage-ok" data-testid="coverage" data-reachable="true">
        <strong>{t('transfer.written.reaches', { name: item.appliance })}</strong>
        <span className="hint"> {t('transfer.written.steps', { steps: item.steps.join(' → ') || '—' })}</span>
      </li>
    );
  }
  const known = item.error && (ERROR_CODES as readonly string[]).includes(item.error.code) ? errorText(item.error.code as ErrorCode, language).title : null;
  return (
    <li className="coverage-bad" data-testid="coverage" data-reachable="false">
      <strong>{t('transfer.written.notReached', { name: item.appliance, base: item.from.base, site: item.from.site })}</strong>
      {item.error ? <p>{known ?? item.error.message} <span className="code">{t('errors.code')}: {item.error.code}</span></p> : null}
      {item.nextTrip.length > 0 ? (
        <>
          <p>{t('transfer.written.downloadMore')}</p>
          <ul data-testid="coverage-next-trip">
            {item.nextTrip.map((n) => <li key={`${n.component} ${n.range}`}>{t('plan.nextTripItem', { component: componentName(n.component), range: rangeInWords(n.range, t) })}</li>)}
          </ul>
        </>
      ) : null}
      {item.blockers.length > 0 ? (
        <ul className="blockers">
          {item.blockers.map((b, i) => (
            <li key={i} className="hint">
              {b.package === 'target'
                ? t('plan.blockerTarget', { component: componentName(b.requires.component), range: rangeInWords(b.requires.range, t) })
                : t('plan.blocker', { package: b.package, component: componentName(b.requires.component), range: rangeInWords(b.requires.range, t) })}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function BundleWritten({ bundle }: { bundle: CreatedBundle }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnAppear(ref, bundle.id);
  return (
    <div className="transfer-result" data-testid="bundle-written" data-complete={bundle.complete}>
      <h3 ref={ref} tabIndex={-1} className={bundle.complete ? 'status-ok' : 'status-bad'}>
        {bundle.complete ? t('transfer.written.complete') : t('transfer.written.incomplete')}
      </h3>
      <ul className="coverage">{bundle.coverage.map((c) => <Coverage key={c.appliance} item={c} />)}</ul>
      {bundle.complete ? null : <p className="transfer-warning" data-testid="bundle-incomplete">{t('transfer.written.incompleteNext')}</p>}
      <h4>{t('transfer.written.packages', { count: bundle.packages.length })}</h4>
      {bundle.packages.length > 0 ? (
        <ul data-testid="bundle-written-packages">
          {bundle.packages.map((p) => (
            <li key={p.sha256} data-testid="bundle-written-package" data-parts={p.parts}>
              {p.name} · {formatBytes(p.size, i18n.language)}{p.parts > 0 ? ` · ${t('transfer.written.parts', { count: p.parts })}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {bundle.alreadyThere.length > 0 ? <p data-testid="bundle-already-there">{t('transfer.written.alreadyThere', { names: bundle.alreadyThere.join(', ') })}</p> : null}
      {bundle.superseded.length > 0 ? <p data-testid="bundle-superseded">{t('transfer.written.superseded', { names: bundle.superseded.join(', ') })}</p> : null}
      <p className="hint">
        <code className="path" data-testid="bundle-dir">{bundle.dir}</code><br />
        {t('transfer.written.valid', { time: formatTime(bundle.expiresAt, i18n.language), sequence: bundle.sequence })}
      </p>
      {bundle.complete
        ? <p className="safe-remove" data-testid="bundle-safe">{t('transfer.safeToRemove')}</p>
        : <p className="hint" data-testid="bundle-remove-later">{t('transfer.written.removeWhenDone')}</p>}
    </div>
  );
}
