/**
 * A position in the chart text, with 1-based line/column reporting (UTF-16
 * columns, like every Kata parser) and the errors and warnings that point there.
 */
import type { ImportIssue } from '../../model';
import { ImportError, issueAt } from '../result';
import type { MermaidParseOptions } from './types';

/** Warnings of one kind shown before the rest are left out. */
const REPEATED_WARNINGS = 10;

export class ChartText {
  readonly text: string;
  readonly file: string;
  readonly warnings: ImportIssue[];
  private readonly lineStarts: number[];
  private readonly warningCounts = new Map<string, number>();
  private readonly lineOffset: number;
  private readonly colOffset: (chartLine: number) => number;

  /** `warnings` may be shared with another view of the same file (same lines, other text). */
  constructor(text: string, file: string, lineOffset: number, colOffset: (chartLine: number) => number, warnings: ImportIssue[] = []) {
    this.text = text;
    this.warnings = warnings;
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an index, offsets included. */
  position(index: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(index, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1 + this.lineOffset, col: at - this.lineStarts[low]! + 1 + this.colOffset(low + 1) };
  }

  /** Stops parsing with an error at `index`. */
  fail(index: number, message: string): never {
    const { line, col } = this.position(index);
    throw new ImportError({ file: this.file, line, col, message });
  }

  /**
   * Adds a warning at `index`. Warnings of a `kind` that repeats (one per line of a
   * generated chart, say) stop after a few, the last one saying so.
   */
  warn(index: number, message: string, kind?: string): void {
    let text = message;
    if (kind !== undefined) {
      const count = (this.warningCounts.get(kind) ?? 0) + 1;
      this.warningCounts.set(kind, count);
      if (count > REPEATED_WARNINGS) return;
      if (count === REPEATED_WARNINGS) text = `${message} (further warnings like this one are not shown)`;
    }
    const { line, col } = this.position(index);
    this.warnings.push(issueAt(this.file, line, col, text, 'warning'));
  }

  /** What a person sees at `index`, for "found ..." in messages. */
  describe(index: number): string {
    if (index >= this.text.length) return 'the end of the file';
    const char = this.text.charAt(index);
    if (char === '\n') return 'the end of the line';
    if (isIdChar(this.text, index)) {
      let end = index;
      while (end < this.text.length && end - index < 24 && isIdChar(this.text, end)) end += charLength(this.text, end);
      return `"${this.text.slice(index, end)}"`;
    }
    if (char === ' ' || char === '\t') return 'a space';
    return `"${String.fromCodePoint(this.text.codePointAt(index) ?? 0)}"`;
  }
}

/** 2 for a surrogate pair, else 1. */
export function charLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

export function isSpace(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** Whitespace as JavaScript's `\s` sees it (what Mermaid's lexer rules use). */
export function isWhitespace(char: string): boolean {
  return char !== '' && /\s/.test(char);
}

/** Index after spaces and tabs. */
export function skipSpaces(text: string, index: number): number {
  let i = index;
  while (i < text.length && isSpace(text.charAt(i))) i += 1;
  return i;
}

/** Index after any whitespace, line breaks included. */
export function skipWhitespace(text: string, index: number): number {
  let i = index;
  while (i < text.length && isWhitespace(text.charAt(i))) i += 1;
  return i;
}

/** Characters of Mermaid's NODE_STRING token, plus `,` `:` `#` `*` which are id tokens too. */
const ASCII_ID = /[A-Za-z0-9!#$%&'*+.`?\\_/,:]/;
const LETTER = /\p{L}/u;

/** Whether an id may contain the character at `index` (context-free part). */
export function isIdChar(text: string, index: number): boolean {
  const char = text.charAt(index);
  if (char === '') return false;
  if (char.charCodeAt(0) < 0x80) return ASCII_ID.test(char) || char === '-' || char === '=';
  const codePoint = text.codePointAt(index) ?? 0;
  return LETTER.test(String.fromCodePoint(codePoint));
}

/** Whether the text at `index` starts with `word` followed by a non-word character (the `\b` jison adds to keywords). */
export function startsWithWord(text: string, index: number, word: string): boolean {
  if (!text.startsWith(word, index)) return false;
  const next = text.charAt(index + word.length);
  return next === '' || !/[A-Za-z0-9_]/.test(next);
}

/** The column offset of each chart line (1-based), from MermaidParseOptions.colOffset. */
export function columnOffsetOf(colOffset: MermaidParseOptions['colOffset']): (chartLine: number) => number {
  if (typeof colOffset === 'function') return colOffset;
  const fixed = colOffset ?? 0;
  return () => fixed;
}
