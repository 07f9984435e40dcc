/**
 * The appliance's clock, as read off `/appliance › Status › Basics`: typed or filled in from a paste.
 * Without a zone the person picks the offset; the drift against this computer shows at once, since
 * the download key depends on the appliance's clock being right.
 */
import { useTranslation } from 'react-i18next';
import { clockDrift } from '../../../shared/transfer/download-key.ts';
import { formatTime } from '../format.ts';
import { formatSpan, offsetLabel, resolveApplianceTime, UTC_OFFSETS } from './appliance-time.ts';

interface Props {
  id: string;
  /** Defaults to `id` (a row's form needs a unique id but a stable test id). */
  testId?: string;
  text: string;
  offset: number;
  onText(text: string): void;
  onOffset(offset: number): void;
  error?: string | undefined;
}

/** How far the appliance's clock is from this computer's, as a warning when beyond the limit. */
export function DriftText({ seconds, warn, testId }: { seconds: number; warn: boolean; testId: string }) {
  const { t, i18n } = useTranslation();
  const duration = formatSpan(seconds, i18n.language);
  const text = seconds === 0 ? t('appliances.drift.same') : t(seconds > 0 ? 'appliances.drift.ahead' : 'appliances.drift.behind', { duration });
  return (
    <span className={warn ? 'drift warn-text' : 'drift hint'} data-testid={testId} data-warn={warn || undefined}>
      {text}{warn ? ` ${t('appliances.drift.fix')}` : ''}
    </span>
  );
}

export function ApplianceTimeField({ id, testId = id, text, offset, onText, onOffset, error }: Props) {
  const { t, i18n } = useTranslation();
  const time = resolveApplianceTime(text, offset);
  const instant = time.state === 'zoned' || time.state === 'unzoned' ? time.iso : null;
  const drift = instant === null ? null : clockDrift(instant, new Date());
  return (
    <div className="field time-field">
      <label htmlFor={id}>{t('appliances.form.applianceTime')}</label>
      <input id={id} data-testid={testId} value={text} placeholder="2026-11-27 14:03:12 UTC" spellCheck={false}
        aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => onText(e.target.value)} />
      {time.state === 'unzoned' ? (
        <span className="offset-choice">
          <label htmlFor={`${id}-offset`}>{t('appliances.form.offset')}</label>
          <select id={`${id}-offset`} data-testid={`${testId}-offset`} value={offset} onChange={(e) => onOffset(Number(e.target.value))}>
            {UTC_OFFSETS.map((o) => <option key={o} value={o}>{offsetLabel(o)}</option>)}
          </select>
        </span>
      ) : null}
      <span className="hint" id={`${id}-hint`}>
        {instant === null ? t('appliances.form.applianceTimeHint') : t('appliances.form.applianceTimeRead', { time: formatTime(instant, i18n.language) })}
      </span>
      {drift ? <DriftText seconds={drift.seconds} warn={drift.warn} testId={`${testId}-drift`} /> : null}
      {error ? <span className="field-error" id={`${id}-error`} data-testid={`${testId}-error`} role="alert">{error}</span> : null}
    </div>
  );
}
