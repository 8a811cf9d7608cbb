/**
 * Link operators (`-->`, `---`, `==>`, `-.->`, `--o`, `--x`, `<-->`, `~~~`, and the
 * openers of `-- text -->`, `== text ==>`, `-. text .->`), matched exactly like
 * Mermaid's lexer rules but by hand: no regular expression, so nothing backtracks
 * on long runs of dashes, dots or spaces.
 *
 * Like Mermaid's rules, a match swallows the whitespace around the operator,
 * line breaks included (`A\n--> B` is one statement), and may start with one
 * `x`, `o` or `<` (which is why `A---oB` is a circle-ended link to B).
 */
import { skipWhitespace } from './cursor';
import type { MermaidArrowType, MermaidStroke } from './types';

export type LinkFamily = 'normal' | 'thick' | 'dotted' | 'invisible';

export interface LinkMatch {
  /** A complete operator, or the opener of a link with its text in the middle. */
  kind: 'link' | 'start';
  family: LinkFamily;
  /** The operator without the whitespace around it. */
  op: string;
  /** Index of the operator's first character. */
  opStart: number;
  /** Index after the operator and the whitespace that follows it. */
  end: number;
}

function run(text: string, index: number, char: string): number {
  let i = index;
  while (text.charAt(i) === char) i += 1;
  return i - index;
}

/** `--+[-xo>]` (or `==+[=xo>]`) at `at`; the index after it, or -1. */
function solidEnd(text: string, at: number, char: '-' | '='): number {
  const count = run(text, at, char);
  const next = text.charAt(at + count);
  if (count >= 2 && (next === 'x' || next === 'o' || next === '>')) return at + count + 1;
  if (count >= 3) return at + count;
  return -1;
}

/** `-?\.+-[xo>]?` at `at`; the index after it, or -1. */
function dottedEnd(text: string, at: number): number {
  let i = at;
  if (text.charAt(i) === '-') i += 1;
  const dots = run(text, i, '.');
  if (dots === 0 || text.charAt(i + dots) !== '-') return -1;
  i += dots + 1;
  const next = text.charAt(i);
  return next === 'x' || next === 'o' || next === '>' ? i + 1 : i;
}

type Matcher = (text: string, at: number) => number;

const LINK_END: Record<Exclude<LinkFamily, 'invisible'>, Matcher> = {
  normal: (text, at) => solidEnd(text, at, '-'),
  thick: (text, at) => solidEnd(text, at, '='),
  dotted: dottedEnd,
};

const LINK_START: Record<Exclude<LinkFamily, 'invisible'>, Matcher> = {
  normal: (text, at) => (text.startsWith('--', at) ? at + 2 : -1),
  thick: (text, at) => (text.startsWith('==', at) ? at + 2 : -1),
  dotted: (text, at) => (text.startsWith('-.', at) ? at + 2 : -1),
};

/** Tries `[xo<]?` then the body, like the optional group of the lexer rule. */
function withPrefix(text: string, at: number, body: Matcher): number {
  const first = text.charAt(at);
  if (first === 'x' || first === 'o' || first === '<') {
    const end = body(text, at + 1);
    if (end >= 0) return end;
  }
  return body(text, at);
}

function found(text: string, kind: LinkMatch['kind'], family: LinkFamily, opStart: number, opEnd: number): LinkMatch {
  return { kind, family, op: text.slice(opStart, opEnd), opStart, end: skipWhitespace(text, opEnd) };
}

const FAMILIES = ['normal', 'thick', 'dotted'] as const;

/** A link operator at `index` (after optional whitespace), in the order Mermaid's lexer tries its rules. */
export function matchLink(text: string, index: number): LinkMatch | null {
  const at = skipWhitespace(text, index);
  for (const family of FAMILIES) {
    const linkEnd = withPrefix(text, at, LINK_END[family]);
    if (linkEnd >= 0) return found(text, 'link', family, at, linkEnd);
    const startEnd = withPrefix(text, at, LINK_START[family]);
    if (startEnd >= 0) return found(text, 'start', family, at, startEnd);
  }
  const tildes = run(text, at, '~');
  if (tildes >= 3) return found(text, 'link', 'invisible', at, at + tildes);
  return null;
}

/** The operator that closes `-- text -->` (or `==`, `-.`) at `index`, or null. */
export function matchLinkClose(text: string, index: number, family: Exclude<LinkFamily, 'invisible'>): LinkMatch | null {
  const at = skipWhitespace(text, index);
  const end = withPrefix(text, at, LINK_END[family]);
  return end >= 0 ? found(text, 'link', family, at, end) : null;
}

export interface LinkShape {
  type: MermaidArrowType;
  stroke: MermaidStroke;
  length: number;
}

/** Mermaid's destructEndLink: arrow heads, stroke and length of an operator. */
function destructEnd(op: string): LinkShape {
  let line = op.slice(0, -1);
  let type: string = 'arrow_open';
  const last = op.slice(-1);
  const doubled = (head: string, name: string): void => {
    type = name;
    if (op.startsWith(head)) {
      type = `double_${name}`;
      line = line.slice(1);
    }
  };
  if (last === 'x') doubled('x', 'arrow_cross');
  else if (last === '>') doubled('<', 'arrow_point');
  else if (last === 'o') doubled('o', 'arrow_circle');
  let stroke: MermaidStroke = 'normal';
  let length = line.length - 1;
  if (line.startsWith('=')) stroke = 'thick';
  if (line.startsWith('~')) stroke = 'invisible';
  let dots = 0;
  for (const char of line) if (char === '.') dots += 1;
  if (dots > 0) {
    stroke = 'dotted';
    length = dots;
  }
  return { type: type as MermaidArrowType, stroke, length: Math.min(length, 10) };
}

/** Mermaid's destructLink; null where Mermaid reports an INVALID link (`x-- text -->`). */
export function destructLink(op: string, startOp?: string): LinkShape | null {
  const end = destructEnd(op);
  if (startOp === undefined) return end;
  let str = startOp;
  let startType = 'arrow_open';
  const head = str.charAt(0);
  if (head === '<' || head === 'x' || head === 'o') {
    startType = head === '<' ? 'arrow_point' : head === 'x' ? 'arrow_cross' : 'arrow_circle';
    str = str.slice(1);
  }
  let stroke: MermaidStroke = 'normal';
  if (str.includes('=')) stroke = 'thick';
  if (str.includes('.')) stroke = 'dotted';
  if (stroke !== end.stroke) return null;
  if (startType === 'arrow_open') return { ...end, stroke };
  if (startType !== end.type) return null;
  return { type: `double_${startType}` as MermaidArrowType, stroke, length: end.length };
}
