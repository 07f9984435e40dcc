/**
 * Error reports for bugs (uncaught exceptions, unhandled rejections, crashed renderers, the renderer's
 * error boundary): one text file per event in `<data dir>/crash-reports/`, readable by the person who
 * sends it to us. A report holds the error's name, message and stack (and causes), the context and
 * fixed facts about the program — never the environment, arguments, settings or keys — and what looks
 * like a secret in a message is blanked. Usable without Electron.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FerryError } from '../shared/errors.ts';

/** Folder of the reports inside the data directory. */
export const CRASH_REPORT_FOLDER = 'crash-reports';
/** Reports kept; older ones are removed so a crash loop cannot fill the disk. */
export const MAX_CRASH_REPORTS = 50;
const MAX_FIELD = 16_384;
const MAX_CAUSES = 3;

export interface CrashReportInput {
  /** Where it happened: `uncaughtException`, `renderer`, an IPC channel, … */
  context: string;
  error: unknown;
  version?: string;
  now?: Date;
}

/** Blanks what looks like key material or a credential; paths and ordinary words stay. */
export function redactSecrets(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, '[redacted PEM block]')
    .replace(/\b(pass(?:word|phrase)?|secret|token|key|authorization)(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$2[redacted]')
    .replace(/\b[0-9a-fA-F]{40,}\b/g, (run) => `[redacted ${run.length} hex digits]`)
    .replace(/[A-Za-z0-9+/_-]{32,}={0,2}/g, (run) => (looksRandom(run) ? `[redacted ${run.length} characters]` : run));
}

// Base64 of random bytes mixes cases and digits throughout; paths and identifiers rarely do.
function looksRandom(run: string): boolean {
  const count = (re: RegExp): number => run.match(re)?.length ?? 0;
  return count(/[A-Z]/g) >= 5 && count(/[a-z]/g) >= 5 && (count(/[0-9]/g) >= 1 || run.includes('+'));
}

function errorLines(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error)) return [clip(`thrown value: ${typeof error === 'string' ? error : safeString(error)}`)];
  const lines = [clip(error.stack?.includes(error.message) ? error.stack : `${error.name}: ${error.message}\n${error.stack ?? ''}`)];
  if (error.cause !== undefined && depth < MAX_CAUSES) lines.push('caused by:', ...errorLines(error.cause, depth + 1));
  return lines;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const clip = (text: string): string => (text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}\n[… ${text.length - MAX_FIELD} characters cut]` : text);

/** The report's text. */
export function formatCrashReport(input: CrashReportInput): string {
  const now = input.now ?? new Date();
  const versions = ['node', 'electron', 'chrome'].flatMap((k) => (process.versions[k] ? [`${k} ${process.versions[k]}`] : []));
  const head = [
    'Ferry error report',
    `time: ${now.toISOString()}`,
    `context: ${clip(input.context)}`,
    `version: ${input.version ?? 'unknown'}`,
    `platform: ${process.platform} ${process.arch}; ${versions.join(', ')}`,
    '',
  ];
  return redactSecrets([...head, ...errorLines(input.error)].join('\n')) + '\n';
}

/** Writes a report below `dataDir` (0700 folder, 0600 file, never overwriting) and returns its path. */
export function writeCrashReport(dataDir: string, input: CrashReportInput): string {
  const dir = join(dataDir, CRASH_REPORT_FOLDER);
  const now = input.now ?? new Date();
  const file = join(dir, `crash-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.txt`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    writeFileSync(file, formatCrashReport({ ...input, now }), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw new FerryError('OUTPUT_NOT_WRITABLE', `Could not write an error report into ${dir}`, { dir, cause: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  pruneReports(dir);
  return file;
}

function pruneReports(dir: string): void {
  const reports = readdirSync(dir).filter((name) => /^crash-.*\.txt$/.test(name)).sort();
  for (const old of reports.slice(0, Math.max(0, reports.length - MAX_CRASH_REPORTS))) rmSync(join(dir, old), { force: true });
}

/** Whether a renderer or child process ended abnormally (Electron's `reason`): anything but a clean exit. */
export function isAbnormalExit(reason: string): boolean {
  return reason !== 'clean-exit';
}
