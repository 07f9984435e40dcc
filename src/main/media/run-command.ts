/** Runs the OS's volume tools (lsblk, PowerShell, diskutil): no shell, a timeout, bounded output. */
import { execFile, type ExecFileException } from 'node:child_process';
import { FerryError } from '../../shared/errors.ts';

/** How a volume tool is run. */
export interface CommandOptions {
  /** Killed after this long (a hung network mount can stall these tools). */
  timeoutMs: number;
  maxBytes?: number;
}

type Problem = 'not-installed' | 'timeout' | 'too-much-output' | 'failed';

function problemOf(error: ExecFileException): Problem {
  if (error.code === 'ENOENT') return 'not-installed';
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'too-much-output';
  return error.killed ? 'timeout' : 'failed';
}

/**
 * The command's stdout. MEDIA_UNDETECTED when it is missing, times out, prints too much or exits
 * non-zero; details name the command, the problem and the start of its stderr.
 */
export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, {
      timeout: options.timeoutMs, maxBuffer: options.maxBytes ?? 8 * 1024 * 1024, windowsHide: true, encoding: 'utf8',
      // English messages where the tool honours it (lsblk's "unknown column"), whatever the desktop's language.
      env: { ...process.env, LC_ALL: 'C' },
    }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      const problem = problemOf(error);
      const said = String(stderr ?? '').trim().slice(0, 500);
      reject(new FerryError('MEDIA_UNDETECTED', `${file} could not list the volumes (${problem})${said ? `: ${said}` : ''}`,
        { command: file, problem, ...(said ? { stderr: said } : {}) }));
    });
  });
}
