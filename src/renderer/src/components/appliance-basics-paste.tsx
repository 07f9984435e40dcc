/**
 * Text pasted from `/appliance › Status › Basics`: Ferry shows what it found (versions, serial, the
 * appliance's clock) and the lines it could not use; only when the person applies it does anything
 * reach the form's fields, where it can still be corrected.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseStatusBasics, type StatusBasics } from '../../../shared/transfer/status-basics.ts';

/** What applying fills in (only what was found). */
export interface BasicsValues {
  site?: string;
  base?: string;
  serial?: string;
  applianceTime?: string;
}

/** The found values, in the form's terms. */
export function valuesOf(found: StatusBasics): BasicsValues {
  return {
    ...(found.siteVersion !== undefined ? { site: found.siteVersion } : {}),
    ...(found.baseVersion !== undefined ? { base: found.baseVersion } : {}),
    ...(found.serial !== undefined ? { serial: found.serial } : {}),
    ...(found.systemTimeText !== undefined ? { applianceTime: found.systemTimeText } : {}),
  };
}


export function ApplianceBasicsPaste({ onApply }: { onApply(values: BasicsValues): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<StatusBasics | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const values = found ? valuesOf(found) : {};
  const entries = Object.entries(values) as [keyof BasicsValues, string][];
  const read = () => {
    setFound(parseStatusBasics(text));
    // The answer appears below the button: the focus goes there, so it is read first.
    requestAnimationFrame(() => result.current?.focus());
  };
  const apply = () => {
    onApply(values);
    setFound(null);
    setText('');
  };
  return (
    <div className="basics-paste" data-testid="basics-paste">
      <label htmlFor="basics-text">{t('appliances.paste.label')}</label>
      <textarea id="basics-text" ref={input} data-testid="basics-text" rows={5} spellCheck={false} value={text}
        onChange={(e) => { setText(e.target.value); setFound(null); }} placeholder={t('appliances.paste.placeholder')} />
      <div className="buttons">
        <button type="button" data-testid="basics-read" disabled={text.trim() === ''} onClick={read}>{t('appliances.paste.read')}</button>
      </div>
      {found ? (
        <div className="basics-found" data-testid="basics-found" tabIndex={-1} ref={result} role="status">
          {entries.length === 0 ? <p>{t('appliances.paste.nothing')}</p> : (
            <>
              <p>{t('appliances.paste.found')}</p>
              <dl className="facts">
                {entries.map(([key, value]) => (
                  <div key={key} className="fact" data-testid={`basics-found-${key}`}>
                    <dt>{t(`appliances.paste.fields.${key}`)}</dt><dd>{value}</dd>
                  </div>
                ))}
              </dl>
              {found.systemTimeText !== undefined && found.systemTime === undefined ? <p className="hint">{t('appliances.paste.noZone')}</p> : null}
            </>
          )}
          {found.unrecognised.length > 0 ? (
            <details className="hint">
              <summary data-testid="basics-unrecognised">{t('appliances.paste.unrecognised', { count: found.unrecognised.length })}</summary>
              <ul>{found.unrecognised.map((line, i) => <li key={i}>{line}</li>)}</ul>
            </details>
          ) : null}
          <div className="buttons">
            {entries.length > 0 ? <button type="button" className="primary" data-testid="basics-apply" onClick={apply}>{t('appliances.paste.apply')}</button> : null}
            <button type="button" data-testid="basics-discard" onClick={() => { setFound(null); input.current?.focus(); }}>{t('appliances.paste.discard')}</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
