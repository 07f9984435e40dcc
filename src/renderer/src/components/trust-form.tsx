/**
 * Trusting another station, as SSH does it: paste or open its public key or one of its requests,
 * see the name it carries, and type the fingerprint read off the other station's screen. Ferry
 * never shows the key's fingerprint here, so the person cannot simply confirm what is displayed.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyPreview, KeySource, TrustedStation } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { MAX_NAME_LENGTH } from '../../../shared/names.ts';
import { STATION_SOURCES, useStationStore } from '../stores/station-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { FingerprintInput } from './fingerprint-input.tsx';

interface ReadKey {
  source: KeySource;
  preview: KeyPreview;
  /** The file it came from, if opened from a file. */
  fileName: string | null;
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

/** Step 2: the name it carries, the typed fingerprint, an optional name of our own. */
function ConfirmStep({ read, onDone, onCancel }: { read: ReadKey; onDone(s: TrustedStation): void; onCancel(): void }) {
  const { t } = useTranslation();
  const trust = useStationStore((s) => s.trust);
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const trusted = await trust(read.source, fingerprint, name);
    setBusy(false);
    if (trusted) onDone(trusted);
  };
  const what = read.preview.name === null ? t('trust.readPem') : t('trust.readRequest', { name: read.preview.name });
  return (
    <form className="trust-step" onSubmit={(e) => { e.preventDefault(); void submit(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <p data-testid="trust-preview">{read.fileName ? t('trust.fromFile', { file: read.fileName }) : null}{what}</p>
      <FingerprintInput value={fingerprint} onChange={setFingerprint} />
      <div className="field">
        <label htmlFor="trust-name">{t('trust.nameLabel')}</label>
        <input id="trust-name" data-testid="trust-name" value={name} maxLength={MAX_NAME_LENGTH} onChange={(e) => setName(e.target.value)}
          placeholder={read.preview.name ?? ''} aria-describedby="trust-name-hint" />
        <span className="hint" id="trust-name-hint">{read.preview.name === null ? t('trust.nameHintPem') : t('trust.nameHintRequest')}</span>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" data-testid="trust-confirm" disabled={busy}>{t('trust.confirm')}</button>
        <button type="button" data-testid="trust-cancel" onClick={onCancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}

/** The whole flow, with its errors next to it and a confirmation that takes the focus. */
export function TrustForm() {
  const { t } = useTranslation();
  const [read, setRead] = useState<ReadKey | null>(null);
  const [done, setDone] = useState<TrustedStation | null>(null);
  // After Cancel the focus goes back to where the key is entered, not to the top of the page.
  const [cancelled, setCancelled] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (done) doneRef.current?.focus(); }, [done]);
  return (
    <div className="trust-form" data-testid="trust-form">
      <p className="hint">{t('trust.intro')}</p>
      {done ? (
        <p className="status-ok" role="status" tabIndex={-1} ref={doneRef} data-testid="trust-done">
          {t('trust.done', { name: done.name, fingerprint: formatFingerprint(done.fingerprint) })}
        </p>
      ) : null}
      {read
        ? <ConfirmStep read={read} onDone={(s) => { setRead(null); setDone(s); }} onCancel={() => { setCancelled(true); setRead(null); }} />
        : <KeySourceStep focus={cancelled} onRead={(key) => { setDone(null); setRead(key); }} />}
      <InlineErrors source={STATION_SOURCES.trust} />
    </div>
  );
}
