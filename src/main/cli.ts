/** Entry point of the `ferry` command line (`npm run ferry -- …`; shipped with the app). */
import { runCli } from './cli/run.ts';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
