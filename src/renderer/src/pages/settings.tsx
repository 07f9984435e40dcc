/** Settings: the station (name, fingerprint, key storage), language, side, data directory. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { useAppStore } from '../stores/app-store.ts';
import { useStationStore } from '../stores/station-store.ts';

function StationName() {
  const { t } = useTranslation();
  const station = useStationStore((s) => s.station);
  const rename = useStationStore((s) => s.rename);
  const [draft, setDraft] = useState<string | null>(null);
  if (!station) return null;
  if (draft === null) {
    return (
      <dd>
        <span data-testid="station-name">{station.name}</span>{' '}
        <button type="button" onClick={() => setDraft(station.name)}>{t('settings.rename')}</button>
      </dd>
    );
  }
  return (
    <dd>
      <form onSubmit={(e) => { e.preventDefault(); void rename(draft).then((ok) => ok && setDraft(null)); }}>
        <input aria-label={t('settings.name')} value={draft} maxLength={80} onChange={(e) => setDraft(e.target.value)} autoFocus />
        <button type="submit">{t('settings.save')}</button>
        <button type="button" onClick={() => setDraft(null)}>{t('settings.cancel')}</button>
      </form>
    </dd>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { info, language, settings, setLanguage, setSide } = useAppStore();
  const station = useStationStore((s) => s.station);
  const trusted = useStationStore((s) => s.trusted);
  const load = useStationStore((s) => s.load);
  useEffect(() => { void load(); }, [load]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>
      <h2>{t('settings.station')}</h2>
      <dl className="facts">
        <dt>{t('settings.name')}</dt>
        <StationName />
        <dt>{t('settings.fingerprint')}</dt>
        <dd>
          <code className="fingerprint" data-testid="station-fingerprint">{station ? formatFingerprint(station.fingerprint) : ''}</code>
          <p className="hint">{t('settings.fingerprintHint')}</p>
        </dd>
        <dt>{t('settings.keyStorage')}</dt>
        <dd data-testid="key-storage">
          {info?.secretProtection === 'safeStorage' ? t('settings.keyStorageSafe') : t('settings.keyStorageFile', { file: info?.secretKeyFile ?? '' })}
        </dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd><code>{info?.dataDir}</code></dd>
        <dt>{t('settings.version')}</dt>
        <dd>{info?.version}</dd>
      </dl>
      <h2>{t('settings.trusted')}</h2>
      {trusted.length === 0 ? <p data-testid="trusted-empty">{t('settings.trustedNone')}</p> : (
        <ul className="trusted" data-testid="trusted-list">
          {trusted.map((s) => (
            <li key={s.fingerprint}><strong>{s.name}</strong> <code className="fingerprint">{formatFingerprint(s.fingerprint)}</code></li>
          ))}
        </ul>
      )}
      <h2><label htmlFor="language">{t('settings.language')}</label></h2>
      <select id="language" data-testid="language" value={language} onChange={(e) => void setLanguage(e.target.value as 'de' | 'en')}>
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
      <h2><label htmlFor="side">{t('settings.side')}</label></h2>
      <select id="side" data-testid="side" value={settings.side ?? ''} onChange={(e) => void setSide(e.target.value as 'restricted' | 'connected')}>
        {settings.side === null ? <option value="" disabled>—</option> : null}
        <option value="restricted">{t('side.restricted')}</option>
        <option value="connected">{t('side.connected')}</option>
      </select>
    </section>
  );
}
