/**
 * A status reading as the appliance reported it: version, failover role, health, shared IPs, the
 * last data sync, when it was read — and whether the version differs from the inventory's (said,
 * never changed: the inventory stays the person's).
 */
import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusReadingInfo } from '../../../shared/contract.ts';
import { formatTime } from '../format.ts';
import { ago, syncStatusText, versionMismatch } from './link-facts.ts';
import { LinkPermissions } from './link-permissions.tsx';

/** The time now, renewed every half minute so "x minutes ago" stays true while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface Props {
  reading: StatusReadingInfo;
  /** The heading takes the focus after a new reading. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shows the account's permissions as this reading found them (not while linking just showed them). */
  showPermissions?: boolean;
  /** The site version the inventory holds now (it may have been corrected since the reading). */
  inventorySite?: string;
  /** Takes the reading's site version into the inventory; resolves whether it was taken. */
  onTakeVersion?: (version: string) => Promise<boolean>;
}

export function LinkStatus({ reading: r, headingRef, showPermissions = false, inventorySite, onTakeVersion }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const when = (iso: string) => [formatTime(iso, i18n.language), ago(iso, now, i18n.language)].filter(Boolean).join(' · ');
  const inventory = inventorySite ?? r.inventorySiteVersion;
  const differs = versionMismatch({ version: r.version, inventorySiteVersion: inventory });
  const matchRef = useRef<HTMLParagraphElement>(null);
  const [taken, setTaken] = useState(0);
  // Once taken, the mismatch box is gone: the focus goes to the sentence that replaced it.
  useEffect(() => { if (taken > 0) matchRef.current?.focus(); }, [taken]);
  const take = async (version: string) => { if (await onTakeVersion?.(version)) setTaken((n) => n + 1); };
  const failover = r.failoverRole !== 'none';
  return (
    <div className="link-status" data-testid="link-status" data-healthy={r.success} data-role={r.failoverRole}>
      <h4 tabIndex={-1} ref={headingRef}>{t('link.status.title')}</h4>
      <dl className="facts link-facts">
        <dt>{t('link.status.version')}</dt>
        <dd data-testid="link-status-version">{r.versionText ?? r.version ?? t('link.status.notReported')}</dd>
        <dt>{t('link.status.role')}</dt>
        <dd data-testid="link-status-role">{t(`link.status.roles.${r.failoverRole}`)}</dd>
        <dt>{t('link.status.health')}</dt>
        <dd data-testid="link-status-health">
          {r.success ? <span className="status-ok">{t('link.status.healthy')}</span> : (
            <><span className="status-bad">{t('link.status.unhealthy')}</span>{r.errorMessage ? <> {t('link.status.errorMessage', { message: r.errorMessage })}</> : null}</>
          )}
        </dd>
        {failover || r.sharedIps.length > 0 ? (
          <>
            <dt>{t('link.status.sharedIps')}</dt>
            <dd data-testid="link-status-shared-ips">{r.sharedIps.length > 0 ? r.sharedIps.map((ip) => <code key={ip} className="link-ip">{ip}</code>) : t('link.status.none')}</dd>
          </>
        ) : null}
        {failover || r.lastDataSync ? (
          <>
            <dt>{t('link.status.lastSync')}</dt>
            <dd data-testid="link-status-sync">
              {r.lastDataSync ? t('link.status.sync', { when: when(r.lastDataSync.at), status: syncStatusText(r.lastDataSync.status, t) }) : t('link.status.notReported')}
            </dd>
          </>
        ) : null}
        <dt>{t('link.status.readAt')}</dt>
        <dd data-testid="link-status-read-at" data-at={r.readAt}>{when(r.readAt)}</dd>
      </dl>
      {differs ? (
        <p className="warning-box" data-testid="link-status-mismatch">
          {t('link.status.mismatch', differs)} <span className="hint">{t('link.status.mismatchHint')}</span>
          {onTakeVersion ? (
            <button type="button" className="small" data-testid="link-status-take" onClick={() => void take(differs.reported)}>
              {t('link.status.takeVersion', { version: differs.reported })}
            </button>
          ) : null}
        </p>
      ) : r.version !== null ? (
        <p className="hint" data-testid="link-status-match" tabIndex={-1} ref={matchRef}>{t('link.status.match', { version: inventory })}</p>
      ) : null}
      {showPermissions && r.permissions ? (
        <div data-testid="link-status-permissions">
          <h5>{t('link.status.permissions')}</h5>
          <LinkPermissions permissions={r.permissions} />
        </div>
      ) : null}
    </div>
  );
}
