/** Process entry of the authors' command line (bundled to dist/cli/kata.cjs). */
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
