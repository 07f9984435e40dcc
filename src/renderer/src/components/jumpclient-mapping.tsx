/**
 * Which column of the list holds each field, and how Ferry knew (header, contents, the person's
 * remembered mapping): a select per field lets the person correct it and check again — main then
 * remembers the change for lists with the same headers.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_FIELDS, usable, type ClientField, type ColumnMapping, type Recognition } from '../../../shared/jumpclients/columns.ts';
import { changedMapping } from '../stores/jumpclient-store.ts';

interface Props {
  headers: readonly string[];
  /** The mapping the list was (or would be) checked with. */
  shown: ColumnMapping;
  /** How each field was found; absent when Ferry could not check the list at all. */
  how?: Partial<Record<ClientField, Recognition>>;
  busy: boolean;
  onCheck(mapping: Partial<ColumnMapping>): void;
}

export function JumpClientMapping({ headers, shown, how, busy, onCheck }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ColumnMapping>(shown);
  const changed = changedMapping(shown, chosen);
  const dirty = Object.keys(changed).length > 0;
  const ok = usable(chosen);
  const howOf = (f: ClientField) => {
    if (chosen[f] !== shown[f]) return t('clients.mapping.how.changed');
    if (shown[f] === null) return t('clients.mapping.how.none');
    const h = how?.[f];
    return h ? t(`clients.mapping.how.${h}`) : t('clients.mapping.how.found');
  };
  const optionText = (header: string, i: number) => t('clients.mapping.option', { header: header === '' ? t('clients.mapping.noHeader') : header, n: i + 1 });
  return (
    <form className="clients-mapping" data-testid="clients-mapping" onSubmit={(e) => { e.preventDefault(); if (dirty && ok && !busy) onCheck(changed); }}>
      <div className="table-scroll">
        <table className="clients-table clients-mapping-table">
          <thead>
            <tr><th scope="col">{t('clients.mapping.field')}</th><th scope="col">{t('clients.mapping.column')}</th><th scope="col">{t('clients.mapping.howTitle')}</th></tr>
          </thead>
          <tbody>
            {CLIENT_FIELDS.map((f) => (
              <tr key={f}>
                <th scope="row"><label htmlFor={`clients-map-${f}`}>{t(`clients.field.${f}`)}</label></th>
                <td>
                  <select id={`clients-map-${f}`} data-testid={`clients-map-${f}`} value={chosen[f] === null ? '' : String(chosen[f])}
                    onChange={(e) => setChosen({ ...chosen, [f]: e.target.value === '' ? null : Number(e.target.value) })}>
                    <option value="">{t('clients.mapping.none')}</option>
                    {headers.map((h, i) => <option key={i} value={i}>{optionText(h, i)}</option>)}
                  </select>
                </td>
                <td data-testid={`clients-how-${f}`} className={chosen[f] !== shown[f] ? 'how changed' : `how ${shown[f] === null ? 'none' : how?.[f] ?? 'found'}`}>{howOf(f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!ok ? <p className="warn-text" data-testid="clients-mapping-unusable">{t('clients.mapping.notUsable')}</p> : null}
      <div className="buttons">
        <button type="submit" data-testid="clients-map-check" disabled={!dirty || !ok || busy}>{t('clients.mapping.apply')}</button>
      </div>
    </form>
  );
}
