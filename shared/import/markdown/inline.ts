/**
 * The text of a step: the Markdown source of its first paragraph (or table cell,
 * or heading), so inline emphasis, code and links survive for a safe renderer.
 *
 * - HTML comments are dropped; other HTML stays as literal text (never rendered).
 * - A trailing attribute block `{#some-id}`, `{.memory}` or `{#some-id .memory}`
 *   sets the explicit id / memory flag and is removed from the text.
 * - `==key values==` keep their markers in the text (see ../key-values.ts) and are
 *   listed in keyValues; `==` inside inline code does not count.
 * - Line breaks inside a paragraph become single spaces.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { KEY_VALUE_PATTERN } from '../key-values';
import { isHtmlComment, plainText } from './mdast';

export interface InlineText {
  /** Markdown source, cleaned as above; '' when nothing is left. */
  text: string;
  /** What a reader sees, without markers: for derived ids and titles. */
  plain: string;
  keyValues: string[];
  explicitId?: string;
  memory: boolean;
  /** HTML comments were removed from it. */
  hadComment: boolean;
  /** Attribute classes other than `.memory`, ignored (the caller warns). */
  unknownClasses: string[];
  /** Two or more `#id`s in one attribute block. */
  extraIds: string[];
}

/** A masked-out `=` inside inline code: never part of a `==key value==`. */
const MASK = '\uffff';

/** `{#id .memory}` at the very end; tokens are `#id` or `.class`. */
const ATTRIBUTES = /\s*\{\s*((?:[#.][\p{L}\p{N}_.-]+\s*)+)\}\s*$/u;

function collapse(text: string): string {
  return text.replace(/\\(?:\r\n?|\n)/g, ' ').replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ').trim();
}

interface Range {
  start: number;
  end: number;
}

function collectRanges(nodes: readonly Nodes[], comments: Range[], code: Range[]): void {
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    if (node.type === 'html' && isHtmlComment(node.value)) comments.push({ start, end });
    else if (node.type === 'inlineCode') code.push({ start, end });
    else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** Reads phrasing content (a paragraph's, a cell's, a heading's children) against the file's source. */
export function readInline(children: readonly PhrasingContent[], source: string): InlineText {
  const result: InlineText = {
    text: '',
    plain: '',
    keyValues: [],
    memory: false,
    hadComment: false,
    unknownClasses: [],
    extraIds: [],
  };
  const first = children[0]?.position?.start.offset;
  const last = children[children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return result;

  const comments: Range[] = [];
  const code: Range[] = [];
  collectRanges(children, comments, code);
  result.hadComment = comments.length > 0;

  let kept = '';
  let masked = '';
  let cursor = first;
  for (const comment of [...comments, { start: last, end: last }]) {
    const piece = source.slice(cursor, comment.start);
    kept += piece;
    let maskedPiece = piece;
    for (const range of code) {
      if (range.end <= cursor || range.start >= comment.start) continue;
      const from = Math.max(range.start, cursor) - cursor;
      const to = Math.min(range.end, comment.start) - cursor;
      maskedPiece = maskedPiece.slice(0, from) + maskedPiece.slice(from, to).replace(/=/g, MASK) + maskedPiece.slice(to);
    }
    masked += maskedPiece;
    cursor = comment.end;
  }
  kept = collapse(kept);
  masked = collapse(masked);

  let plain = collapse(children.map((child) => plainText(child)).join(''));
  const attributes = ATTRIBUTES.exec(masked);
  if (attributes) {
    kept = kept.slice(0, attributes.index).trimEnd();
    masked = masked.slice(0, attributes.index).trimEnd();
    plain = plain.replace(ATTRIBUTES, '').trimEnd();
    for (const token of (attributes[1] ?? '').trim().split(/\s+/)) {
      const name = token.slice(1);
      if (token.startsWith('#')) {
        if (result.explicitId === undefined) result.explicitId = name;
        else result.extraIds.push(name);
      } else if (name === 'memory') result.memory = true;
      else result.unknownClasses.push(name);
    }
  }

  for (const match of masked.matchAll(KEY_VALUE_PATTERN)) {
    const from = (match.index ?? 0) + 2;
    const value = kept.slice(from, from + (match[1] ?? '').length).trim();
    if (value !== '') result.keyValues.push(value);
  }
  result.text = kept;
  result.plain = plain.replace(/==/g, '').trim();
  return result;
}
