/**
 * A running job: bar, phase, bytes, speed, time left, and Cancel. `unknownTotal`: a phase may come
 * without a total (a download whose size the other side does not say): then an indeterminate bar and
 * the bytes received. `focusOnMount` takes the focus when it appears; the test ids default to the
 * transfer page's.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format.ts';
import { useJobsStore } from '../stores/jobs-store.ts';
import { addSample, formatDuration, rates, type ProgressSample } from './transfer-rate.ts';

export function TransferProgress({ jobId, label, unknownTotal = false, focusOnMount = false, className = '', testId = 'transfer-progress', cancelTestId = 'progress-cancel' }: {
  jobId: string; label: string; unknownTotal?: boolean; focusOnMount?: boolean; className?: string; testId?: string; cancelTestId?: string;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (focusOnMount) ref.current?.focus(); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const job = useJobsStore((s) => s.running[jobId]);
  const cancel = useJobsStore((s) => s.cancel);
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (job) setSamples((s) => addSample(s, { at: performance.now(), phase: job.phase, done: job.done, overall: job.overall }));
  }, [job]);
  const { bytesPerSecond, secondsLeft } = rates(samples);
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const known = !unknownTotal || (job !== undefined && job.total > 0);
  return (
    <div className={`transfer-progress ${className}`.trim()} role="group" aria-label={label} data-testid={testId} data-phase={job?.phase ?? 'starting'}
      ref={ref} {...(focusOnMount ? { tabIndex: -1 } : {})}>
      <div className="transfer-progress-head">
        <strong>{label}</strong>
        <span>{job ? t(`jobs.phase.${job.phase}`) : t('transfer.progress.starting')}</span>
      </div>
      {known ? <progress max={1} value={job?.overall ?? 0} aria-label={label} /> : <progress aria-label={label} />}
      <div className="transfer-progress-figures" aria-live="off">
        {job ? <span data-testid="progress-bytes">{known ? t('jobs.progress', { done: bytes(job.done), total: bytes(job.total) }) : t('jobs.received', { size: bytes(job.done) })}</span> : null}
        {bytesPerSecond !== null ? <span data-testid="progress-speed">{t('transfer.progress.speed', { speed: bytes(bytesPerSecond) })}</span> : null}
        {secondsLeft !== null ? <span data-testid="progress-left">{t('transfer.progress.left', { time: formatDuration(secondsLeft) })}</span> : null}
        {/* Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="button" data-testid={cancelTestId} aria-disabled={cancelling || undefined}
          onClick={() => { if (!cancelling) { setCancelling(true); void cancel(jobId); } }}>
          {cancelling ? t('transfer.progress.cancelling') : t('jobs.cancel')}
        </button>
      </div>
    </div>
  );
}
