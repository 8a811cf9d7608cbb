/**
 * Inline Markdown in a text that is not a Markdown file: a Kata YAML `ask`, a CSV cell, a
 * Mermaid markdown string, an item stored before trees existed. Read by the same parser
 * and reader as a checklist step (inline.ts), as one paragraph: what would start a block
 * at the start of a line (`# `, `> `, `- `, `1. `, a fence, a table row, a definition) is
 * escaped first, so "1. Roll back" stays the text it is.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { InlineTree } from '../../model';
import { inlinePlain } from '../../text/inline-text';
import { readInline } from './inline';
import type { InlineOptions, InlineText } from './inline';
import { parseMdast } from './mdast';

/** Line starts that would open a block, and where to put the backslash that keeps them text. */
const BLOCK_STARTS: readonly [RegExp, (line: string) => string][] = [
  [/^#{1,6}(?:[ \t]|$)/, (line) => `\\${line}`],
  [/^>/, (line) => `\\${line}`],
  [/^[-+*](?:[ \t]|$)/, (line) => `\\${line}`],
  [/^\d{1,9}[.)](?:[ \t]|$)/, (line) => line.replace(/^(\d{1,9})([.)])/, '$1\\$2')],
  [/^(?:`{3,}|~{3,})/, (line) => `\\${line}`],
  [/^(?:[-*_][ \t]*){3,}$/, (line) => `\\${line}`],
  [/^=+[ \t]*$/, (line) => `\\${line}`],
  [/^\|/, (line) => `\\${line}`],
  [/^:?-+:?[ \t]*\|/, (line) => `\\${line}`],
  [/^\[[^\]]*\]:/, (line) => `\\${line}`],
  [/^<(?:[a-z!?/])/i, (line) => line],
];

/** The text with every line's block start escaped and its indentation removed. */
function escapeBlockStarts(source: string): string {
  return source
    .split(/\r\n?|\n/)
    .map((raw) => {
      const line = raw.replace(/^[ \t]+/, '');
      if (line === '') return line;
      const rule = BLOCK_STARTS.find(([pattern]) => pattern.test(line));
      return rule ? rule[1](line) : line;
    })
    .join('\n');
}

/** The phrasing content of a parsed one-paragraph text (blocks that still appear are read for their inline content). */
function phrasingOf(blocks: readonly RootContent[], breaks: 'soft' | 'hard'): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const add = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      if (out.length > 0) out.push(breaks === 'hard' ? { type: 'break' } : { type: 'text', value: ' ' });
      out.push(...node.children);
    } else if (node.type === 'html') {
      out.push({ type: 'html', value: node.value });
    } else if (node.type === 'code') {
      out.push({ type: 'inlineCode', value: node.value });
    } else if ('children' in node) {
      for (const child of node.children as Nodes[]) add(child);
    }
  };
  for (const block of blocks) if (block.type !== 'definition' && block.type !== 'yaml') add(block);
  return out;
}

/** Characters (and autolinks) that can make inline Markdown differ from its text; without them a text reads as written. */
const INLINE_SYNTAX = /[*_`[\]<>&=~\\!@]|:\/\/|www\./i;

/** A text without inline syntax: its plain reading without a parse (most YAML and CSV texts; a CSV of 20 000 rows). */
function plainOnly(source: string, breaks: 'soft' | 'hard'): InlineText {
  const lines = source.split(/\r\n?|\n/).map((line) => line.replace(/[ \t]+/g, ' ').trim()).filter((line) => line !== '');
  const tree = lines.flatMap((line, index) =>
    index === 0 ? [{ type: 'text' as const, value: line }] : [breaks === 'hard' ? { type: 'break' as const } : { type: 'text' as const, value: ' ' }, { type: 'text' as const, value: line }],
  );
  const merged = breaks === 'hard' ? tree : lines.length > 0 ? [{ type: 'text' as const, value: lines.join(' ') }] : [];
  return { tree: merged, plain: inlinePlain(merged), keyValues: [], memory: false, hadComment: false, unknownClasses: [], extraIds: [] };
}

/** Reads a one-paragraph text as inline Markdown (see the file comment); `suffix` is parsed with it and not read (definitions). */
export function readInlineSource(source: string, options: InlineOptions = {}, suffix = ''): InlineText {
  if (suffix === '' && !INLINE_SYNTAX.test(source)) return plainOnly(source, options.lineBreaks ?? 'soft');
  // A blank line would end the paragraph: in a multi-line text it is a line break too.
  const escaped = escapeBlockStarts(source).replace(/\n{2,}/g, '\n');
  const root = parseMdast(suffix === '' ? escaped : `${escaped}\n\n${suffix}`);
  return readInline(phrasingOf(root.children, options.lineBreaks ?? 'soft'), { attributes: false, ...options });
}

/** The inline tree of a one-paragraph text (readInlineSource's tree). */
export function inlineOfSource(source: string, options: InlineOptions = {}): InlineTree {
  return readInlineSource(source, options).tree;
}
