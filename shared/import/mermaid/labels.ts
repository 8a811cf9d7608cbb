/**
 * Label text inside node shapes, between `|pipes|`, and in `-- text -->` links,
 * read with the character rules of Mermaid's lexer states: unquoted text may not
 * contain `[ ] ( ) { } | "`; a label may instead be `"quoted"` (any character but
 * `"`, across lines) or a "`markdown string`".
 * Labels are returned raw (untrimmed); the graph builder trims and sanitizes them.
 */
import type { ChartText } from './cursor';
import { charLength, isWhitespace } from './cursor';
import { matchLinkClose } from './links';
import type { LinkFamily, LinkMatch } from './links';
import { bracketsOf } from './shapes';
import type { ShapeOpener } from './shapes';
import type { MermaidLabelType } from './types';

export interface RawLabel {
  text: string;
  type: MermaidLabelType;
}

const TEXT_STOPS = '[](){}|"';
const PIPE_SPECIAL = '[](){}|"';

/** Index of the next character of `special` from `index` (or the end): plain text in between is taken in one piece. */
function nextSpecial(text: string, index: number, special: string): number {
  let i = index;
  while (i < text.length && !special.includes(text.charAt(i))) i += 1;
  return i;
}

/** A `"..."` or "`...`" label at `index` (which holds `"`): content, kind, index after it. */
export function readQuoted(src: ChartText, index: number): { content: string; type: MermaidLabelType; end: number } {
  const { text } = src;
  if (text.charAt(index + 1) === '`') {
    const start = index + 2;
    for (let i = start; i < text.length; i++) {
      const char = text.charAt(i);
      if (char === '`' && text.charAt(i + 1) === '"') return { content: text.slice(start, i), type: 'markdown', end: i + 2 };
      if (char === '`' || char === '"') {
        src.fail(i, `unexpected ${char === '`' ? '"`"' : 'quote'} inside a markdown label: it ends with \`" (write #quot; for a quote)`);
      }
    }
    src.fail(index, 'this markdown label is never closed: expected `" before the end of the file');
  }
  const close = text.indexOf('"', index + 1);
  if (close < 0) src.fail(index, 'this quoted label is never closed: expected a closing quote (") before the end of the file');
  return { content: text.slice(index + 1, close), type: 'string', end: close + 1 };
}

/** The closing bracket balancing the label that starts at `start`, on the same line; -1 when there is none. */
function balancedClose(text: string, start: number, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length && text.charAt(i) !== '\n'; i++) {
    const char = text.charAt(i);
    if (depth === 0 && text.startsWith(close, i)) return i;
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
  }
  return -1;
}

