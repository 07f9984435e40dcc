/**
 * Jump Clients after a site upgrade: when the upgrade finished, the list exported from the
 * representative console, and the check — which clients have not upgraded since, and why. Columns
 * Ferry cannot tell apart are mapped by the person (and remembered for lists with the same headers).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../shared/jumpclients/columns.ts';
import { InlineErrors } from '../components/error-notice.tsx';
import { JumpClientMapping } from '../components/jumpclient-mapping.tsx';
import { JumpClientResult } from '../components/jumpclient-result.tsx';
import { JumpClientSince } from '../components/jumpclient-since.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatBytes } from '../format.ts';
import { JUMPCLIENT_SOURCES, sinceIso, useJumpClientStore } from '../stores/jumpclient-store.ts';

export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const { file, since, result, unrecognised, busy, chooseFile, check } = useJumpClientStore();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const mapHeading = useRef<HTMLHeadingElement>(null);
  const ready = file !== null && sinceIso(since) !== null;
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
        <div className="field">
          <span className="label">{t('clients.file.label')}</span>
          <span className="hint">{t('clients.file.hint')}</span>
          <div className="buttons"><button type="button" data-testid="clients-choose" onClick={() => void chooseFile()}>{t('clients.file.choose')}</button></div>
          {file
            ? <p className="clients-file" data-testid="clients-file">{file.name} <span className="hint">({formatBytes(file.size, i18n.language)})</span></p>
            : <p className="hint" data-testid="clients-no-file">{t('clients.file.none')}</p>}
        </div>
        {/* Columns Ferry cannot tell apart are explained with the mapping below instead of as a bare error. */}
        <InlineErrors source={JUMPCLIENT_SOURCES.check} except={unrecognised ? ['CSV_UNRECOGNISED'] : undefined} />
        <div className="buttons">
          <button type="submit" className="primary" data-testid="clients-check" disabled={!ready || busy}>{t('clients.check')}</button>
        </div>
        {!ready ? <p className="hint" data-testid="clients-check-needs">{t('clients.checkNeeds')}</p> : null}
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
