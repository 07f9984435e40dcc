/**
 * Ferry's critical-error handler (after Mattermost's): a bug — an uncaught exception, an unhandled
 * rejection, a crashed window — writes an error report and offers a restart. Child processes (GPU,
 * network, utility) that end abnormally are only reported: Chromium restarts those itself.
 */
import { app, dialog } from 'electron';
import { isAbnormalExit, writeCrashReport } from '../crash-report.ts';
import type { shellTexts } from './texts.ts';

export interface CriticalErrorOptions {
  /** The data directory (the report folder is inside it). */
  dataDir: () => string;
  version: string;
  texts: () => ReturnType<typeof shellTexts>;
  /** `Ferry cli …`: no dialog, the error goes to stderr and the exit code is 1. */
  cliMode: boolean;
  /** Where `uncaughtException` / `unhandledRejection` are heard; the process itself in the app. */
  processEvents?: Pick<NodeJS.Process, 'on'>;
}

/** Installs the handlers; returns the function that writes a report (null when that failed). */
export function installCriticalErrorHandlers(options: CriticalErrorOptions): (context: string, error: unknown) => string | null {
  const report = (context: string, error: unknown): string | null => {
    try {
      return writeCrashReport(options.dataDir(), { context, error, version: options.version });
    } catch {
      return null; // Reporting must never crash the app further.
    }
  };
  const fatal = (context: string, error: unknown): void => {
    const file = report(context, error);
    if (options.cliMode) {
      process.stderr.write(`error INTERNAL_ERROR: ${error instanceof Error ? error.message : String(error)}\n`);
      app.exit(1);
      return;
    }
    offerRestart(options.texts(), options.texts().crash, file);
  };
  const events = options.processEvents ?? process;
  events.on('uncaughtException', (error) => fatal('uncaughtException', error));
  events.on('unhandledRejection', (reason) => fatal('unhandledRejection', reason));
  app.on('render-process-gone', (_event, _contents, details) => {
    if (!isAbnormalExit(details.reason)) return;
    const file = report(`render-process-gone: ${details.reason}`, new Error(`The window's renderer ended (${details.reason}, exit code ${details.exitCode})`));
    offerRestart(options.texts(), options.texts().rendererGone, file);
  });
  app.on('child-process-gone', (_event, details) => {
    if (!isAbnormalExit(details.reason)) return;
    report(`child-process-gone: ${details.type}`, new Error(`A ${details.type} process ended (${details.reason}, exit code ${details.exitCode})`));
  });
  return report;
}

/** Tells what happened and where the report is; Restart relaunches, Quit ends. Either way this run ends. */
function offerRestart(text: ReturnType<typeof shellTexts>, message: string, file: string | null): void {
  try {
    const choice = dialog.showMessageBoxSync({
      type: 'error', title: 'Ferry', message, detail: file ? text.reportSaved(file) : text.reportFailed,
      buttons: [text.restart, text.quit], defaultId: 0, cancelId: 1, noLink: true,
    });
    if (choice === 0) app.relaunch();
  } finally {
    app.exit(1);
  }
}
