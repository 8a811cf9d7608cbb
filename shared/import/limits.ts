/** Limits every importer enforces, each with a clear error past it (formats.md). */
export const IMPORT_LIMITS = {
  /** Largest file read, in bytes. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Most items (steps, nodes, rows) in one pack. */
  maxItems: 20_000,
  /** Deepest nesting of sub-steps or subgraphs. */
  maxDepth: 16,
  /** Longest line, in characters. */
  maxLineLength: 10_000,
} as const;
