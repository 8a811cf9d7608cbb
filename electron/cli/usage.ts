/** The usage text every command prints on bad usage (exit 2) and on --help. */
import type { CliIo } from './cli-io';

export const USAGE = `usage: kata validate <files or folders>... [--json]
       kata preview <file> [--json]
       kata simulate <file> [--seed N] [--level 1-5] [--section ID|all] [--json]
       kata simulate <file> --paths [--json]
       kata report <collection export> [--format md|csv|json]`;

/** Exit status of bad usage. */
export const USAGE_STATUS = 2;

export function usageError(io: Pick<CliIo, 'err'>, message: string): number {
  io.err(`kata: ${message}`);
  io.err(USAGE);
  return USAGE_STATUS;
}
