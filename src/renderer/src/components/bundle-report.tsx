/** What verifying a bundle found: who signed it, which request it answers, how long it is valid, its packages, what is ignored. */
import { useTranslation } from 'react-i18next';
import type { BundleReport } from '../../../shared/contract.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';
import { formatBytes, formatTime } from '../format.ts';
import { useTransferStore } from '../stores/transfer-store.ts';
import { formatDuration } from './transfer-rate.ts';

/** The packages of a bundle: name, kind, version, size, parts, and whether the vault has them already. */
export function BundlePackagesTable({ packages }: { packages: BundleReport['packages'] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="transfer-table" data-testid="bundle-packages">
      <thead>
        <tr><th>{t('transfer.report.package')}</th><th>{t('transfer.report.kind')}</th><th>{t('transfer.report.version')}</th><th className="num">{t('transfer.report.size')}</th><th className="num">{t('transfer.report.parts')}</th><th>{t('transfer.report.vault')}</th></tr>
      </thead>
      <tbody>
        {packages.map((p) => (
          <tr key={p.sha256} data-testid="bundle-package">
            <td>{p.name}</td>
            <td>{t(`transfer.kind.${p.kind}`, { defaultValue: p.kind })}</td>
            <td>{p.version}</td>
            <td className="num">{formatBytes(p.size, i18n.language)}</td>
            <td className="num">{p.parts === 0 ? '—' : p.parts}</td>
            <td>{p.inVault ? t('transfer.report.inVault') : t('transfer.report.new')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BundleReportView({ report }: { report: BundleReport }) {
  const { t, i18n } = useTranslation();
  // The request written on this page, if the bundle answers it: its file says more than an id.
  const own = useTransferStore((s) => (s.request?.id === report.inReplyTo ? s.request.file.split(/[/\\]/).pop() : null));
  const time = (iso: string) => formatTime(iso, i18n.language);
  return (
    <div className="bundle-report" data-testid="bundle-report">
      <dl className="facts">
        <dt>{t('transfer.report.signer')}</dt>
        <dd data-testid="report-signer"><strong>{report.signer.name}</strong><br /><code className="fingerprint">{formatFingerprint(report.signer.fingerprint)}</code></dd>
        <dt>{t('transfer.report.answers')}</dt>
        <dd><code className="code">{report.inReplyTo}</code>{own ? <> · {t('transfer.report.ownRequest', { file: own })}</> : null}</dd>
        <dt>{t('transfer.report.written')}</dt>
        <dd>{time(report.createdAt)} · {t('transfer.report.sequence', { sequence: report.sequence })}</dd>
        <dt>{t('transfer.report.validUntil')}</dt>
        <dd data-testid="report-valid-until">{time(report.expiresAt)}</dd>
      </dl>
      {report.clockAheadSeconds !== null ? (
        <p className="transfer-warning" data-testid="report-clock">{t('transfer.report.clockAhead', { time: formatDuration(report.clockAheadSeconds) })}</p>
      ) : null}
      {report.alreadyImported ? <p className="transfer-note" data-testid="report-already">{t('transfer.report.alreadyImported')}</p> : null}
      <BundlePackagesTable packages={report.packages} />
      {report.extraFiles.length > 0 ? (
        <div className="transfer-warning" data-testid="report-extra">
          <p>{t('transfer.report.extra', { count: report.extraFiles.length })}</p>
          <ul>{report.extraFiles.map((f) => <li key={f}><code className="path">{f}</code></li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
