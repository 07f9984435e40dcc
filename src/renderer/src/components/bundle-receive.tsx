/**
 * Restricted side, step 2: choose the bundle folder on the stick, verify every check and byte (a job,
 * writing nothing), read the report, then import into the vault (a job) and see what was added.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract.ts';
import { useAppStore } from '../stores/app-store.ts';
import { TRANSFER_SOURCES, useTransferStore } from '../stores/transfer-store.ts';
import { BundleReportView } from './bundle-report.tsx';
import { TransferErrors } from './transfer-errors.tsx';
import { TransferProgress } from './transfer-progress.tsx';
import { StepNote, TransferStep, useFocusOnAppear } from './transfer-step.tsx';

function Imported({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  const ref = useRef<HTMLDivElement>(null);
  useFocusOnAppear(ref, report);
  return (
    <div className="transfer-result" ref={ref} tabIndex={-1} data-testid="bundle-imported">
      <p className="status-ok">{t('transfer.receive.imported', { count: report.imported })}</p>
      {report.alreadyInVault > 0 ? <p>{t('transfer.receive.alreadyInVault', { count: report.alreadyInVault })}</p> : null}
      <button type="button" className="link" data-testid="to-vault" onClick={() => go('vault')}>{t('transfer.receive.toVault')}</button>
    </div>
  );
}

export function BundleReceive({ number }: { number: number }) {
  const { t } = useTranslation();
  const { bundleFolder, verify, importing, chooseBundle, verifyBundle, importBundle } = useTransferStore();
  const reportRef = useRef<HTMLHeadingElement>(null);
  const report = verify.state === 'done' ? verify.result : null;
  useFocusOnAppear(reportRef, report);
  const busy = verify.state === 'running' || importing.state === 'running';
  return (
    <TransferStep id="step-receive" number={number} title={t('transfer.receive.title')} intro={t('transfer.receive.intro')}>
      <div className="buttons">
        <button type="button" className={bundleFolder ? undefined : 'primary'} data-testid="bundle-choose" aria-disabled={busy || undefined}
          onClick={() => { if (!busy) void chooseBundle(); }}>{t('transfer.receive.choose')}</button>
        {bundleFolder && !busy ? <button type="button" data-testid="bundle-verify-again" onClick={() => void verifyBundle()}>{t('transfer.receive.verifyAgain')}</button> : null}
      </div>
      {bundleFolder ? <p data-testid="bundle-folder">{t('transfer.receive.folder', { name: bundleFolder.name })}</p> : null}
      {verify.state === 'running' ? <TransferProgress jobId={verify.jobId} label={t('transfer.receive.verifying')} /> : null}
      {verify.state === 'cancelled' ? <StepNote testId="verify-cancelled" text={t('transfer.receive.verifyCancelled')} /> : null}
      {verify.state === 'failed' ? <StepNote testId="verify-failed" text={t('transfer.receive.verifyFailed')} /> : null}
      {report ? (
        <>
          <h3 ref={reportRef} tabIndex={-1} className="status-ok" data-testid="bundle-verified">{t('transfer.receive.verified')}</h3>
          <BundleReportView report={report} />
          {importing.state === 'idle' || importing.state === 'cancelled' || importing.state === 'failed' ? (
            <div className="buttons">
              <button type="button" className="primary" data-testid="bundle-import" onClick={() => void importBundle()}>{t('transfer.receive.import')}</button>
            </div>
          ) : null}
        </>
      ) : null}
      {importing.state === 'running' ? <TransferProgress jobId={importing.jobId} label={t('transfer.receive.importing')} /> : null}
      {importing.state === 'cancelled' ? <StepNote testId="import-cancelled" text={t('transfer.receive.importCancelled')} /> : null}
      {importing.state === 'done' ? <Imported report={importing.result} /> : null}
      <TransferErrors source={TRANSFER_SOURCES.receive} />
    </TransferStep>
  );
}
