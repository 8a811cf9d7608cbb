/**
 * Node and link statements: `A[Text]:::cls@{...} & B --> |label| C -- text --> D`.
 * Read left to right in one loop (a chain may be as long as a line allows),
 * creating nodes and edges in the order Mermaid's parser does.
 */
import type { ChartText } from './cursor';
import { charLength, isIdChar, isSpace, skipSpaces, startsWithWord } from './cursor';
import type { GraphBuilder, LinkInfo } from './graph-builder';
import { readLinkText, readPipeText, readShapeLabel } from './labels';
import { destructLink, matchLink } from './links';
import { parseShapeData, readShapeData } from './shape-data';
import { shapeOpenerAt } from './shapes';

/** Words Mermaid's lexer always reads as keywords (followed by a non-word character), so never as node ids. */
const RESERVED = ['end', 'subgraph', 'style', 'linkStyle', 'classDef', 'class', 'click', 'graph', 'flowchart', 'interpolate'];

/** End of the node id starting at `index` (Mermaid's idString tokens). */
export function readIdEnd(src: ChartText, index: number): number {
  const { text } = src;
  let i = index;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === ':' && text.startsWith(':::', i)) break;
    if (char === '-') {
      const next = text.charAt(i + 1);
      if (next === '-' || next === '.') break;
      if (next === '>') src.fail(i, `"->" is not a Mermaid link: write "-->" (after "${text.slice(index, i)}")`);
    } else if (char === '=' && text.charAt(i + 1) === '=') break;
    if (!isIdChar(text, i)) break;
    i += charLength(text, i);
  }
  return i;
}

/** Arrows people write that Mermaid does not have, and what to write instead. */
const LINK_SLIPS: readonly [string, string][] = [
  ['->', '-->'],
  ['=>', '==>'],
  ['.->', '-.->'],
  ['<-', '--> from the other node'],
];

interface NodeRef {
  id: string;
  index: number;
  end: number;
  /** The id is a link id (`e1@-->`), so the statement is link metadata. */
  isLinkId: boolean;
}

/** One node with its optional shape, `:::class` and `@{ ... }` data, at `index`. */
function readNode(src: ChartText, builder: GraphBuilder, index: number, after: string): NodeRef {
  const { text } = src;
  const link = matchLink(text, index);
  if (link && link.opStart === index) {
    const prefix = /^[xo]/.test(link.op) ? `; Mermaid reads "${link.op.charAt(0)}" before "--" as an arrow head, so rename the node "${link.op.charAt(0)}" or put a space after it` : '';
    src.fail(index, `expected a node${after}, found the link "${link.op}"${prefix}`);
  }
  const reserved = RESERVED.find((word) => startsWithWord(text, index, word));
  if (reserved) src.fail(index, `"${reserved}" is a Mermaid keyword and cannot be a node id${after}; use another id, like "${reserved.charAt(0).toUpperCase()}${reserved.slice(1)}" or "${reserved}_"`);
  const idEnd = readIdEnd(src, index);
  if (idEnd === index) {
    const opener = shapeOpenerAt(text, index);
    src.fail(index, opener ? `expected a node id before "${opener.open}"${after}, like A${opener.open}...${opener.closers[0]!.close}` : `expected a node${after}, found ${src.describe(index)}`);
  }
  const id = text.slice(index, idEnd);
  const linkLine = builder.edgeLine(id);
  let end = idEnd;
  const shape = shapeOpenerAt(text, end);
  if (shape) {
    const read = readShapeLabel(src, end + shape.open.length, shape, end, id);
    if (linkLine === undefined) builder.vertex(id, index, read.label, read.type);
    end = read.end;
  } else if (linkLine === undefined) builder.vertex(id, index);
  if (text.startsWith(':::', end)) {
    const classEnd = readIdEnd(src, end + 3);
    if (classEnd === end + 3) src.fail(end + 3, `expected a class name after ":::", found ${src.describe(end + 3)}`);
    builder.setClass(id, text.slice(end + 3, classEnd));
    end = classEnd;
  }
  if (text.startsWith('@{', end)) {
    const read = readShapeData(src, end);
    const data = parseShapeData(src, end, read.data);
    if (linkLine === undefined) builder.shapeData(id, data);
    end = read.end;
  }
  if (linkLine !== undefined && shape) src.fail(index, `"${id}" is the id of a link (line ${linkLine}); it cannot be a node`);
  return { id, index, end, isLinkId: linkLine !== undefined };
}

/** `A & B & C`: nodes joined by `&` with spaces around it. */
function readGroup(src: ChartText, builder: GraphBuilder, index: number, after: string): NodeRef[] {
  const { text } = src;
  const nodes: NodeRef[] = [];
  let at = index;
  let context = after;
  for (;;) {
    const node = readNode(src, builder, at, context);
    nodes.push(node);
    const amp = skipSpaces(text, node.end);
    if (amp === node.end || text.charAt(amp) !== '&') return nodes;
    if (!isSpace(text.charAt(amp + 1))) src.fail(amp, `put a space after "&" (found ${src.describe(amp + 1)}): write "${node.id} & ${text.slice(amp + 1, amp + 2)}..."`);
    at = skipSpaces(text, amp + 1);
    context = ' after "&"';
  }
}

