/** The app frame: sidebar, error queue and the current page (behind an error boundary). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/assert-never.ts';
import { PageCrashed } from './components/crash-screen.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { ErrorNotice } from './components/error-notice.tsx';
import { focusPageTitle } from './components/page-title.tsx';
import { Sidebar } from './components/sidebar.tsx';
import { AppliancesPage } from './pages/appliances.tsx';
import { AuditPage } from './pages/audit.tsx';
import { CertificatesPage } from './pages/certificates.tsx';
import { ClientsPage } from './pages/clients.tsx';
import { HomePage } from './pages/home.tsx';
import { PlanPage } from './pages/plan.tsx';
import { RunbookPage } from './pages/runbook.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { TransferPage } from './pages/transfer.tsx';
import { VaultPage } from './pages/vault.tsx';
import { useAppStore, type Page } from './stores/app-store.ts';

function CurrentPage({ page }: { page: Page }) {
  switch (page) {
    case 'home': return <HomePage />;
    case 'settings': return <SettingsPage />;
    case 'audit': return <AuditPage />;
    case 'vault': return <VaultPage />;
    case 'plan': return <PlanPage />;
    case 'transfer': return <TransferPage />;
    case 'appliances': return <AppliancesPage />;
    case 'runbook': return <RunbookPage />;
    case 'certificates': return <CertificatesPage />;
    case 'clients': return <ClientsPage />;
    default: return assertNever(page);
  }
}

export function App() {
  const { t } = useTranslation();
  const page = useAppStore((s) => s.page);
  const shown = useRef(page);
  // After navigating, the new page's heading takes the focus (not on the first page: nothing moved yet).
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    focusPageTitle();
  }, [page]);
  return (
    <div className="layout" data-testid="app-ready">
      <a className="skip" href="#page-title">{t('app.skipToContent')}</a>
      <Sidebar />
      <main id="main">
        <ErrorNotice />
        {/* Keyed by page: a page that crashed recovers when the person navigates away and back. */}
        <ErrorBoundary key={page} fallback={<PageCrashed />}>
          <CurrentPage page={page} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
