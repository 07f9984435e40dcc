/**
 * Program errors in this window (a render crash, an uncaught exception, a rejected promise nobody
 * awaited): shown with the code, written to a report file by main, and a restart offered. Expected
 * failures never come here; they carry their own code through `attempt`.
 */
import { ferry, unwrap } from '../ipc.ts';
import { useErrorStore } from '../stores/error-store.ts';

/** A runaway loop of errors must not flood main with report files. */
const MAX_REPORTS = 10;
let reports = 0;

function describeThrown(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return error.stack ? { message: error.message, stack: error.stack } : { message: error.message };
  return { message: String(error) };
}

/** Shows a program error and asks main to write a report file; the notice names the file once written. */
export async function reportProgramError(source: string, error: unknown): Promise<void> {
  const shown = useErrorStore.getState().report(source, error, { programError: true });
  if (reports >= MAX_REPORTS) {
    useErrorStore.getState().attachReport(shown.id, null);
    return;
  }
  reports += 1;
  try {
    const { file } = await unwrap(ferry().app.reportError(describeThrown(error)));
    useErrorStore.getState().attachReport(shown.id, file);
  } catch {
    // Writing the report failed too: the notice still shows the code and offers the restart.
    useErrorStore.getState().attachReport(shown.id, null);
  }
}

/** Catches what no action caught: uncaught errors and unhandled promise rejections in this window. */
export function installCrashListeners(target: Window = window): void {
  target.addEventListener('error', (event) => { void reportProgramError('window', event.error ?? event.message); });
  target.addEventListener('unhandledrejection', (event) => { void reportProgramError('window', event.reason); });
}

/** Starts Ferry's window afresh (main keeps the truth; the page re-reads it). */
export function restartWindow(): void {
  window.location.reload();
}
