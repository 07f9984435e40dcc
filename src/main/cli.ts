/** Entry point of the `ferry` command line (`npm run ferry -- …`; shipped with the app). */
import { runCli } from './cli/run.ts';

// A reader that stops early (`ferry plan … | head`) is not an error of ours: end quietly, as Unix
// tools do. Any other failure to write the result (a full disk, a closed stream) must not pass for
// success: say so on stderr if it still works, and exit 3 (environment).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`error OUTPUT_NOT_WRITABLE: cannot write the result to standard output: ${error.code ?? error.message}\n`);
      } catch {
        // stderr is gone too; the exit code still tells.
      }
    }
    process.exit(3);
  });
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
