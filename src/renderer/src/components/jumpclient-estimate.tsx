/**
 * How long the clients take to fetch their upgrade at the appliance's limits (up to 500 at once, up
 * to 100 MiB/s shared). The size of one client's upgrade is not published: the person enters it.
 * German accepts the decimal comma; both languages accept their thousands separator in counts.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract.ts';
import { MAX_CONCURRENT_UPGRADES, MAX_UPGRADE_BANDWIDTH_MIBPS, upgradeEstimate } from '../../../shared/jumpclients/estimate.ts';

/** A number as typed in `lang` (NaN for anything else); `whole` also takes the thousands separator. */
function parseNumber(text: string, lang: Language, whole: boolean): number {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (whole) s = s.replace(lang === 'de' ? /\.(?=\d{3}(?!\d))/g : /,(?=\d{3}(?!\d))/g, '');
  if (lang === 'de') s = s.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

type Input = 'clients' | 'size' | 'concurrent' | 'bandwidth';

export function JumpClientEstimate({ clients }: { clients: number }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'de' ? 'de' : 'en') as Language;
  const id = useId();
  const [text, setText] = useState<Record<Input, string>>({
    clients: String(clients), size: '', concurrent: String(MAX_CONCURRENT_UPGRADES), bandwidth: String(MAX_UPGRADE_BANDWIDTH_MIBPS),
  });
  const n = {
    clients: parseNumber(text.clients, lang, true), size: parseNumber(text.size, lang, false),
    concurrent: parseNumber(text.concurrent, lang, true), bandwidth: parseNumber(text.bandwidth, lang, false),
  };
  const valid: Record<Input, boolean> = {
    clients: Number.isInteger(n.clients) && n.clients >= 0,
    size: n.size > 0,
    concurrent: Number.isInteger(n.concurrent) && n.concurrent >= 1 && n.concurrent <= MAX_CONCURRENT_UPGRADES,
    bandwidth: n.bandwidth > 0 && n.bandwidth <= MAX_UPGRADE_BANDWIDTH_MIBPS,
  };
  const estimate = upgradeEstimate(n.clients, n.size, n.bandwidth, n.concurrent);
  const number = new Intl.NumberFormat(lang);
  const duration = (seconds: number) => {
    const minutes = Math.ceil(seconds / 60);
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    const parts = [h > 0 ? t('clients.estimate.hours', { count: h, formatted: number.format(h) }) : '', m > 0 || h === 0 ? t('clients.estimate.minutes', { count: m, formatted: number.format(m) }) : ''];
    return parts.filter((p) => p !== '').join(' ');
  };
  // An empty size is not an error: it is not published, the person has yet to enter it.
  const showError = (k: Input) => !valid[k] && !(k === 'size' && text.size.trim() === '');
  const field = (k: Input, decimal: boolean) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{t(`clients.estimate.${k}`, { max: number.format(k === 'concurrent' ? MAX_CONCURRENT_UPGRADES : MAX_UPGRADE_BANDWIDTH_MIBPS) })}</label>
      <input id={`${id}-${k}`} data-testid={`clients-est-${k}`} inputMode={decimal ? 'decimal' : 'numeric'} autoComplete="off" value={text[k]}
        onChange={(e) => setText({ ...text, [k]: e.target.value })} aria-invalid={showError(k) || undefined}
        aria-describedby={showError(k) || k === 'size' ? `${id}-${k}-hint` : undefined} />
      {showError(k) ? <span className="field-error" id={`${id}-${k}-hint`}>{t(`clients.estimate.invalid.${k}`, { max: number.format(k === 'concurrent' ? MAX_CONCURRENT_UPGRADES : MAX_UPGRADE_BANDWIDTH_MIBPS) })}</span>
        : k === 'size' ? <span className="hint" id={`${id}-${k}-hint`}>{t('clients.estimate.sizeHint')}</span> : null}
    </div>
  );
  return (
    <section className="clients-estimate" data-testid="clients-estimate" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('clients.estimate.title')}</h3>
      <p className="hint">{t('clients.estimate.intro', { concurrent: number.format(MAX_CONCURRENT_UPGRADES), bandwidth: number.format(MAX_UPGRADE_BANDWIDTH_MIBPS) })}</p>
      <div className="field-grid">
        {field('clients', false)}
        {field('size', true)}
        {field('concurrent', false)}
        {field('bandwidth', true)}
      </div>
      <p className="clients-estimate-result" data-testid="clients-estimate-result" aria-live="polite">
        {estimate === null
          ? <span className="hint">{text.size.trim() === '' && valid.clients && valid.concurrent && valid.bandwidth ? t('clients.estimate.needSize') : t('clients.estimate.outOfRange')}</span>
          : estimate.seconds === 0 ? t('clients.estimate.nothing')
          : t('clients.estimate.result', { duration: duration(estimate.seconds), waves: t('clients.estimate.waves', { count: estimate.waves, formatted: number.format(estimate.waves), concurrent: number.format(n.concurrent) }) })}
      </p>
      {estimate !== null ? <p className="hint">{t('clients.estimate.passive')}</p> : null}
    </section>
  );
}