/** A link id like `e1@` before the operator at `index` (after spaces), or null. */
function linkIdAt(text: string, index: number): { id: string; end: number } | null {
  let runEnd = index;
  while (runEnd < text.length && !/[\s"]/.test(text.charAt(runEnd))) runEnd += 1;
  // The last `@` of the run that is not followed by `{` or `"` (the lexer's greedy match), searched within the run only.
  for (let at = runEnd - 1; at > index; at--) {
    if (text.charAt(at) !== '@') continue;
    const next = text.charAt(at + 1);
    if (next !== '' && next !== '{' && next !== '"') return { id: text.slice(index, at), end: at + 1 };
  }
  return null;
}

/** The link after a node (which ends at `index`), its label, and where the next node starts; null when none follows. */
function readLink(src: ChartText, index: number): { info: LinkInfo; index: number; end: number; op: string } | null {
  const { text } = src;
  let from = index;
  let id: string | undefined;
  const spaced = skipSpaces(text, index);
  if (spaced > index) {
    const linkId = linkIdAt(text, spaced);
    if (linkId && matchLink(text, linkId.end)) {
      id = linkId.id;
      from = linkId.end;
    }
  }
  const match = matchLink(text, from);
  if (!match) return null;
  if (match.kind === 'link') {
    const shape = destructLink(match.op)!;
    const info: LinkInfo = { ...shape, id };
    let end = match.end;
    if (text.charAt(end) === '|') {
      const pipe = readPipeText(src, end + 1, end);
      info.text = pipe.label;
      end = skipSpaces(text, pipe.end);
    }
    return { info, index: match.opStart, end, op: match.op };
  }
  const { label, close } = readLinkText(src, match.end, match);
  const shape = destructLink(close.op, match.op);
  if (shape === null) src.fail(match.opStart, `the link "${match.op} ... ${close.op}" has arrow heads that do not match: write "${match.op.replace(/^[<xo]/, '')} text ${close.op}" or use the same head at both ends`);
  if (text.charAt(close.end) === '|') src.fail(close.end, `this link already has the label "${label.text.trim()}": remove the |...| label or the text between "${match.op}" and "${close.op}"`);
  return { info: { ...shape, id, text: label }, index: match.opStart, end: close.end, op: `${match.op} ${close.op}` };
}

/** Reads a node/link statement at `index`; returns the statement's nodes in Mermaid's order and where it ends. */
export function readVertexStatement(src: ChartText, builder: GraphBuilder, index: number): { nodes: string[]; end: number } {
  const { text } = src;
  let group = readGroup(src, builder, index, '');
  // Mermaid lists a statement's nodes last group first: [...C, ...B, ...A] for A --> B --> C.
  const groups: string[][] = [group.map((node) => node.id)];
  const first = group[0]!;
  let hasLinks = false;
  let end = group[group.length - 1]!.end;
  for (;;) {
    const link = readLink(src, end);
    if (!link) break;
    const target = readGroup(src, builder, link.end, ` after "${link.op}"`);
    for (const node of [...group, ...target]) {
      if (node.isLinkId) src.fail(node.index, `"${node.id}" is the id of a link (line ${builder.edgeLine(node.id)}); it cannot be a node`);
    }
    builder.link(
      group.map((node) => node.id),
      target.map((node) => node.id),
      link.info,
      link.index,
    );
    hasLinks = true;
    groups.push(target.map((node) => node.id));
    group = target;
    end = target[target.length - 1]!.end;
  }
  if (!hasLinks && group.length > 1 && group.some((node) => node.isLinkId)) {
    src.fail(first.index, `"${group.find((node) => node.isLinkId)!.id}" is the id of a link; it cannot be a node`);
  }
  const members = groups.reverse().flat().filter((id) => builder.edgeLine(id) === undefined);
  const after = skipSpaces(text, end);
  const char = text.charAt(after);
  if (after >= text.length || char === '\n' || char === ';') return { nodes: members, end: after };
  const last = group[group.length - 1]!;
  if (after > end && text.startsWith('%%', after)) {
    src.warn(after, 'a %% comment after a statement: Mermaid reads comments only on their own line, so this chart fails there; move the comment to its own line', 'trailing-comment');
    const lineEnd = text.indexOf('\n', after);
    return { nodes: members, end: lineEnd < 0 ? text.length : lineEnd };
  }
  if (char === '"' && after === end) src.fail(after, `a label goes inside a shape: write ${last.id}["..."]`);
  const slip = LINK_SLIPS.find(([wrong]) => text.startsWith(wrong, after));
  if (slip) src.fail(after, `"${slip[0]}" is not a Mermaid link: write "${slip[1]}"`);
  const opener = shapeOpenerAt(text, after);
  if (opener && after > end) {
    src.fail(after, `unexpected "${opener.open}" after a space: write the shape right after the id, like ${last.id}${opener.open}...${opener.closers[0]!.close}`);
  }
  src.fail(after, `expected a link like "-->", "&" or the end of the statement after "${last.id}", found ${src.describe(after)}`);
}
