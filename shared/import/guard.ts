/** The "public parsers never throw" rule in one place. */
import { issueAt } from './result';
import type { ParseResult } from './result';

/** Runs a parser; an unexpected exception becomes an error at 1:1 (`internal error: ...`) instead of escaping. */
export function neverThrows(file: string, parse: () => ParseResult): ParseResult {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [issueAt(file, 1, 1, `internal error: ${reason}`)], warnings: [] };
  }
}
