/** Runs store actions so that every failure reaches the error queue with its code, and every success clears it. */
import type { ErrorData } from '../../../shared/contract.ts';
import { isFerryError } from '../../../shared/errors.ts';
import { reportProgramError } from '../errors/crash-report.ts';
import { IpcError } from '../ipc.ts';
import { errorDataOf, useErrorStore, type ReportOptions } from './error-store.ts';

/** The outcome of an attempted action. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/**
 * Runs one store action: on success clears that action's earlier errors, on failure queues the
 * error under `source` (anything thrown without a code is a bug here and gets a report). Returns the outcome
 * so the caller can move focus or keep a form open.
 */
export async function attempt<T>(source: string, run: () => Promise<T>, options: ReportOptions = {}): Promise<Attempt<T>> {
  try {
    const value = await run();
    useErrorStore.getState().succeeded(source);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof IpcError) && !isFerryError(error)) {
      void reportProgramError(source, error);
      return { ok: false, error: errorDataOf(error) };
    }
    const shown = useErrorStore.getState().report(source, error, options);
    return { ok: false, error: shown.data };
  }
}
