/**
 * An appliance's link to its API, under its row in the inventory: not linked (Link…), or linked
 * with its address, what the account may do, the latest status reading, the settings backup, and
 * Unlink. A changed certificate is explained with the one presented now and a way to link again.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatTime } from '../format.ts';
import { APPLIANCE_SOURCES, useApplianceStore } from '../stores/appliance-store.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { LINK_SOURCES, useLinkStore } from '../stores/link-store.ts';
import { ConfirmBox } from './confirm-box.tsx';
import { InlineErrors } from './error-notice.tsx';
import { LinkBackupForm, LinkBackupOutcome, LinkBackupProgress } from './link-backup.tsx';
import { LinkPanel } from './link-panel.tsx';
import { LinkPermissions } from './link-permissions.tsx';
import { LinkStatus } from './link-status.tsx';

/** The certificate the appliance presents now, when a reading or backup was refused because it changed. */
function usePresentedInstead(id: string): string | null {
  return useErrorStore((s) => {
    const e = s.errors.find((x) => x.inline && (x.source === LINK_SOURCES.status(id) || x.source === LINK_SOURCES.backup(id)) && x.data.code === 'LINK_PIN_MISMATCH');
    const presented = e?.data.details?.presented;
    return typeof presented === 'string' ? presented : null;
  });
}

/** Where the focus goes once what held it is gone: the control that replaces it, by name. */
type FocusTarget = 'link' | 'relink' | 'backup' | 'linked' | null;

