/** Process entry of the authors' command line (bundled to dist/cli/kata.cjs). */
import { performance } from 'node:perf_hooks';
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  openTerminal: () => ({
    input: process.stdin,
    output: process.stdout,
    // Monotonic: a decision's time must not jump with the wall clock.
    now: () => Math.round(performance.now()),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    // Only while a walk reads: a SIGINT listener replaces Node's default exit, which validate keeps.
    watchInterrupt: (onInterrupt) => {
      process.on('SIGINT', onInterrupt);
      return () => process.off('SIGINT', onInterrupt);
    },
  }),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`kata: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
