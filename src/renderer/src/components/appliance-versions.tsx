/**
 * An appliance's versions in the inventory, and correcting them: after an upgrade, or when a status
 * reading shows the inventory is out of date. Escape or Cancel keeps them; the focus returns to the
 * button that opened the form.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { APPLIANCE_SOURCES, useApplianceStore } from '../stores/appliance-store.ts';
import { useErrorStore } from '../stores/error-store.ts';
import { InlineErrors } from './error-notice.tsx';

export function ApplianceVersions({ appliance: a }: { appliance: Appliance }) {
  const { t } = useTranslation();
  const id = useId();
  const setVersions = useApplianceStore((s) => s.setVersions);
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState(a.base);
  const [site, setSite] = useState(a.siteVersion);
  const [busy, setBusy] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  // The button comes back only after the render that closes the form: focus it then.
  const [returnFocus, setReturnFocus] = useState(0);
  useEffect(() => { if (editing) firstField.current?.focus(); }, [editing]);
  useEffect(() => { if (returnFocus > 0) openButton.current?.focus(); }, [returnFocus]);
  const open = () => { setBase(a.base); setSite(a.siteVersion); setEditing(true); };
  const close = () => {
    useErrorStore.getState().abandoned(APPLIANCE_SOURCES.setVersions(a.id));
    setEditing(false);
    setReturnFocus((n) => n + 1);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const r = await setVersions(a.id, base, site, 'hand');
    setBusy(false);
    if (r.ok) close();
  };
  if (!editing) {
    return (
      <span className="versions">
        <span data-testid="appliance-versions"><span>{t('appliances.table.base', { version: a.base })}</span> <span>{t('appliances.table.site', { version: a.siteVersion })}</span></span>
        <button type="button" className="small" ref={openButton} data-testid="appliance-versions-edit"
          aria-label={t('appliances.versions.editFor', { name: a.name })} onClick={open}>{t('appliances.versions.edit')}</button>
      </span>
    );
  }
  return (
    <form className="versions-form" data-testid="appliance-versions-form" onSubmit={(e) => void save(e)}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
      <div className="field">
        <label htmlFor={`${id}-base`}>{t('appliances.form.base')}</label>
        <input id={`${id}-base`} ref={firstField} data-testid="appliance-versions-base" value={base} maxLength={100} onChange={(e) => setBase(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-site`}>{t('appliances.form.site')}</label>
        <input id={`${id}-site`} data-testid="appliance-versions-site" value={site} maxLength={100} onChange={(e) => setSite(e.target.value)} />
      </div>
      <p className="hint">{t('appliances.versions.hint')}</p>
      <InlineErrors source={APPLIANCE_SOURCES.setVersions(a.id)} />
      <div className="buttons">
        <button type="submit" data-testid="appliance-versions-save" disabled={busy}>{t('appliances.versions.save')}</button>
        <button type="button" className="secondary" onClick={close}>{t('appliances.versions.cancel')}</button>
      </div>
    </form>
  );
}
