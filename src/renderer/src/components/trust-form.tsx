/**
 * Trusting another station, as SSH does it: paste or open its public key or one of its requests,
 * see the name it carries, and type the fingerprint read off the other station's screen. Ferry
 * never shows the key's fingerprint here, so the person cannot simply confirm what is displayed.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyPreview, KeySource } from '../../../shared/contract.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { STATION_SOURCES, useStationStore } from '../stores/station-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { FingerprintInput } from './fingerprint-input.tsx';
import { NameCount } from './name-count.tsx';
import { TrustNoticeText } from './trust-notice.tsx';

interface ReadKey {
  source: KeySource;
  preview: KeyPreview;
  /** The file it came from, if opened from a file. */
  fileName: string | null;
}

// Refusals shown under the field they are about (the rest under the form's buttons).
const FINGERPRINT_ERRORS: readonly ErrorCode[] = ['FINGERPRINT_MISMATCH', 'FINGERPRINT_MALFORMED'];
const NAME_ERRORS: readonly ErrorCode[] = ['NAME_INVALID'];
const FIELD_ERRORS = [...FINGERPRINT_ERRORS, ...NAME_ERRORS];

/** Whether the trust action's last refusal is one of `codes`. */
function useRefused(codes: readonly ErrorCode[]): boolean {
  return useErrorStore((s) => s.errors.some((e) => e.source === STATION_SOURCES.trust && codes.includes(e.data.code)));
}

/** Step 1: where the key comes from. */
function KeySourceStep({ onRead, focus }: { onRead(key: ReadKey): void; focus: boolean }) {
  const { t } = useTranslation();
  const preview = useStationStore((s) => s.preview);
  const pickKeyFile = useStationStore((s) => s.pickKeyFile);
  const [text, setText] = useState('');
  const read = async (source: KeySource, fileName: string | null) => {
    const result = await preview(source);
    if (result) onRead({ source, preview: result, fileName });
  };
  const open = async () => {
    const file = await pickKeyFile();
    if (file) await read({ kind: 'file', handle: file.handle }, file.name);
  };
  return (
    <div className="trust-step">
      <label htmlFor="trust-text">{t('trust.pasteLabel')}</label>
      <textarea id="trust-text" data-testid="trust-text" rows={5} autoFocus={focus} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)}
        placeholder="-----BEGIN PUBLIC KEY-----" />
      <div className="buttons">
        <button type="button" data-testid="trust-read" disabled={text.trim() === ''} onClick={() => void read({ kind: 'text', text }, null)}>{t('trust.read')}</button>
        <button type="button" data-testid="trust-open" onClick={() => void open()}>{t('trust.openFile')}</button>
      </div>
    </div>
  );
}

/** Moves the focus to a refused field and brings it, with its refusal, into view. */
function focusRefused(ref: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.closest('.field')?.scrollIntoView({ block: 'nearest' });
  });
}

/** Step 2: the name it carries, the typed fingerprint, an optional name of our own. */
function ConfirmStep({ read, onDone, onCancel }: { read: ReadKey; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const trust = useStationStore((s) => s.trust);
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const fingerprintRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const fingerprintRefused = useRefused(FINGERPRINT_ERRORS);
  const nameRefused = useRefused(NAME_ERRORS);
  const submit = async () => {
    // Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>.
    if (busy) return;
    setBusy(true);
    const r = await trust(read.source, fingerprint, name);
    setBusy(false);
    if (r.ok) onDone();
    else if (FINGERPRINT_ERRORS.includes(r.error.code)) focusRefused(fingerprintRef);
    else if (NAME_ERRORS.includes(r.error.code)) focusRefused(nameRef);
  };
  const what = read.preview.name === null ? t('trust.readPem') : t('trust.readRequest', { name: read.preview.name });
  return (
    <form className="trust-step" onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <p data-testid="trust-preview">{read.fileName ? t('trust.fromFile', { file: read.fileName }) : null}{what}</p>
      <FingerprintInput value={fingerprint} onChange={setFingerprint} inputRef={fingerprintRef} invalid={fingerprintRefused} errorsId="trust-fingerprint-errors">
        <InlineErrors source={STATION_SOURCES.trust} only={FINGERPRINT_ERRORS} testId="errors-trust-fingerprint" id="trust-fingerprint-errors" />
      </FingerprintInput>
      <div className="field" data-testid="trust-name-field">
        <label htmlFor="trust-name">{t('trust.nameLabel')}</label>
        <input id="trust-name" ref={nameRef} data-testid="trust-name" value={name} onChange={(e) => setName(e.target.value)}
          placeholder={read.preview.name ?? ''} aria-invalid={nameRefused || undefined}
          aria-describedby={`${nameRefused ? 'trust-name-errors ' : ''}trust-name-hint${name ? ' trust-name-count' : ''}`} />
        <span className="hint" id="trust-name-hint">{read.preview.name === null ? t('trust.nameHintPem') : t('trust.nameHintRequest')}</span>
        {name ? <NameCount name={name} id="trust-name-count" testId="trust-name-count" /> : null}
        <InlineErrors source={STATION_SOURCES.trust} only={NAME_ERRORS} testId="errors-trust-name" id="trust-name-errors" />
      </div>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="trust-confirm" aria-disabled={busy || undefined}>{t('trust.confirm')}</button>
        <button type="button" data-testid="trust-cancel" onClick={onCancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}

/** The whole flow, with its errors next to it and a confirmation that takes the focus. */
export function TrustForm() {
  const { t } = useTranslation();
  const [read, setRead] = useState<ReadKey | null>(null);
  const notice = useStationStore((s) => s.lastTrust);
  const abandoned = useErrorStore((s) => s.abandoned);
  // After Cancel the focus goes back to where the key is entered, not to the top of the page.
  const [cancelled, setCancelled] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (notice) noticeRef.current?.focus(); }, [notice]);
  return (
    <div className="trust-form" data-testid="trust-form">
      <p className="hint">{t('trust.intro')}</p>
      {notice ? (
        <p className="status-ok" role="status" tabIndex={-1} ref={noticeRef} data-testid="trust-done" data-already={notice.station.alreadyTrusted}>
          <TrustNoticeText notice={notice} />
        </p>
      ) : null}
      {read
        ? <ConfirmStep read={read} onDone={() => setRead(null)} onCancel={() => { abandoned(STATION_SOURCES.trust); setCancelled(true); setRead(null); }} />
        : <KeySourceStep focus={cancelled} onRead={setRead} />}
      <InlineErrors source={STATION_SOURCES.trust} except={FIELD_ERRORS} />
    </div>
  );
}
