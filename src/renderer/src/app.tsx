/** The app frame: sidebar, error notice and the current page. */
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/assert-never.ts';
import { EmptyState } from './components/empty-state.tsx';
import { ErrorNotice } from './components/error-notice.tsx';
import { Sidebar } from './components/sidebar.tsx';
import { AuditPage } from './pages/audit.tsx';
import { HomePage } from './pages/home.tsx';
import { PlanPage } from './pages/plan.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { VaultPage } from './pages/vault.tsx';
import { useAppStore, type Page } from './stores/app-store.ts';

function CurrentPage({ page }: { page: Page }) {
  switch (page) {
    case 'home': return <HomePage />;
    case 'settings': return <SettingsPage />;
    case 'audit': return <AuditPage />;
    case 'vault': return <VaultPage />;
    case 'plan': return <PlanPage />;
    case 'appliances':
    case 'transfer':
    case 'runbook':
    case 'certificates':
    case 'clients':
      return <EmptyState page={page} />;
    default: return assertNever(page);
  }
}

export function App() {
  const { t } = useTranslation();
  const page = useAppStore((s) => s.page);
  return (
    <div className="layout" data-testid="app-ready">
      <a className="skip" href="#main">{t('app.skipToContent')}</a>
      <Sidebar />
      <main id="main" tabIndex={-1}>
        <ErrorNotice />
        <CurrentPage page={page} />
      </main>
    </div>
  );
}
