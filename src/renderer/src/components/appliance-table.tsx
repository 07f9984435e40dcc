/**
 * The inventory as a table: who each appliance is, its part in the topology, its versions, its key;
 * under each, its link to the appliance's API (a row across the table: status and backup need the room).
 */
import { useTranslation } from 'react-i18next';
import type { Appliance } from '../../../shared/contract.ts';
import { ApplianceKeyCell } from './appliance-key-cell.tsx';
import { ApplianceVersions } from './appliance-versions.tsx';
import { LinkRow } from './link-row.tsx';

function ApplianceRow({ appliance: a }: { appliance: Appliance }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <tr className="appliance-main" data-testid="appliance-row" data-name={a.name}>
        <th scope="row">
          <span className="appliance-name" data-testid="appliance-row-name">{a.name}</span>
          <code className="path" data-testid="appliance-hostname">{a.hostname}</code>
          {a.serial ? <span className="hint">{t('appliances.table.serial', { serial: a.serial })}</span> : null}
          {a.storedDataGib !== null ? (
            <span className="hint">{t('appliances.table.storedData', { size: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(a.storedDataGib) })}</span>
          ) : null}
        </th>
        <td>
          <span data-testid="appliance-role">
            {t(`appliances.role.${a.role}`)}
            {/* A single appliance's role says it all; a pair or cluster is named. */}
            {a.topology === 'single' ? null : ` · ${t(`appliances.topology.${a.topology}`)}`}
          </span>
          {a.region ? <span data-testid="appliance-region">{t('appliances.table.region', { region: a.region })}</span> : null}
          <ApplianceVersions appliance={a} />
        </td>
        <td><ApplianceKeyCell appliance={a} /></td>
      </tr>
      <tr className="appliance-link" data-name={a.name}>
        <td colSpan={3}><LinkRow appliance={a} /></td>
      </tr>
    </>
  );
}

export function ApplianceTable({ appliances }: { appliances: readonly Appliance[] }) {
  const { t } = useTranslation();
  return (
    <table className="appliances" data-testid="appliance-table">
      <thead>
        <tr>
          {(['appliance', 'role', 'key'] as const).map((c) => <th key={c} scope="col">{t(`appliances.columns.${c}`)}</th>)}
        </tr>
      </thead>
      <tbody>{appliances.map((a) => <ApplianceRow key={a.id} appliance={a} />)}</tbody>
    </table>
  );
}
