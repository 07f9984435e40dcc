/** Runs the CLI as a separate process (`node src/main/cli.ts …`), as parallel users and kill tests need. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished CLI process left. */
export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Starts `ferry …args`; `env` is added to this process's environment. */
export function startFerry(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<ProcessRun> } {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/main/cli.ts', ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const done = new Promise<ProcessRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
  return { child, done };
}

/** Runs `ferry …args` to the end. */
export function ferryProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  return startFerry(args, env).done;
}
