/** Handlers of the `runbook:` channels; taking a file into the vault as evidence runs as a job. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Run } from '../../shared/contract.ts';
import { runReportHtml } from '../../shared/runbooks/report.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { DomainHandlers } from '../ipc/dispatcher.ts';
import type { Services } from '../services.ts';
import { runCalendar } from './run-ics.ts';

/** The versions of the run's appliances in the inventory now, by name. */
function versionsNow(s: Services): Run['before'] {
  return Object.fromEntries(s.appliances.list().map((a) => [a.name, { site: a.siteVersion, base: a.base }]));
}

/** The report's document for a run, with the station, the audit chain's state and the evidence files. */
export function reportFor(s: Services, runId: string, language: 'de' | 'en'): string {
  const run = s.runbooks.show(runId);
  const station = s.stations.show();
  const chain = s.audit.verify();
  const evidenceFiles: Record<string, { fileName: string; size: number }> = {};
  for (const step of run.steps) {
    for (const e of step.given) {
      if (e.kind !== 'vault-file') continue;
      const pkg = s.vault.repo.get(e.value);
      if (pkg) evidenceFiles[e.value] = { fileName: pkg.fileName, size: pkg.size };
      else {
        try {
          const file = s.vault.evidence(e.value);
          evidenceFiles[e.value] = { fileName: file.fileName, size: file.size };
        } catch {
          // Removed from the vault since: the report still names the hash the step recorded.
        }
      }
    }
  }
  return runReportHtml({
    run, station: { name: station.name, fingerprint: station.fingerprint }, generatedAt: new Date().toISOString(),
    audit: { intact: chain.ok, entries: chain.count, head: chain.headHash || null, runEntries: s.audit.countFor(run.id) },
    evidenceFiles,
  }, language);
}

/** Runs: start, step through, skip, evidence into the vault, report and calendar. */
export function setupRunbookHandlers(s: Services): DomainHandlers<'runbook'> {
  return {
    'runbook:list': () => s.runbooks.list(),
    'runbook:start': (input) => {
      const names = new Set([input.appliances.A, input.appliances.B, input.appliances.master, input.appliances.masterBackup, ...(input.appliances.traffic ?? []).map((t) => t.name)]);
      const before = Object.fromEntries(Object.entries(versionsNow(s)).filter(([name]) => names.has(name)));
      return s.runbooks.start(input, before);
    },
    'runbook:complete': ({ runId, stepId, evidence, note }) => s.runbooks.complete(runId, stepId, evidence, note),
    'runbook:skip': ({ runId, stepId, reason }) => s.runbooks.skip(runId, stepId, reason),
    'runbook:importEvidence': ({ file }) => {
      const path = s.files.resolve(file, 'file');
      return {
        jobId: s.jobs.start({
          kind: 'evidence-import', key: `evidence-import:${path}`, label: basename(path),
          run: async ({ signal, progress }) => {
            const added = await s.vault.importEvidence(path, signal, (phase, done, total) => {
              if (phase === 'copying' || phase === 'syncing') progress(phase, done, total);
            });
            return { sha256: added.sha256, size: added.size, name: added.fileName };
          },
        }),
      };
    },
    'runbook:saveReport': async ({ runId, language, format, saveTarget }) => {
      const html = reportFor(s, runId, language);
      const bytes = format === 'html' ? Buffer.from(html, 'utf8') : await s.printPdf(html);
      const path = s.files.resolve(saveTarget, 'save-target');
      writeFileAtomic(path, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      s.audit.append({ actor: 'user', action: 'runbook.reported', subject: runId, details: { format, language, sha256 } });
      return { file: basename(path), sha256 };
    },
    'runbook:saveCalendar': ({ runId, language, saveTarget }) => {
      const path = s.files.resolve(saveTarget, 'save-target');
      writeFileAtomic(path, runCalendar(s.runbooks.show(runId), language));
      return { file: basename(path) };
    },
  };
}
