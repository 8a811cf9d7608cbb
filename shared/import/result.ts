/**
 * What every parser returns, and the one error type parsers may throw internally.
 * A parser's public function never throws: it returns a ParseResult.
 */
import type { ImportIssue, ListReading, PackSource } from '../model';
import type { ListReadingInfo } from './markdown/list-reading';

/**
 * `lists`: how each list of a Markdown checklist was read (steps or notes), also when the
 * file failed (every list read as notes is one way to have no steps), so the import review
 * can offer to read a list the other way.
 */
export type ParseResult =
  | { ok: true; pack: PackSource; warnings: ImportIssue[]; lists?: ListReadingInfo[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[]; lists?: ListReadingInfo[] };

/** What a parse may be told beyond the text: the person's readings of lists, by list key. */
export interface ParseOptions {
  listChoices?: Readonly<Record<string, ListReading>>;
}

/** Thrown inside a parser to stop at the first fatal problem; caught at the parser's edge. */
export class ImportError extends Error {
  readonly issue: ImportIssue;
  constructor(issue: Omit<ImportIssue, 'severity'>) {
    super(formatIssue({ ...issue, severity: 'error' }));
    this.name = 'ImportError';
    this.issue = { ...issue, severity: 'error' };
  }
}

/** `file:line:col: message`, the form editors and terminals understand. */
export function formatIssue(issue: ImportIssue): string {
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}:${issue.line}:${issue.col}: ${prefix}${issue.message}`;
}

/** Builds a located issue. */
export function issueAt(
  file: string,
  line: number,
  col: number,
  message: string,
  severity: ImportIssue['severity'] = 'error',
): ImportIssue {
  return { file, line, col, message, severity };
}
