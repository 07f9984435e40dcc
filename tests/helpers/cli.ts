/** Runs the CLI in-process with captured output. */
import { runCli } from '../../src/main/cli/run.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  json<T = Record<string, unknown>>(): T;
}

/** `ferry …args` against `dataDir`. */
export async function ferry(dataDir: string, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--data-dir', dataDir], { out: (t) => { out += t; }, err: (t) => { err += t; }, env: {} });
  return { code, out, err, json: <T,>() => JSON.parse(out) as T };
}
