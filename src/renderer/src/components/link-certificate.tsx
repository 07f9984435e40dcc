/**
 * The certificate an appliance presents, for the person to compare with the one the appliance itself
 * shows (/appliance › Security › Certificates) before confirming it: the whole SHA-256 fingerprint in
 * groups of four (or as AB:CD pairs, as browsers show it), subject, issuer, validity, names.
 */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedCertificateInfo } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatTime } from '../format.ts';
import { alternativeNames, certificateDate, colonPairs } from './link-facts.ts';

interface Props {
  certificate: PresentedCertificateInfo;
  /** Unique on the page (labels the group). */
  id: string;
  /** Takes the focus when it appears, so the fingerprint is what is read next. */
  ref?: Ref<HTMLDivElement>;
}

export function LinkCertificate({ certificate: c, id, ref }: Props) {
  const { t, i18n } = useTranslation();
  const [pairs, setPairs] = useState(false);
  const date = (text: string) => {
    const at = certificateDate(text);
    return at ? formatTime(at.toISOString(), i18n.language) : text;
  };
  const expired = (certificateDate(c.validTo)?.getTime() ?? Infinity) < Date.now();
  return (
    <div className="link-cert" role="group" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref} data-testid="link-certificate">
      <h4 id={`${id}-title`}>{t('link.cert.title', { origin: c.origin })}</h4>
      <p className="link-cert-label">{t('link.cert.fingerprint')}</p>
      {/* Two lines of equal halves at any width, so the eye keeps its place while comparing. */}
      <code className="fingerprint full link-fingerprint" data-testid="link-fingerprint" data-format={pairs ? 'pairs' : 'groups'}>
        {pairs
          ? <><span>{colonPairs(c.sha256.slice(0, 32))}:</span><span>{colonPairs(c.sha256.slice(32))}</span></>
          : <><span>{formatFingerprint(c.sha256.slice(0, 32))}</span> <span>{formatFingerprint(c.sha256.slice(32))}</span></>}
      </code>
      <button type="button" className="small" data-testid="link-fingerprint-format" aria-pressed={pairs} onClick={() => setPairs(!pairs)}>
        {t('link.cert.pairs')}
      </button>
      <dl className="facts link-cert-facts">
        <dt>{t('link.cert.subject')}</dt><dd data-testid="link-cert-subject">{c.subject}</dd>
        <dt>{t('link.cert.issuer')}</dt><dd data-testid="link-cert-issuer">{c.issuer === c.subject ? t('link.cert.selfSigned', { issuer: c.issuer }) : c.issuer}</dd>
        <dt>{t('link.cert.validTo')}</dt>
        <dd data-testid="link-cert-valid-to">{date(c.validTo)}{expired ? <span className="warn-text"> {t('link.cert.expired')}</span> : null}</dd>
        {c.subjectAltName ? <><dt>{t('link.cert.names')}</dt><dd className="path">{alternativeNames(c.subjectAltName)}</dd></> : null}
      </dl>
      <p className="link-compare" data-testid="link-compare">{t('link.cert.compare')}</p>
    </div>
  );
}
