/** One error as a person reads it: title, code to quote, next step, known details; a restart for program errors. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error.ts';
import { restartWindow } from '../errors/crash-report.ts';
import { useAppStore } from '../stores/app-store.ts';
import { useErrorStore, type ShownError } from '../stores/error-store.ts';

interface Props {
  error: ShownError;
  /** Where the focus goes when this card, the last of its queue, is dismissed. */
  afterLast(card: HTMLElement): void;
}

/** One error card (`role=alert`): scrolls into view as it appears; Dismiss hands the focus on. */
export function ErrorCard({ error, afterLast }: Props) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const dismiss = useErrorStore((s) => s.dismiss);
  const ref = useRef<HTMLDivElement>(null);
  // An error below the fold is an error not seen: it scrolls into view as it appears (and is announced: role=alert).
  useEffect(() => { ref.current?.scrollIntoView({ block: 'nearest' }); }, []);
  const d = describeError(error.data, language, t);
  // The Dismiss button goes with its card: the focus moves to the next card's, or where `afterLast` says.
  const close = () => {
    const card = ref.current;
    const cards = card?.parentElement ? [...card.parentElement.children] as HTMLElement[] : [];
    const i = card ? cards.indexOf(card) : -1;
    const next = (cards[i + 1] ?? cards[i - 1])?.querySelector<HTMLElement>('[data-testid="error-dismiss"]');
    dismiss(error.id);
    if (next) next.focus();
    else if (card) afterLast(card);
  };
  return (
    <div ref={ref} className={`error-notice error-${d.severity}`} role="alert" data-testid="error-notice" data-code={d.code} data-severity={d.severity}>
      <div className="error-body">
        {d.severity === 'bug' ? <span className="error-kind">{t('errors.programError')}</span> : null}
        <strong>{d.title}</strong> <span className="code">{t('errors.code')}: {d.code}</span>
        <p>{d.next}</p>
        {d.details.length > 0 ? (
          <ul className="error-details" data-testid="error-details">{d.details.map((line) => <li key={line}>{line}</li>)}</ul>
        ) : null}
        {d.message ? <p className="detail" data-testid="error-message">{d.message}</p> : null}
        {error.report ? (
          <p className="detail" data-testid="error-report">
            {error.report.pending ? t('errors.reportPending') : error.report.file ? t('errors.reportWritten', { file: error.report.file }) : t('errors.reportFailed')}
          </p>
        ) : null}
      </div>
      <div className="error-actions">
        {error.report ? <button type="button" data-testid="error-restart" onClick={restartWindow}>{t('errors.restart')}</button> : null}
        <button type="button" data-testid="error-dismiss" onClick={close}>{t('errors.dismiss')}</button>
      </div>
    </div>
  );
}
