/**
 * Connected side, step 4: the folder with the downloaded files; each file with Ferry's guess (kind,
 * version, how sure), editable, and confirmed by the person. Only confirmed rows go into the bundle.
 */
import { useTranslation } from 'react-i18next';
import { TRANSFER_SOURCES, useTransferStore } from '../stores/transfer-store.ts';
import { formatBytes } from '../format.ts';
import { rowProblems, type PackageRow } from './bundle-rows.ts';
import { TransferErrors } from './transfer-errors.tsx';
import { TransferStep } from './transfer-step.tsx';

const KINDS = ['base', 'site', 'license', 'other'] as const;

function Row({ row, index }: { row: PackageRow; index: number }) {
  const { t, i18n } = useTranslation();
  const edit = useTransferStore((s) => s.editRow);
  const problems = rowProblems(row);
  const id = `pkg-${index}`;
  const invalid = (what: 'version' | 'name') => problems.includes(what);
  return (
    <tr data-testid="package-row" data-file={row.file} data-confidence={row.guess.confidence} data-confirmed={row.confirmed} className={row.confirmed ? 'confirmed' : undefined}>
      <td>
        <input type="checkbox" id={`${id}-confirm`} data-testid="package-confirm" checked={row.confirmed} onChange={(e) => edit(row.file, { confirmed: e.target.checked })}
          aria-label={t('transfer.packages.confirmLabel', { file: row.file })} />
      </td>
      <td><label htmlFor={`${id}-confirm`} className="path">{row.file}</label><br /><span className="hint">{formatBytes(row.size, i18n.language)}</span></td>
      {/* Ferry's guess next to the file it is about: the first thing to check, visible in a narrow window too. */}
      <td>
        <span className={`confidence confidence-${row.guess.confidence}`} data-testid="package-confidence">{t(`transfer.packages.confidence.${row.guess.confidence}`)}</span>
        {/* The reason is the service's English sentence: shown on an English page only. */}
        {i18n.language === 'en' ? <span className="hint"> {row.guess.reason}</span> : null}
      </td>
      <td>
        <select data-testid="package-kind" value={row.kind} aria-label={t('transfer.packages.kind')} onChange={(e) => edit(row.file, { kind: e.target.value as PackageRow['kind'] })}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`transfer.kind.${k}`)}</option>)}
        </select>
      </td>
      <td>
        <input data-testid="package-version" value={row.version} size={10} aria-label={t('transfer.packages.version')} aria-invalid={invalid('version') || undefined}
          aria-describedby={invalid('version') ? `${id}-version-error` : undefined} onChange={(e) => edit(row.file, { version: e.target.value })} />
        {invalid('version') ? <span className="field-error" id={`${id}-version-error`}>{t('transfer.packages.versionMissing')}</span> : null}
      </td>
      <td>
        <input data-testid="package-name" value={row.name} aria-label={t('transfer.packages.name')} aria-invalid={invalid('name') || undefined}
          aria-describedby={invalid('name') ? `${id}-name-error` : undefined} onChange={(e) => edit(row.file, { name: e.target.value })} />
        {invalid('name') ? <span className="field-error" id={`${id}-name-error`}>{t('transfer.packages.nameMissing')}</span> : null}
      </td>
    </tr>
  );
}

export function BundlePackages({ number }: { number: number }) {
  const { t } = useTranslation();
  const { packagesFolder, rows, choosePackages, requirements, chooseRequirements } = useTransferStore();
  const confirmed = rows.filter((r) => r.confirmed).length;
  return (
    <TransferStep id="step-packages" number={number} title={t('transfer.packages.title')} intro={t('transfer.packages.intro')}>
      <div className="buttons">
        <button type="button" className={packagesFolder ? undefined : 'primary'} data-testid="packages-choose" onClick={() => void choosePackages('folder')}>{t('transfer.packages.choose')}</button>{' '}
        <button type="button" data-testid="packages-choose-archive" onClick={() => void choosePackages('archive')}>{t('transfer.packages.chooseArchive')}</button>
      </div>
      <TransferErrors source={TRANSFER_SOURCES.packages} />
      {packagesFolder && rows.length === 0 ? <p className="transfer-warning" data-testid="packages-empty">{t('transfer.packages.empty', { name: packagesFolder.name })}</p> : null}
      {rows.length > 0 ? (
        <>
          <p data-testid="packages-count">{t('transfer.packages.count', { name: packagesFolder?.name ?? '', confirmed, count: rows.length })}</p>
          <div className="table-scroll">
            <table className="transfer-table packages-table" data-testid="packages-table">
              <thead>
                <tr>
                  <th>{t('transfer.packages.confirm')}</th><th>{t('transfer.packages.file')}</th><th>{t('transfer.packages.guess')}</th>
                  <th>{t('transfer.packages.kind')}</th><th>{t('transfer.packages.version')}</th><th>{t('transfer.packages.name')}</th>
                </tr>
              </thead>
              <tbody>{rows.map((r, i) => <Row key={r.file} row={r} index={i} />)}</tbody>
            </table>
          </div>
          <p className="hint">{t('transfer.packages.requirementsHint')}</p>
          <div className="buttons">
            {requirements ? (
              <>
                <span data-testid="requirements-file">{t('transfer.packages.requirementsFrom', { name: requirements.name })}</span>{' '}
                <button type="button" data-testid="requirements-clear" onClick={() => void chooseRequirements(false)}>{t('transfer.packages.requirementsClear')}</button>
              </>
            ) : (
              <button type="button" data-testid="requirements-choose" onClick={() => void chooseRequirements(true)}>{t('transfer.packages.requirementsChoose')}</button>
            )}
          </div>
        </>
      ) : null}
    </TransferStep>
  );
}
