/**
 * What the job worker can do, as one union: hash a file, copy a file while hashing it, or plan an
 * upgrade. The planner's arguments pass through untouched, so options added to `planUpgrade` reach
 * it without a change here (they must be plain data: they cross a thread by structured clone).
 */
import { assertNever } from '../../shared/assert-never.ts';
import type { planUpgrade, PlanResult } from '../../shared/planner/index.ts';
import { copyVerify, type CopyVerifyResult, type CopyVerifyTask } from './copy-verify.ts';
import { hashFile } from './hash-file.ts';

/** One unit of work for the job worker. */
export type WorkerTask =
  | { type: 'hash'; path: string }
  | ({ type: 'copy' } & CopyVerifyTask)
  | { type: 'plan'; args: Parameters<typeof planUpgrade> };

/** What each task answers. */
export interface WorkerResults {
  hash: { sha256: string; size: number };
  copy: CopyVerifyResult;
  plan: PlanResult;
}

/** The phases each task reports progress in (those of its job kind). */
export interface WorkerPhases {
  hash: 'hashing';
  copy: 'copying' | 'syncing';
  plan: never;
}

/** A progress report from a running task. */
export type TaskProgress = (phase: WorkerPhases[WorkerTask['type']], done: number, total: number) => void;

/** Runs one task (on the worker thread; tests may call it directly). */
export async function runTask(task: WorkerTask, signal: AbortSignal, progress: TaskProgress): Promise<WorkerResults[WorkerTask['type']]> {
  switch (task.type) {
    case 'hash': return hashFile(task.path, signal, progress);
    case 'copy': return copyVerify(task, signal, progress);
    // Loaded on demand: a hash or copy worker starts without parsing the planner.
    case 'plan': return (await import('../../shared/planner/index.ts')).planUpgrade(...task.args);
    default: return assertNever(task);
  }
}
