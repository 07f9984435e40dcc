/** How the CLI speaks: human text or `--json`, and the exit codes of DESIGN (0, 1, 2, 3). */
import { ERROR_CATALOGUE, FerryError, toErrorData, type FerryErrorData } from '../../shared/errors.ts';
import { escapeForTerminal } from '../../shared/names.ts';

/** Where the CLI writes. Tests pass buffers; the entry point passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes (DESIGN: Command line). */
export const EXIT = { ok: 0, check: 1, usage: 2, environment: 3 } as const;

/** The exit code for an error. */
export function exitCodeFor(error: FerryErrorData): number {
  // A file a signed manifest names but the bundle lacks is a failed verification, not this computer's problem.
  if (error.details?.verification === true) return EXIT.check;
  const kind = ERROR_CATALOGUE[error.code].kind;
  if (kind === 'usage') return EXIT.usage;
  if (kind === 'environment') return EXIT.environment;
  return EXIT.check;
}

/** Reports a failure and returns its exit code. */
export function reportError(io: CliIo, json: boolean, error: unknown): number {
  const data = toErrorData(error);
  if (json) io.out(JSON.stringify({ ok: false, error: data }) + '\n');
  else {
    const text = ERROR_CATALOGUE[data.code].en;
    // Messages quote files and archives from outside: never let them drive the terminal.
    io.err(`error ${data.code}: ${escapeForTerminal(data.message)}\n  ${text.next}\n`);
  }
  return exitCodeFor(data);
}

/** A usage error (exit 2). */
export function usageError(message: string): FerryError {
  return new FerryError('USAGE', message);
}
