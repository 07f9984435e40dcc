/**
 * A step's evidence straight from the appliance: where a reading through the appliance link counts
 * (a version read back, a data sync), each of the step's linked appliances can be read now; the
 * reading (with its time) becomes the step's evidence. The service checks it against the plan and
 * the steps before; this shows what was read.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunStep, StatusReadingInfo } from '../../../shared/contract.ts';
import { linkReadingProves } from '../../../shared/runbooks/link-evidence.ts';
import { formatTime } from '../format.ts';
import { ferry, unwrap } from '../ipc.ts';
import { attempt } from '../stores/attempt.ts';
import { RUNBOOK_SOURCES } from '../stores/runbook-store.ts';
import { InlineErrors } from './error-notice.tsx';

/** The step's appliances that have a link, by id and name; null while loading. */
function useLinkedAppliances(step: RunStep, active: boolean): { id: string; name: string }[] | null {
  const [linked, setLinked] = useState<{ id: string; name: string }[] | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void (async () => {
      const r = await attempt(RUNBOOK_SOURCES.link(step.id), async () => {
        const [links, appliances] = await Promise.all([unwrap(ferry().link.list({})), unwrap(ferry().appliance.list({}))]);
        return appliances.filter((a) => step.appliances.includes(a.name) && links.some((l) => l.link.applianceId === a.id)).map((a) => ({ id: a.id, name: a.name }));
      }, { inline: true });
      if (live && r.ok) setLinked(r.value);
    })();
    return () => {
      live = false;
    };
  }, [step.id, active]); // eslint-disable-line react-hooks/exhaustive-deps
  return linked;
}

/** `onLinked`: whether one of the step's appliances is linked (a sync step of a linked appliance needs its reading). */
/** Linked appliances by name with their latest reading (null: linked, never read); null while loading or on failure. */
export function useLinkedByName(): Map<string, StatusReadingInfo | null> | null {
  const [byName, setByName] = useState<Map<string, StatusReadingInfo | null> | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [links, appliances] = await Promise.all([unwrap(ferry().link.list({})), unwrap(ferry().appliance.list({}))]);
        const map = new Map<string, StatusReadingInfo | null>();
        for (const l of links) {
          const a = appliances.find((x) => x.id === l.link.applianceId);
          if (a) map.set(a.name, l.latest);
        }
        if (live) setByName(map);
      } catch {
        // The picture shows the run's own record; the link's readings are an addition.
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return byName;
}

/**
 * `fits`: whether the reading shows what the step needs (the page's judgement; the service decides);
 * `after`: when the steps before were done, which a sync must follow.
 */
export function LinkReadingEvidence({ step, reading, fits, expectedSite, after, onReading, onLinked }: {
  step: RunStep; reading: StatusReadingInfo | null; fits: boolean; expectedSite: string | undefined; after: string;
  onReading(r: StatusReadingInfo | null): void; onLinked(linked: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const proves = linkReadingProves(step);
  const linked = useLinkedAppliances(step, proves !== null);
  const [busy, setBusy] = useState(false);
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
          {reading.lastDataSync ? <span>{t('runbook.link.sync', { at: formatTime(reading.lastDataSync.at, i18n.language), status: reading.lastDataSync.status })}</span> : null}
          {proves === 'version' && expectedSite !== undefined ? <span>{t('runbook.link.expected', { version: expectedSite })}</span> : null}
          {proves === 'version' && expectedSite === undefined && !fits ? <span>{t('runbook.link.baseOnly')}</span> : null}
          {proves === 'sync' && !fits ? (
            <span>{t(reading.lastDataSync === null || reading.failoverRole === 'none' ? 'runbook.link.noSync'
              : !reading.success || /fail|error|fehl/i.test(reading.lastDataSync.status) ? 'runbook.link.syncFailed' : 'runbook.link.syncOlder', { at: formatTime(after, i18n.language) })}</span>
          ) : null}
        </div>
      ) : null}
      <InlineErrors source={RUNBOOK_SOURCES.link(step.id)} />
    </div>
  );
}
