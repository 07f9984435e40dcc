/**
 * Connected side: per appliance of an opened request — name, role, versions, its download key with
 * Copy — and the steps on the vendor's update site, as the guide's "Manuelle Installation" gives them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/contract.ts';
import { keyAge, maskKey } from '../../../shared/transfer/download-key.ts';
import { formatTime } from '../format.ts';

type RequestAppliance = RequestView['appliances'][number];

function DownloadKey({ appliance }: { appliance: RequestAppliance }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  if (appliance.downloadKey === '') return <p className="transfer-warning" data-testid="key-missing">{t('transfer.open.noKey')}</p>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(appliance.downloadKey);
      setCopied('yes');
    } catch {
      // The window may not grant the clipboard: show the key so it can be selected by hand.
      setShown(true);
      setCopied('failed');
    }
  };
  const age = appliance.keyCapturedAt ? keyAge(appliance.keyCapturedAt, new Date()) : null;
  return (
    <div className="download-key">
      <code className="key" data-testid="download-key">{shown ? appliance.downloadKey : maskKey(appliance.downloadKey)}</code>
      <span className="fp-actions">
        <button type="button" className="small" aria-pressed={shown} data-testid="key-show" onClick={() => setShown(!shown)}>{shown ? t('transfer.open.hideKey') : t('transfer.open.showKey')}</button>
        <button type="button" className="small" data-testid="key-copy" onClick={() => void copy()}>{t('fingerprint.copy')}</button>
        <span role="status" className="hint">{copied === 'yes' ? t('fingerprint.copied') : copied === 'failed' ? t('fingerprint.copyFailed') : ''}</span>
      </span>
      {age ? (
        <p className={age.stale ? 'transfer-warning' : 'hint'} data-testid="key-age">
          {t(age.stale ? 'transfer.open.keyStale' : age.days < 1 ? 'transfer.open.keyCapturedToday' : 'transfer.open.keyCaptured', { time: formatTime(appliance.keyCapturedAt, i18n.language), count: age.days })}
        </p>
      ) : null}
    </div>
  );
}

export function RequestAppliances({ appliances }: { appliances: RequestAppliance[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="request-appliances" data-testid="request-appliance-list">
        {appliances.map((a) => (
          <li key={a.id} data-testid="request-appliance">
            <div className="trusted-head"><span>{a.name}</span><span className="hint">{t(`transfer.role.${a.role}`, { defaultValue: a.role })} · {a.hostname}</span></div>
            <span>{t('transfer.open.versions', { base: a.base, site: a.siteVersion })}</span>
            <DownloadKey appliance={a} />
          </li>
        ))}
      </ul>
      <h3>{t('transfer.vendor.title')}</h3>
      <ol className="vendor-steps" data-testid="vendor-steps">
        {(['open', 'key', 'download', 'keep', 'clock'] as const).map((step) => <li key={step}>{t(`transfer.vendor.${step}`)}</li>)}
      </ol>
    </>
  );
}
