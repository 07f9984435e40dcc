/**
 * Jump Clients after a site upgrade: when the upgrade finished, the list exported from the
 * representative console (or read from a linked appliance), and the check — which clients have not
 * upgraded since, and why. Columns Ferry cannot tell apart are mapped by the person (and remembered
 * for lists with the same headers).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../shared/jumpclients/columns.ts';
import { InlineErrors } from '../components/error-notice.tsx';
import { JumpClientMapping } from '../components/jumpclient-mapping.tsx';
import { JumpClientResult } from '../components/jumpclient-result.tsx';
import { JumpClientSince } from '../components/jumpclient-since.tsx';
import { JumpClientSource } from '../components/jumpclient-source.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { JUMPCLIENT_SOURCES, sinceIso, useJumpClientStore } from '../stores/jumpclient-store.ts';

export function ClientsPage() {
  const { t } = useTranslation();
  const { source, file, applianceId, since, result, unrecognised, busy, check } = useJumpClientStore();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const mapHeading = useRef<HTMLHeadingElement>(null);
  const fromAppliance = source === 'appliance';
  const ready = (fromAppliance ? applianceId !== null : file !== null) && sinceIso(since) !== null;
  // After a check the eye goes to what it found: the result, or the columns to map.
  const run = async (mapping?: Partial<ColumnMapping>) => {
    const outcome = await check(mapping);
    const target = outcome === 'result' ? resultHeading : outcome === 'unrecognised' ? mapHeading : null;
    if (target) requestAnimationFrame(() => target.current?.focus());
  };
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('nav.clients')}</PageTitle>
      <p>{t('clients.intro')}</p>
      <form className="clients-form" onSubmit={(e) => { e.preventDefault(); if (ready && !busy) void run(); }}>
        <JumpClientSince />
        <JumpClientSource />
        {/* Columns Ferry cannot tell apart are explained with the mapping below instead of as a bare error. */}
        <InlineErrors source={JUMPCLIENT_SOURCES.check} except={unrecognised ? ['CSV_UNRECOGNISED'] : undefined} />
        <div className="buttons">
          <button type="submit" className="primary" data-testid="clients-check" disabled={!ready} aria-disabled={busy || undefined}>{t('clients.check')}</button>
        </div>
        {busy && fromAppliance ? <p className="hint" role="status" data-testid="clients-reading">{t('clients.source.reading')}</p> : null}
        {!ready ? <p className="hint" data-testid="clients-check-needs">{fromAppliance ? t('clients.source.checkNeeds') : t('clients.checkNeeds')}</p> : null}
      </form>
      {unrecognised ? (
        <div className="clients-unrecognised" data-testid="clients-unrecognised">
          <h2 ref={mapHeading} tabIndex={-1}>{t('clients.mapping.mapTitle')}</h2>
          <p className="warning-box">{t('clients.mapping.unrecognised')} <span className="code">{t('errors.code')}: CSV_UNRECOGNISED</span></p>
          <JumpClientMapping key={JSON.stringify(unrecognised)} headers={unrecognised.headers} shown={unrecognised.found} busy={busy} onCheck={(m) => void run(m)} />
        </div>
      ) : result ? <JumpClientResult result={result} headingRef={resultHeading} onCheck={(m) => void run(m)} /> : null}
    </section>
  );
}
