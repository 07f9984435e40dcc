/** Entry point of the `ferry` command line (`npm run ferry -- …`; shipped with the app). */
import { runCli } from './cli/run.ts';

// A reader that stops early (`ferry plan … | head`) is not an error of ours: end quietly, as Unix
// tools do, instead of dying with an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
