/**
 * The line an import issue points at, with a caret under its column, as plain
 * text for a <pre>. Tabs before the column are kept in the caret line so the
 * caret lines up however wide the tabs render.
 */

/** Longest part of a line shown; a longer line is cut around the column. */
const MAX_WIDTH = 120;

export interface SourceExcerpt {
  lineNumber: number;
  line: string;
  caret: string;
}

/** The excerpt for 1-based `line`/`col` of `text`, or undefined when the line does not exist. */
export function sourceExcerpt(text: string, line: number, col: number): SourceExcerpt | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const source = lines[line - 1];
  if (source === undefined || line < 1) return undefined;
  let start = 0;
  let end = source.length;
  const column = Math.max(1, Math.min(col, source.length + 1));
  if (source.length > MAX_WIDTH) {
    start = Math.max(0, Math.min(column - 1 - MAX_WIDTH / 2, source.length - MAX_WIDTH));
    end = start + MAX_WIDTH;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < source.length ? '…' : '';
  const shown = source.slice(start, end);
  const before = source.slice(start, column - 1).replace(/[^\t]/g, ' ');
  return {
    lineNumber: line,
    line: `${prefix}${shown}${suffix}`,
    caret: `${prefix ? ' ' : ''}${before}^`,
  };
}