/** `G["Wait (End)"]`: the label as it should have been written, when it can be found on the line. */
function quotedSuggestion(src: ChartText, before: string, start: number, close: string): string {
  const end = balancedClose(src.text, start, close);
  if (end < 0) return `quote the label: ${before}"..."${close}`;
  const inner = src.text.slice(start, end).trim().replace(/"/g, '#quot;');
  return `quote the label: ${before}"${inner}"${close}`;
}

function openedAt(src: ChartText, openIndex: number, index: number): string {
  const open = src.position(openIndex);
  return src.position(index).line === open.line ? '' : ` (the label opened at line ${open.line}, col ${open.col} is not closed)`;
}

/** A label may open with a quoted part (`"..."` or a markdown string): read it, or start empty. */
function leadingQuote(src: ChartText, start: number): { raw: string; type: MermaidLabelType; i: number } {
  if (src.text.charAt(start) !== '"') return { raw: '', type: 'text', i: start };
  const quoted = readQuoted(src, start);
  return { raw: quoted.content, type: quoted.type, i: quoted.end };
}

/** Text of a shape label from `start` (just after the opener) to its closer. */
export function readShapeLabel(
  src: ChartText,
  start: number,
  shape: ShapeOpener,
  openIndex: number,
  id: string,
): { label: RawLabel; type: string; end: number } {
  const { text } = src;
  const lead = leadingQuote(src, start);
  const { type } = lead;
  let { raw, i } = lead;
  // Trapezoid and ellipse labels may hold "|" (Mermaid's trapText and ellipseText states).
  const stops = shape.mode === 'text' ? TEXT_STOPS : '[](){}"';
  const brackets = bracketsOf(shape);
  // Characters where something may happen: a stop, or the first character of a closer.
  const special = stops + shape.closers.map((candidate) => candidate.close.charAt(0)).join('');
  for (;;) {
    if (i >= text.length) src.fail(openIndex, `the ${brackets} label of "${id}" is never closed: expected "${shape.closers[0]!.close}", found the end of the file`);
    const closer = shape.closers.find((candidate) => text.startsWith(candidate.close, i));
    if (closer) return { label: { text: raw, type }, type: closer.type, end: i + closer.close.length };
    const char = text.charAt(i);
    if (stops.includes(char)) {
      const before = `${id}${shape.open}`;
      if (char === '"') {
        src.fail(i, `unexpected quote inside a ${brackets} label${openedAt(src, openIndex, i)}; ${quotedSuggestion(src, before, start, shape.closers[0]!.close)} (a quote must open the label; write #quot; for a quote inside it)`);
      }
      src.fail(i, `unexpected "${char}" inside a ${brackets} label${openedAt(src, openIndex, i)}; ${quotedSuggestion(src, before, start, shape.closers[0]!.close)}`);
    }
    const next = nextSpecial(text, i + 1, special);
    raw += text.slice(i, next);
    i = next;
  }
}

/** Text between `|` and `|` after a link, from `start` (just after the first `|`). */
export function readPipeText(src: ChartText, start: number, pipeIndex: number): { label: RawLabel; end: number } {
  const { text } = src;
  const lead = leadingQuote(src, start);
  const { type } = lead;
  let { raw, i } = lead;
  for (;;) {
    if (i >= text.length) src.fail(pipeIndex, 'this link label is never closed: expected "|", found the end of the file');
    const char = text.charAt(i);
    if (char === '|') return { label: { text: raw, type }, end: i + 1 };
    if ('[](){}"'.includes(char)) {
      const what = char === '"' ? 'quote' : `"${char}"`;
      src.fail(i, `unexpected ${what} inside a | | link label${openedAt(src, pipeIndex, i)}; ${quotedSuggestion(src, '|', start, '|')}`);
    }
    const next = nextSpecial(text, i + 1, PIPE_SPECIAL);
    raw += text.slice(i, next);
    i = next;
  }
}

const CLOSE_HINT: Record<Exclude<LinkFamily, 'invisible'>, string> = {
  normal: '"-->" or "---"',
  thick: '"==>" or "==="',
  dotted: '".->" or ".-"',
};

/** Text of `-- text -->` from `start` (after the opener and its spaces) to the closing operator. */
export function readLinkText(
  src: ChartText,
  start: number,
  opener: LinkMatch,
): { label: RawLabel; close: LinkMatch } {
  const { text } = src;
  const family = opener.family as Exclude<LinkFamily, 'invisible'>;
  const lead = leadingQuote(src, start);
  const { type } = lead;
  let { raw, i } = lead;
  for (;;) {
    if (i >= text.length) {
      src.fail(opener.opStart, `the link label opened by "${opener.op}" is never closed: expected ${CLOSE_HINT[family]}, found the end of the file`);
    }
    const close = matchLinkClose(text, i, family);
    if (close) return { label: { text: raw, type }, close };
    const char = text.charAt(i);
    let next = i + charLength(text, i);
    if (isWhitespace(char)) {
      // A failed match covers the whole run of spaces: each position skips them the same way.
      while (next < text.length && isWhitespace(text.charAt(next))) next += 1;
    } else if (family === 'dotted' && char === '.') {
      while (text.charAt(next) === '.') next += 1;
    } else if (char === '"') {
      src.fail(i, `unexpected quote inside a link label; quote the whole label: ${opener.op} "..." ${CLOSE_HINT[family].split(' ')[0]!.replace(/"/g, '')}`);
    } else if ((family === 'normal' && text.startsWith('--', i)) || (family === 'thick' && text.startsWith('==', i))) {
      src.fail(i, `unexpected "${text.slice(i, i + 2)}" inside the link label opened by "${opener.op}": expected ${CLOSE_HINT[family]}`);
    }
    raw += text.slice(i, next);
    i = next;
  }
}
