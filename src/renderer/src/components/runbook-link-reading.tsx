/**
 * A step's evidence straight from the appliance: where a reading through the appliance link counts
 * (a version read back, a data sync), each of the step's linked appliances can be read now; the
 * reading (with its time) becomes the step's evidence. The service checks it against the plan and
 * the steps before; this shows what was read.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncStatusText } from './link-facts.ts';
import type { RunStep, StatusReadingInfo } from '../../../shared/contract.ts';
import { linkReadingProves, type LinkReadingUnfit } from '../../../shared/runbooks/link-evidence.ts';
import { formatTime } from '../format.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from '../stores/attempt.ts';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { useLinkStore } from '../stores/link-store.ts';
import { RUNBOOK_SOURCES } from '../stores/runbook-store.ts';
import { InlineErrors } from './error-notice.tsx';

/** A linked appliance: its inventory id and its latest reading (null: never read). */
export interface LinkedAppliance {
  id: string;
  latest: StatusReadingInfo | null;
}

/** The linked appliances by name, from the link and appliance stores (loaded here); null until both are. */
export function useLinkedAppliances(): Map<string, LinkedAppliance> | null {
  const links = useLinkStore((s) => s.links);
  const linksLoaded = useLinkStore((s) => s.loaded);
  const appliances = useApplianceStore((s) => s.appliances);
  const appliancesLoaded = useApplianceStore((s) => s.loaded);
  useEffect(() => {
    void useLinkStore.getState().load();
    void useApplianceStore.getState().load();
  }, []);
  return useMemo(() => {
    if (!linksLoaded || !appliancesLoaded) return null;
    const map = new Map<string, LinkedAppliance>();
    for (const a of appliances) if (links[a.id]) map.set(a.name, { id: a.id, latest: links[a.id]!.latest });
    return map;
  }, [links, linksLoaded, appliances, appliancesLoaded]);
}

/** What to say when a reading does not fit, by the reason the shared rule gives. */
const UNFIT_TEXT: Partial<Record<LinkReadingUnfit, string>> = {
  'no-failover': 'runbook.link.noSync',
  'sync-failed': 'runbook.link.syncFailed',
  'sync-older': 'runbook.link.syncOlder',
  'sync-in-future': 'runbook.link.syncOlder',
  'base-not-readable': 'runbook.link.baseOnly',
};

/**
 * `unfit`: why the reading is no evidence, by the shared rule (`judgeLinkReading`; the service decides
 * by the same); `after`: when the steps before were done, which a sync must follow. `onLinked`: whether
 * one of the step's appliances is linked (a sync step of a linked appliance needs its reading).
 */
export function LinkReadingEvidence({ step, reading, unfit, expectedSite, after, onReading, onLinked }: {
  step: RunStep; reading: StatusReadingInfo | null; unfit: LinkReadingUnfit | null; expectedSite: string | undefined; after: string;
  onReading(r: StatusReadingInfo | null): void; onLinked(linked: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const proves = linkReadingProves(step);
  const byName = useLinkedAppliances();
  const linked = byName === null || proves === null ? null : step.appliances.flatMap((name) => {
    const a = byName.get(name);
    return a ? [{ id: a.id, name }] : [];
  });
  const [busy, setBusy] = useState(false);
  const fits = reading !== null && unfit === null;
  const any = linked !== null && linked.length > 0;
  useEffect(() => onLinked(any), [any]); // eslint-disable-line react-hooks/exhaustive-deps
  if (proves === null || linked === null || linked.length === 0) return <InlineErrors source={RUNBOOK_SOURCES.link(step.id)} />;
  const read = async (id: string) => {
    // The earlier reading goes first: "done" waits for the one being read now.
    onReading(null);
    setBusy(true);
    const r = await attempt(RUNBOOK_SOURCES.link(step.id), async () => unwrap(ferry().link.status({ id })), { inline: true });
    setBusy(false);
    onReading(r.ok ? r.value : null);
  };
  return (
    <div className="field link-reading" data-testid="rb-link">
      <span className="label">{t('runbook.link.label')}</span>
      <p className="hint">{t(proves === 'sync' ? 'runbook.link.syncHint' : 'runbook.link.versionHint')}</p>
      <div className="buttons">
        {linked.map((a) => (
          <button key={a.id} type="button" data-testid="rb-link-read" aria-disabled={busy || undefined} onClick={() => { if (!busy) void read(a.id); }}>
            {t('runbook.link.read', { name: a.name })}
          </button>
        ))}
      </div>
      {reading ? (
        <div className={`basics-check ${fits ? 'match' : 'mismatch'}`} role="status" data-testid="rb-link-reading" data-fits={String(fits)}>
          <strong>{t('runbook.link.readAt', { name: reading.name, at: formatTime(reading.readAt, i18n.language) })}</strong>
          <span>{t('runbook.link.version', { version: reading.versionText ?? reading.version ?? '—' })}</span>
          <span>{t('runbook.link.role', { role: t(`runbook.link.roles.${reading.failoverRole}`) })}{reading.success ? '' : ` · ${t('runbook.link.unhealthy', { message: reading.errorMessage ?? '' })}`}</span>
          {reading.lastDataSync ? <span>{t('runbook.link.sync', { at: formatTime(reading.lastDataSync.at, i18n.language), status: syncStatusText(reading.lastDataSync.status, t) })}</span> : null}
          {proves === 'version' && expectedSite !== undefined ? <span>{t('runbook.link.expected', { version: expectedSite })}</span> : null}
          {unfit !== null && UNFIT_TEXT[unfit] ? <span>{t(UNFIT_TEXT[unfit], { at: formatTime(after, i18n.language) })}</span> : null}
        </div>
      ) : null}
      <InlineErrors source={RUNBOOK_SOURCES.link(step.id)} />
    </div>
  );
}
