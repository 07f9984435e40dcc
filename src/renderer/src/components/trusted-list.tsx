/** The stations this one trusts: full fingerprints, rename in place, remove after a confirmation. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from './confirm-box.tsx';
import type { TrustedStation } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatTime } from '../format.ts';
import { STATION_SOURCES, useStationStore } from '../stores/station-store.ts';
import { InlineErrors } from './error-notice.tsx';
import { InlineRename } from './inline-rename.tsx';

/** Asks before trust is withdrawn: from then on this station's bundles are refused. */
function ConfirmRemove({ station, onKeep, onRemoved }: { station: TrustedStation; onKeep(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const removeTrusted = useStationStore((s) => s.removeTrusted);
  return (
    <ConfirmBox id={`remove-${station.fingerprint}`} question={t('trust.removeQuestion', { name: station.name })}
      confirmLabel={t('trust.removeConfirm')} keepLabel={t('trust.removeKeep')}
      testIds={{ group: 'trusted-confirm', confirm: 'trusted-remove-confirm', keep: 'trusted-remove-keep' }}
      onConfirm={() => removeTrusted(station.fingerprint)} onKeep={onKeep} onDone={onRemoved} />
  );
}

function TrustedItem({ station, onRemoved }: { station: TrustedStation; onRemoved(): void }) {
  const { t, i18n } = useTranslation();
  const renameTrusted = useStationStore((s) => s.renameTrusted);
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const keep = () => { setConfirming(false); requestAnimationFrame(() => removeButton.current?.focus()); };
  return (
    <li data-testid="trusted-item" data-fingerprint={station.fingerprint}>
      <div className="trusted-head">
        <InlineRename name={station.name} testId="trusted" renameLabel={t('trust.renameLabel', { name: station.name })}
          onSave={(name) => renameTrusted(station.fingerprint, name)} />
        {confirming ? null : (
          <button type="button" ref={removeButton} data-testid="trusted-remove" aria-label={t('trust.removeLabel', { name: station.name })}
            onClick={() => setConfirming(true)}>{t('trust.remove')}</button>
        )}
      </div>
      <code className="fingerprint" data-testid="trusted-fingerprint">{formatFingerprint(station.fingerprint)}</code>
      <span className="hint">{t('trust.trustedSince', { time: formatTime(station.trustedAt, i18n.language), source: t(`trust.source.${station.source}`) })}</span>
      {confirming ? <ConfirmRemove station={station} onKeep={keep} onRemoved={onRemoved} /> : null}
    </li>
  );
}

/** The list with its heading (which takes the focus after a removal) and its errors. */
export function TrustedList() {
  const { t } = useTranslation();
  const trusted = useStationStore((s) => s.trusted);
  const heading = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState(0);
  useEffect(() => { if (removed > 0) heading.current?.focus(); }, [removed]);
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>{t('settings.trusted')}</h2>
      <InlineErrors source={STATION_SOURCES.trusted} />
      {trusted.length === 0 ? <p data-testid="trusted-empty">{t('settings.trustedNone')}</p> : (
        <ul className="trusted" data-testid="trusted-list">
          {trusted.map((s) => <TrustedItem key={s.fingerprint} station={s} onRemoved={() => setRemoved((n) => n + 1)} />)}
        </ul>
      )}
    </>
  );
}
