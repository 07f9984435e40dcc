/**
 * What the job worker can do, as one union: hash a file, copy a file while hashing it, check (and
 * join) a bundle's package, write a package onto a medium (split if needed), or plan an upgrade.
 * The planner's arguments pass through untouched, so options added to `planUpgrade` reach it without
 * a change here (they must be plain data: they cross a thread by structured clone).
 */
import { assertNever } from '../../shared/assert-never.ts';
import type { planUpgrade, PlanResult } from '../../shared/planner/index.ts';
import { copyVerify, type CopyVerifyResult, type CopyVerifyTask } from './copy-verify.ts';
import { hashFile } from './hash-file.ts';
import { verifyParts, type PartsResult, type PartsTask } from './parts-verify.ts';
import { splitWrite, type SplitWriteResult, type SplitWriteTask } from './split-write.ts';

/** One unit of work for the job worker. */
export type WorkerTask =
  | { type: 'hash'; path: string }
  | ({ type: 'copy' } & CopyVerifyTask)
  | ({ type: 'parts' } & PartsTask)
  | ({ type: 'split' } & SplitWriteTask)
  | { type: 'plan'; args: Parameters<typeof planUpgrade> };

/** What each task answers. */
export interface WorkerResults {
  hash: { sha256: string; size: number };
  copy: CopyVerifyResult;
  parts: PartsResult;
  split: SplitWriteResult;
  plan: PlanResult;
}

/** The phases each task reports progress in (those of its job kind). */
export interface WorkerPhases {
  hash: 'hashing';
  copy: 'copying' | 'syncing';
  parts: 'verifying' | 'syncing';
  split: 'writing' | 'reading-back';
  plan: never;
}

/** A progress report from a running task. */
export type TaskProgress = (phase: WorkerPhases[WorkerTask['type']], done: number, total: number) => void;

/** Runs a task here or on a worker thread: the CLI runs them in its own process, the app on the worker. */
export type TaskRunner = <T extends WorkerTask>(task: T, signal: AbortSignal, progress: (phase: WorkerPhases[T['type']], done: number, total: number) => void) => Promise<WorkerResults[T['type']]>;

/** Runs one task (on the worker thread; tests may call it directly). */
export async function runTask(task: WorkerTask, signal: AbortSignal, progress: TaskProgress): Promise<WorkerResults[WorkerTask['type']]> {
  switch (task.type) {
    case 'hash': return hashFile(task.path, signal, progress);
    case 'copy': return copyVerify(task, signal, progress);
    case 'parts': return verifyParts(task, signal, progress);
    case 'split': return splitWrite(task, signal, progress);
    // Loaded on demand: a hash or copy worker starts without parsing the planner.
    case 'plan': return (await import('../../shared/planner/index.ts')).planUpgrade(...task.args);
    default: return assertNever(task);
  }
}
