/** Running jobs with progress bars and cancel, and the most recent finished ones. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/assert-never.ts';
import type { JobKind } from '../../../shared/contract.ts';
import { useJobsStore, type FinishedJob } from '../stores/jobs-store.ts';
import { formatBytes } from '../format.ts';

/** What an ok job shows, by kind: the result's shape is the kind's schema, never guessed. */
function JobResultView({ job }: { job: FinishedJob }) {
  if (job.status !== 'ok') return job.status === 'failed' ? <span className="code">{job.error.code}</span> : null;
  switch (job.kind) {
    case 'hash-file':
    case 'copy-verify':
    case 'vault-export':
    case 'vault-verify':
    case 'evidence-import':
    case 'link-backup':
      return <code className="hash" data-testid="hash-result">{job.result.sha256}</code>;
    // The pages that started these show their results in full; the list only says they are done.
    case 'bundle-create':
    case 'bundle-verify':
    case 'bundle-import':
      return <code className="hash">{job.result.id}</code>;
    default:
      return assertNever(job);
  }
}

/** The jobs of `kinds` (all kinds when not given): a page lists only the work it started itself. */
export function JobList({ kinds }: { kinds?: readonly JobKind[] } = {}) {
  const { t, i18n } = useTranslation();
  const shown = (job: { kind: JobKind }) => kinds === undefined || kinds.includes(job.kind);
  const running = Object.values(useJobsStore((s) => s.running)).filter(shown);
  const finished = useJobsStore((s) => s.finished).filter(shown);
  const cancel = useJobsStore((s) => s.cancel);
  // The Cancel button disappears with its running row: the focus follows the job to its finished row.
  const [cancelling, setCancelling] = useState<string | null>(null);
  useEffect(() => {
    if (cancelling === null || !finished.some((f) => f.jobId === cancelling)) return;
    document.querySelector<HTMLElement>(`[data-job-id="${cancelling}"]`)?.focus();
    setCancelling(null);
  }, [finished, cancelling]);
  return (
    <div className="jobs">
      {running.map((job) => (
        <div className="job" key={job.jobId} data-testid="job-running">
          <span className="job-label">{job.label}</span>
          <progress max={1} value={job.overall} aria-label={job.label} />
          <span className="job-phase">{t(`jobs.phase.${job.phase}`)}</span>
          <span className="job-progress">
            {t('jobs.progress', { done: formatBytes(job.done, i18n.language), total: formatBytes(job.total, i18n.language) })}
          </span>
          <button type="button" onClick={() => { setCancelling(job.jobId); void cancel(job.jobId); }}>{t('jobs.cancel')}</button>
        </div>
      ))}
      {finished.map((job) => (
        <div className={`job job-${job.status}`} key={job.jobId} data-testid="job-finished" data-status={job.status} data-job-id={job.jobId} tabIndex={-1}>
          <span className="job-label">{job.label}</span>
          <span>{t(`jobs.status.${job.status}`)}</span>
          <JobResultView job={job} />
        </div>
      ))}
    </div>
  );
}
