/**
 * Appliances (restricted side): the inventory with versions and download keys, each appliance's
 * optional read-only link to its API (status, settings backup), and adding an appliance.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplianceFormView } from '../components/appliance-form.tsx';
import { ApplianceTable } from '../components/appliance-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { useApplianceStore } from '../stores/appliance-store.ts';
import { useLinkStore } from '../stores/link-store.ts';

export function AppliancesPage() {
  const { t } = useTranslation();
  const appliances = useApplianceStore((s) => s.appliances);
  const loaded = useApplianceStore((s) => s.loaded);
  const load = useApplianceStore((s) => s.load);
  const loadLinks = useLinkStore((s) => s.load);
  const [added, setAdded] = useState<{ name: string } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => { void load(); void loadLinks(); }, [load, loadLinks]);
  // The form was reset: the confirmation (next to the new row's table) takes the focus.
  useEffect(() => { if (added) notice.current?.focus(); }, [added]);
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t('appliances.title')}</PageTitle>
      <p>{t('appliances.intro')}</p>
      {!loaded ? <p className="hint">{t('app.loading')}</p> : appliances.length === 0 ? (
        <div className="empty" data-testid="appliances-empty">
          <p className="empty-title">{t('appliances.emptyTitle')}</p>
          <p>{t('appliances.emptyText')}</p>
        </div>
      ) : <ApplianceTable appliances={appliances} />}
      {added ? (
        <p className="status-ok" role="status" tabIndex={-1} ref={notice} data-testid="appliance-added">{t('appliances.added', { name: added.name })}</p>
      ) : null}
      <p className="hint" data-testid="appliances-key-hint">{t('appliances.keyHint')}</p>
      {appliances.length > 0 ? <p className="hint link-readonly" data-testid="appliances-link-hint">{t('link.pageHint')} {t('link.readOnly')}</p> : null}
      <h2>{t('appliances.addTitle')}</h2>
      <ApplianceFormView onAdded={(name) => setAdded({ name })} />
    </section>
  );
}
