/**
 * Where the Jump Client list comes from: the file exported from the representative console, or —
 * when an appliance is linked — the appliance itself, read through its configuration API. Without a
 * link there is nothing to choose: only the file.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format.ts';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { useJumpClientStore } from '../stores/jumpclient-store.ts';
import { useLinkStore } from '../stores/link-store.ts';

/** The linked appliances by name, with their link's address. */
export function useLinkedAppliances(): { id: string; name: string; origin: string }[] {
  const links = useLinkStore((s) => s.links);
  const appliances = useApplianceStore((s) => s.appliances);
  return appliances.filter((a) => links[a.id]).map((a) => ({ id: a.id, name: a.name, origin: links[a.id]!.link.origin }));
}

function FileChoice() {
  const { t, i18n } = useTranslation();
  const { file, chooseFile } = useJumpClientStore();
  return (
    <>
      <span className="hint">{t('clients.file.hint')}</span>
      <div className="buttons"><button type="button" data-testid="clients-choose" onClick={() => void chooseFile()}>{t('clients.file.choose')}</button></div>
      {file
        ? <p className="clients-file" data-testid="clients-file">{file.name} <span className="hint">({formatBytes(file.size, i18n.language)})</span></p>
        : <p className="hint" data-testid="clients-no-file">{t('clients.file.none')}</p>}
    </>
  );
}

export function JumpClientSource() {
  const { t } = useTranslation();
  const { source, applianceId, setSource, setAppliance } = useJumpClientStore();
  const loadAppliances = useApplianceStore((s) => s.load);
  const loadLinks = useLinkStore((s) => s.load);
  const linked = useLinkedAppliances();
  useEffect(() => { void loadAppliances(); void loadLinks(); }, [loadAppliances, loadLinks]);
  // The first linked appliance is preselected; one unlinked since is no longer offered.
  const chosen = linked.find((l) => l.id === applianceId) ?? linked[0] ?? null;
  const chosenId = chosen?.id ?? null;
  useEffect(() => { if (chosenId !== applianceId) setAppliance(chosenId); }, [chosenId, applianceId, setAppliance]);
  useEffect(() => { if (linked.length === 0 && source === 'appliance') setSource('file'); }, [linked.length, source, setSource]);
  if (linked.length === 0) {
    return (
      <div className="field">
        <span className="label">{t('clients.file.label')}</span>
        <FileChoice />
      </div>
    );
  }
  return (
    <fieldset className="clients-source" data-testid="clients-source">
      <legend>{t('clients.source.legend')}</legend>
      <div className="clients-source-option">
        <label><input type="radio" name="clients-source" value="file" data-testid="clients-source-file" checked={source === 'file'} onChange={() => setSource('file')} /> {t('clients.source.file')}</label>
        {source === 'file' ? <div className="clients-source-detail"><FileChoice /></div> : null}
      </div>
      <div className="clients-source-option">
        <label><input type="radio" name="clients-source" value="appliance" data-testid="clients-source-appliance" checked={source === 'appliance'} onChange={() => setSource('appliance')} /> {t('clients.source.appliance')}</label>
        {source === 'appliance' ? (
          <div className="clients-source-detail field">
            <label htmlFor="clients-appliance">{t('clients.source.which')}</label>
            <select id="clients-appliance" data-testid="clients-appliance" value={chosenId ?? ''} onChange={(e) => setAppliance(e.target.value)} aria-describedby="clients-appliance-hint">
              {linked.map((l) => <option key={l.id} value={l.id}>{t('clients.source.option', { name: l.name, origin: l.origin })}</option>)}
            </select>
            <span className="hint" id="clients-appliance-hint">{t('clients.source.applianceHint')}</span>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
