/**
 * Linking an appliance to its API, in its row: the /login address (from the inventory's host name),
 * the API account's client ID and secret; step 1 shows the certificate the appliance presents, step 2
 * links with that certificate pinned once the person has compared its fingerprint. Enter does the
 * step at hand, Escape cancels; the secret is sent once and never shown again.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance, PresentedCertificateInfo } from '../../../shared/contract.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { LINK_SOURCES, useLinkStore, type LinkedAccount } from '../stores/link-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { LinkCertificate } from './link-certificate.tsx';

interface Props {
  appliance: Appliance;
  /** The address linked before (re-linking), else the inventory's host name is used. */
  origin: string | null;
  onLinked(account: LinkedAccount): void;
  onCancel(): void;
}

type Field = 'url' | 'clientId' | 'secret';

export function LinkPanel({ appliance, origin, onLinked, onCancel }: Props) {
  const { t } = useTranslation();
  const showCertificate = useLinkStore((s) => s.certificate);
  const create = useLinkStore((s) => s.create);
  const abandoned = useErrorStore((s) => s.abandoned);
  const [url, setUrl] = useState(`${origin ?? `https://${appliance.hostname}`}/login`);
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  // The certificate shown, and for which address: another address must be shown again before linking.
  const [cert, setCert] = useState<{ info: PresentedCertificateInfo; url: string } | null>(null);
  const [missing, setMissing] = useState<Field | null>(null);
  const [busy, setBusy] = useState<'cert' | 'link' | null>(null);
  const certRef = useRef<HTMLDivElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const id = `link-${appliance.id}`;
  const shown = cert !== null && cert.url === url.trim() ? cert.info : null;
  // The certificate takes the focus when it arrives (not when an edited address comes back to it).
  const [arrived, setArrived] = useState(0);
  useEffect(() => { if (arrived > 0) certRef.current?.focus(); }, [arrived]);
  const focusField = (field: Field) => requestAnimationFrame(() => document.getElementById(`${id}-${field}`)?.focus());

  const show = async () => {
    if (busy) return;
    if (url.trim() === '') { setMissing('url'); focusField('url'); return; }
    setMissing(null);
    setBusy('cert');
    const r = await showCertificate(appliance.id, url.trim());
    setBusy(null);
    if (r.ok) { setCert({ info: r.value, url: url.trim() }); setArrived((n) => n + 1); }
    else { setCert(null); focusField('url'); }
  };
  const link = async () => {
    if (busy || !shown) return;
    const empty: Field | null = clientId.trim() === '' ? 'clientId' : secret === '' ? 'secret' : null;
    setMissing(empty);
    if (empty) { focusField(empty); return; }
    setBusy('link');
    const r = await create(appliance.id, { url: url.trim(), clientId: clientId.trim(), secret, pin: shown.sha256 });
    setBusy(null);
    if (r.ok) { setSecret(''); onLinked(r.value); return; }
    // The certificate changed since it was shown: it must be shown (and compared) again.
    if (r.error.code === 'LINK_PIN_MISMATCH') { setCert(null); requestAnimationFrame(() => showButton.current?.focus()); }
    else if (r.error.code === 'LINK_AUTH_FAILED') focusField('secret');
    else if (r.error.code === 'USAGE' && (r.error.details?.field === 'clientId' || r.error.details?.field === 'secret')) focusField(r.error.details.field);
    else linkButton.current?.focus();
  };
  const cancel = () => {
    for (const source of [LINK_SOURCES.certificate(appliance.id), LINK_SOURCES.create(appliance.id)]) abandoned(source);
    onCancel();
  };
  const field = (name: Field, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {hint ? <span className="hint" id={`${id}-${name}-hint`}>{hint}</span> : null}
      {missing === name ? <span className="field-error" id={`${id}-${name}-error`} data-testid={`link-${name}-error`} role="alert">{t('link.panel.required')}</span> : null}
    </div>
  );
  const described = (name: Field, hint: boolean) => [hint ? `${id}-${name}-hint` : '', missing === name ? `${id}-${name}-error` : ''].join(' ').trim() || undefined;
  return (
    <form className="link-panel" data-testid="link-panel" noValidate aria-labelledby={`${id}-title`}
      onSubmit={(e) => { e.preventDefault(); void (shown ? link() : show()); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
      <h3 id={`${id}-title`}>{t('link.panel.title', { name: appliance.name })}</h3>
      <p className="hint">{t('link.panel.intro')}</p>
      <p className="link-readonly">{t('link.readOnly')}</p>
      <div className="field-grid">
        {field('url', t('link.panel.url'), (
          <input id={`${id}-url`} data-testid="link-url" type="url" value={url} autoFocus spellCheck={false} autoComplete="off"
            aria-invalid={missing === 'url' || undefined} aria-describedby={described('url', true)} onChange={(e) => setUrl(e.target.value)} />
        ), t('link.panel.urlHint'))}
        {field('clientId', t('link.panel.clientId'), (
          <input id={`${id}-clientId`} data-testid="link-client-id" value={clientId} spellCheck={false} autoComplete="off"
            aria-invalid={missing === 'clientId' || undefined} aria-describedby={described('clientId', false)} onChange={(e) => setClientId(e.target.value)} />
        ))}
        {field('secret', t('link.panel.secret'), (
          <input id={`${id}-secret`} data-testid="link-secret" type="password" value={secret} spellCheck={false} autoComplete="off"
            aria-invalid={missing === 'secret' || undefined} aria-describedby={described('secret', true)} onChange={(e) => setSecret(e.target.value)} />
        ), t('link.panel.secretHint'))}
      </div>
      <p className="hint">{t('link.panel.account')}</p>
      <InlineErrors source={LINK_SOURCES.certificate(appliance.id)} testId="link-cert-errors" />
      {shown ? (
        <>
          <LinkCertificate certificate={shown} id={`${id}-cert`} ref={certRef} />
          <InlineErrors source={LINK_SOURCES.create(appliance.id)} testId="link-create-errors" />
          <div className="buttons">
            <button type="submit" className="primary" ref={linkButton} data-testid="link-confirm" aria-disabled={busy !== null || undefined}>
              {busy === 'link' ? t('link.panel.linking') : t('link.panel.confirm')}
            </button>
            <button type="button" data-testid="link-show-again" onClick={() => void show()} aria-disabled={busy !== null || undefined}>{t('link.panel.showAgain')}</button>
            <button type="button" data-testid="link-cancel" onClick={cancel}>{t('settings.cancel')}</button>
          </div>
        </>
      ) : (
        <>
          <InlineErrors source={LINK_SOURCES.create(appliance.id)} testId="link-create-errors" />
          <div className="buttons">
            <button type="submit" className="primary" ref={showButton} data-testid="link-show-cert" aria-disabled={busy !== null || undefined}>
              {busy === 'cert' ? t('link.panel.connecting') : t('link.panel.showCert')}
            </button>
            <button type="button" data-testid="link-cancel" onClick={cancel}>{t('settings.cancel')}</button>
          </div>
        </>
      )}
    </form>
  );
}
