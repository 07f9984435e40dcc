/** Running jobs with progress bars and cancel, and the most recent finished ones. */
import { useTranslation } from 'react-i18next';
import { useJobsStore } from '../stores/jobs-store.ts';
import { formatBytes } from '../format.ts';

export function JobList() {
  const { t, i18n } = useTranslation();
  const running = Object.values(useJobsStore((s) => s.running));
  const finished = useJobsStore((s) => s.finished);
  const cancel = useJobsStore((s) => s.cancel);
  return (
    <div className="jobs">
      {running.map((job) => (
        <div className="job" key={job.jobId} data-testid="job-running">
          <span className="job-label">{job.label}</span>
          <progress max={job.total || 1} value={job.done} aria-label={job.label} />
          <span className="job-progress">
            {t('jobs.progress', { done: formatBytes(job.done, i18n.language), total: formatBytes(job.total, i18n.language) })}
          </span>
          <button type="button" onClick={() => void cancel(job.jobId)}>{t('jobs.cancel')}</button>
        </div>
      ))}
      {finished.map((job) => (
        <div className={`job job-${job.status}`} key={job.jobId} data-testid="job-finished" data-status={job.status}>
          <span className="job-label">{job.label}</span>
          <span>{t(`jobs.status.${job.status}`)}</span>
          {job.status === 'ok' && typeof job.result === 'object' && job.result !== null && 'sha256' in job.result ? (
            <code className="hash" data-testid="hash-result">{String((job.result as { sha256: unknown }).sha256)}</code>
          ) : null}
          {job.error && job.status === 'failed' ? <span className="code">{job.error.code}</span> : null}
        </div>
      ))}
    </div>
  );
}
