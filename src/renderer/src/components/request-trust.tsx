/**
 * The inline trust step for a request from a station not trusted here: the person types the
 * fingerprint read off the requesting station's screen (Ferry does not show it, so it cannot just be
 * confirmed), optionally a name; the request is read again once its station is trusted.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { STATION_SOURCES, useStationStore } from '../stores/station-store.ts';
import { useTransferStore } from '../stores/transfer-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { FingerprintInput } from './fingerprint-input.tsx';

// Refusals shown under the fingerprint field; the rest under the buttons.
const FINGERPRINT_ERRORS: readonly ErrorCode[] = ['FINGERPRINT_MISMATCH', 'FINGERPRINT_MALFORMED'];

export function RequestTrust({ handle, name }: { handle: string; name: string }) {
  const { t } = useTranslation();
  const trust = useStationStore((s) => s.trust);
  const reopen = useTransferStore((s) => s.reopenRequest);
  const [fingerprint, setFingerprint] = useState('');
  const [ownName, setOwnName] = useState('');
  const [busy, setBusy] = useState(false);
  const fingerprintRef = useRef<HTMLInputElement>(null);
  const refused = useErrorStore((s) => s.errors.some((e) => e.source === STATION_SOURCES.trust && FINGERPRINT_ERRORS.includes(e.data.code)));
  const submit = async () => {
    // Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>.
    if (busy) return;
    setBusy(true);
    const r = await trust({ kind: 'file', handle }, fingerprint, ownName);
    if (r.ok) await reopen();
    setBusy(false);
    if (!r.ok && FINGERPRINT_ERRORS.includes(r.error.code)) requestAnimationFrame(() => fingerprintRef.current?.focus());
  };
  return (
    <form className="trust-form request-trust" data-testid="request-trust" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p className="transfer-warning">{t('transfer.open.untrusted', { name })}</p>
      <p className="hint">{t('transfer.open.compare')}</p>
      <FingerprintInput value={fingerprint} onChange={setFingerprint} inputRef={fingerprintRef} invalid={refused} errorsId="request-trust-fingerprint-errors">
        <InlineErrors source={STATION_SOURCES.trust} only={FINGERPRINT_ERRORS} testId="errors-trust-fingerprint" id="request-trust-fingerprint-errors" />
      </FingerprintInput>
      <div className="field">
        <label htmlFor="request-trust-name">{t('trust.nameLabel')}</label>
        <input id="request-trust-name" data-testid="trust-name" value={ownName} placeholder={name} onChange={(e) => setOwnName(e.target.value)} aria-describedby="request-trust-name-hint" />
        <span className="hint" id="request-trust-name-hint">{t('trust.nameHintRequest')}</span>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="trust-confirm" aria-disabled={busy || undefined}>{t('trust.confirm')}</button>
      </div>
      <InlineErrors source={STATION_SOURCES.trust} except={FINGERPRINT_ERRORS} />
    </form>
  );
}
