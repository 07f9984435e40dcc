/** A running job of the transfer page: bar, phase, bytes, speed, time left, and Cancel. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format.ts';
import { useJobsStore } from '../stores/jobs-store.ts';
import { addSample, formatDuration, rates, type ProgressSample } from './transfer-rate.ts';

export function TransferProgress({ jobId, label }: { jobId: string; label: string }) {
  const { t, i18n } = useTranslation();
  const job = useJobsStore((s) => s.running[jobId]);
  const cancel = useJobsStore((s) => s.cancel);
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (job) setSamples((s) => addSample(s, { at: performance.now(), phase: job.phase, done: job.done, overall: job.overall }));
  }, [job]);
  const { bytesPerSecond, secondsLeft } = rates(samples);
  const bytes = (n: number) => formatBytes(n, i18n.language);
  return (
    <div className="transfer-progress" role="group" aria-label={label} data-testid="transfer-progress" data-phase={job?.phase ?? 'starting'}>
      <div className="transfer-progress-head">
        <strong>{label}</strong>
        <span>{job ? t(`jobs.phase.${job.phase}`) : t('transfer.progress.starting')}</span>
      </div>
      <progress max={1} value={job?.overall ?? 0} aria-label={label} />
      <div className="transfer-progress-figures" aria-live="off">
        {job ? <span data-testid="progress-bytes">{t('jobs.progress', { done: bytes(job.done), total: bytes(job.total) })}</span> : null}
        {bytesPerSecond !== null ? <span data-testid="progress-speed">{t('transfer.progress.speed', { speed: bytes(bytesPerSecond) })}</span> : null}
        {secondsLeft !== null ? <span data-testid="progress-left">{t('transfer.progress.left', { time: formatDuration(secondsLeft) })}</span> : null}
        {/* Busy is aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="button" data-testid="progress-cancel" aria-disabled={cancelling || undefined}
          onClick={() => { if (!cancelling) { setCancelling(true); void cancel(jobId); } }}>
          {cancelling ? t('transfer.progress.cancelling') : t('jobs.cancel')}
        </button>
      </div>
    </div>
  );
}
