/**
 * Connected side, step 3: open a request from the stick — who signed it and whether that station is
 * trusted here (if not, the inline trust step), what it asks for, and per appliance the key and the
 * steps on the vendor's site.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatTime } from '../format.ts';
import { TRANSFER_SOURCES, useTransferStore } from '../stores/transfer-store.ts';
import { RequestAppliances } from './request-appliances.tsx';
import { RequestTrust } from './request-trust.tsx';
import { TransferErrors } from './transfer-errors.tsx';
import { TransferStep, useFocusOnAppear } from './transfer-step.tsx';

function Signer({ view, handle }: { view: RequestView; handle: string }) {
  const { t } = useTranslation();
  // An untrusted signer's fingerprint is not shown: the person must read it off the other screen, not confirm ours.
  const ref = useRef<HTMLDivElement>(null);
  // Right after trusting, the trust form is gone: its outcome takes the focus.
  useFocusOnAppear(ref, view.signer.trusted, { onlyIfLost: true });
  if (!view.signer.trusted) return <RequestTrust handle={handle} name={view.signer.name} />;
  return (
    <div className="request-signer" ref={ref} tabIndex={-1} data-testid="request-signer-trusted">
      <p className="status-ok">{t('transfer.open.trusted', { name: view.signer.trustedAs ?? view.signer.name })}</p>
      <code className="fingerprint" data-testid="request-signer-fingerprint">{formatFingerprint(view.signer.fingerprint)}</code>
    </div>
  );
}

function Summary({ view }: { view: RequestView }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  // An untrusted request sends the focus to the fingerprint field instead (the next thing to do), and
  // trusting it later to the signer's line: only a request trusted when opened focuses its summary.
  const [trustedWhenOpened] = useState(view.signer.trusted);
  useFocusOnAppear(ref, view.id, { enabled: trustedWhenOpened });
  const target = view.target.siteVersion === 'latest' ? t('transfer.open.targetLatest') : view.target.siteVersion;
  return (
    <>
      <p ref={ref} tabIndex={-1} data-testid="request-summary">
        {t('transfer.open.summary', { name: view.signer.name, site: view.site, time: formatTime(view.createdAt, i18n.language), count: view.appliances.length })}
      </p>
      <p className="request-target" data-testid="request-target"><strong>{t('transfer.open.target', { target })}</strong>
        {view.target.base ? <> · {t('transfer.open.targetBase', { base: view.target.base })}</> : null}
      </p>
      {view.have.length > 0 ? <p className="hint">{t('transfer.open.have', { count: view.have.length })}</p> : null}
    </>
  );
}

export function RequestOpen({ number }: { number: number }) {
  const { t } = useTranslation();
  const { requestFile, opened, openRequest } = useTransferStore();
  return (
    <TransferStep id="step-open" number={number} title={t('transfer.open.title')} intro={t('transfer.open.intro')}>
      <div className="buttons">
        <button type="button" className={opened ? undefined : 'primary'} data-testid="request-open" onClick={() => void openRequest()}>{t('transfer.open.choose')}</button>
      </div>
      {requestFile && opened ? <p className="hint" data-testid="request-open-file">{t('transfer.open.file', { name: requestFile.name })}</p> : null}
      <TransferErrors source={TRANSFER_SOURCES.open} />
      {requestFile && opened ? (
        <>
          <Summary view={opened} />
          <Signer view={opened} handle={requestFile.handle} />
          <RequestAppliances appliances={opened.appliances} />
        </>
      ) : null}
    </TransferStep>
  );
}
