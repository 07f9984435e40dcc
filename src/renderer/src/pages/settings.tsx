/** Settings: the station (name, fingerprint, key protection), trusted stations and trusting another, language, side. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { InlineErrors } from '../components/error-notice.tsx';
import { InlineRename } from '../components/inline-rename.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { TrustForm } from '../components/trust-form.tsx';
import { TrustedList } from '../components/trusted-list.tsx';
import { useAppStore } from '../stores/app-store.ts';
import { STATION_SOURCES, useStationStore } from '../stores/station-store.ts';

function StationFacts() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const station = useStationStore((s) => s.station);
  const rename = useStationStore((s) => s.rename);
  // The station's own key is described by how *it* was sealed, not by what new secrets would get.
  const protection = station?.protection;
  return (
    <dl className="facts">
      <dt>{t('settings.name')}</dt>
      <dd>
        {station ? <InlineRename name={station.name} testId="station" renameLabel={t('settings.renameStation')} onSave={rename} /> : null}
        <InlineErrors source={STATION_SOURCES.rename} />
      </dd>
      <dt>{t('settings.fingerprint')}</dt>
      <dd>
        <code className="fingerprint" data-testid="station-fingerprint">{station ? formatFingerprint(station.fingerprint) : t('app.loading')}</code>
        <p className="hint">{t('settings.fingerprintHint')}</p>
      </dd>
      <dt>{t('settings.keyStorage')}</dt>
      <dd data-testid="key-storage" data-protection={protection}>
        {protection === undefined ? null
          : protection === 'safeStorage' ? t('settings.keyStorageSafe') : t('settings.keyStorageFile', { file: info?.secretKeyFile ?? '' })}
      </dd>
      <dt>{t('settings.dataDir')}</dt>
      <dd><code className="path">{info?.dataDir}</code></dd>
      <dt>{t('settings.version')}</dt>
      <dd>{info?.version}</dd>
    </dl>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const side = useAppStore((s) => s.settings.side);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const setSide = useAppStore((s) => s.setSide);
  const load = useStationStore((s) => s.load);
  useEffect(() => { void load(); }, [load]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('settings.title')}</PageTitle>
      <h2>{t('settings.station')}</h2>
      <StationFacts />
      <TrustedList />
      <h2>{t('trust.title')}</h2>
      <TrustForm />
      <h2><label htmlFor="language">{t('settings.language')}</label></h2>
      <select id="language" data-testid="language" value={language} onChange={(e) => void setLanguage(e.target.value as 'de' | 'en')}>
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
      <h2><label htmlFor="side">{t('settings.side')}</label></h2>
      <select id="side" data-testid="side" value={side ?? ''} onChange={(e) => void setSide(e.target.value as 'restricted' | 'connected')}>
        {side === null ? <option value="" disabled>—</option> : null}
        <option value="restricted">{t('side.restricted')}</option>
        <option value="connected">{t('side.connected')}</option>
      </select>
    </section>
  );
}