export function LinkRow({ appliance: a }: { appliance: Appliance }) {
  const { t, i18n } = useTranslation();
  const entry = useLinkStore((s) => s.links[a.id]);
  const account = useLinkStore((s) => s.accounts[a.id]);
  const reading = useLinkStore((s) => s.reading[a.id] === true);
  const job = useLinkStore((s) => s.backups[a.id]);
  const outcome = useLinkStore((s) => s.outcomes[a.id]);
  const readStatus = useLinkStore((s) => s.readStatus);
  const remove = useLinkStore((s) => s.remove);
  const setVersions = useApplianceStore((s) => s.setVersions);
  const presented = usePresentedInstead(a.id);
  const [panel, setPanel] = useState<'link' | 'relink' | null>(null);
  const [backupForm, setBackupForm] = useState(false);
  const [unlinking, setUnlinking] = useState(false);
  const linkButton = useRef<HTMLButtonElement>(null);
  const relinkButton = useRef<HTMLButtonElement>(null);
  const backupButton = useRef<HTMLButtonElement>(null);
  const linkedBox = useRef<HTMLDivElement>(null);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  // Buttons come back only after the render that closes their form: focus them then.
  const [focus, setFocus] = useState<{ target: FocusTarget }>({ target: null });
  useEffect(() => {
    const targets = { link: linkButton, relink: relinkButton, backup: backupButton, linked: linkedBox };
    if (focus.target) targets[focus.target].current?.focus();
  }, [focus]);
  const read = async () => {
    if (await readStatus(a.id)) requestAnimationFrame(() => statusHeading.current?.focus());
  };
  const openPanel = (kind: 'link' | 'relink') => { setBackupForm(false); setUnlinking(false); setPanel(kind); };
  // Reading and the backup are independent; changing the link waits for both.
  const busy = reading || job !== undefined;
  return (
    <div className="link-cell" data-testid="link-row" data-name={a.name} data-linked={entry ? 'true' : 'false'}>
      <div className="link-head">
        <span className="link-label">{t('link.label')}</span>
        {entry ? (
          <span className="link-state" data-testid="link-state">
            {t('link.linked')} · <code className="path" data-testid="link-origin">{entry.link.origin}</code>
            <span className="hint"> {t('link.linkedAt', { time: formatTime(entry.link.linkedAt, i18n.language) })}</span>
          </span>
        ) : <span className="hint" data-testid="link-state">{t('link.notLinked')}</span>}
        {panel || unlinking ? null : entry ? (
          <span className="buttons">
            <button type="button" className="small" data-testid="link-read-status" aria-disabled={reading || undefined} onClick={() => { if (!reading) void read(); }}
              aria-label={t('link.readStatusFor', { name: a.name })}>{reading ? t('link.reading') : t('link.readStatus')}</button>
            <button type="button" className="small" ref={backupButton} data-testid="link-backup" aria-disabled={job !== undefined || backupForm || undefined}
              aria-label={t('link.backupFor', { name: a.name })} onClick={() => { if (job === undefined) setBackupForm(true); }}>{t('link.takeBackup')}</button>
            <button type="button" className="small" ref={relinkButton} data-testid="link-relink" aria-disabled={busy || undefined}
              aria-label={t('link.relinkFor', { name: a.name })} onClick={() => { if (!busy) openPanel('relink'); }}>{t('link.relink')}</button>
            <button type="button" className="small" data-testid="link-unlink" aria-disabled={busy || undefined}
              aria-label={t('link.unlinkFor', { name: a.name })} onClick={() => { if (!busy) { setBackupForm(false); setUnlinking(true); } }}>{t('link.unlink')}</button>
          </span>
        ) : (
          <span className="buttons">
            <button type="button" className="small" ref={linkButton} data-testid="link-open" aria-label={t('link.openFor', { name: a.name })}
              onClick={() => openPanel('link')}>{t('link.open')}</button>
          </span>
        )}
      </div>
      {unlinking ? (
        <ConfirmBox id={`unlink-${a.id}`} question={t('link.unlinkQuestion', { name: a.name })} confirmLabel={t('link.unlinkConfirm')} keepLabel={t('link.unlinkKeep')}
          testIds={{ group: 'link-unlink-confirm', confirm: 'link-unlink-yes', keep: 'link-unlink-keep' }}
          onConfirm={() => remove(a.id)} onKeep={() => { setUnlinking(false); setFocus({ target: 'relink' }); }}
          onDone={() => { setUnlinking(false); setFocus({ target: 'link' }); }} />
      ) : null}
      <InlineErrors source={LINK_SOURCES.remove(a.id)} />
      {panel ? (
        <LinkPanel appliance={a} origin={entry?.link.origin ?? null}
          onLinked={() => { setPanel(null); setFocus({ target: 'linked' }); }}
          onCancel={() => { const opener = panel; setPanel(null); setFocus({ target: opener }); }} />
      ) : null}
      {account && entry && !panel ? (
        <div className="link-done" tabIndex={-1} ref={linkedBox} role="status" data-testid="link-done">
          <p><strong>{t('link.done', { origin: entry.link.origin })}</strong>{account.apiVersion ? ` ${t('link.apiVersion', { version: account.apiVersion })}` : ''}</p>
          <LinkPermissions permissions={account.permissions} />
        </div>
      ) : null}
      <InlineErrors source={LINK_SOURCES.status(a.id)} />
      <InlineErrors source={APPLIANCE_SOURCES.takeVersion(a.id)} />
      <InlineErrors source={LINK_SOURCES.backup(a.id)} />
      {presented && entry && !panel ? (
        <div className="link-renewed" data-testid="link-pin-mismatch">
          <p className="hint">{t('link.mismatch.compare')}</p>
          <code className="fingerprint full" data-testid="link-presented">{formatFingerprint(presented)}</code>
          <div className="buttons">
            <button type="button" data-testid="link-mismatch-relink" onClick={() => openPanel('relink')}>{t('link.mismatch.relink')}</button>
          </div>
        </div>
      ) : null}
      {entry?.latest ? <LinkStatus reading={entry.latest} headingRef={statusHeading} showPermissions={!(account && !panel)}
        inventorySite={a.siteVersion} onTakeVersion={async (version) => (await setVersions(a.id, a.base, version, 'link-reading')).ok} /> : entry ? <p className="hint" data-testid="link-no-reading">{t('link.noReading')}</p> : null}
      {backupForm && entry && !job ? (
        <LinkBackupForm appliance={a} onStarted={() => setBackupForm(false)} onCancel={() => { setBackupForm(false); setFocus({ target: 'backup' }); }} />
      ) : null}
      {job ? <LinkBackupProgress jobId={job.jobId} label={t('link.backup.label', { name: a.name })} /> : outcome ? <LinkBackupOutcome outcome={outcome} /> : null}
    </div>
  );
}
