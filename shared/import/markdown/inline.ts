/**
 * The text of a step (a paragraph's, a table cell's or a heading's phrasing content, as
 * remark read it) as an inline tree (shared/model.ts `InlineTree`) and its plain reading.
 * Reading the mdast, not the source, is what makes text read as the author's renderer
 * shows it: character references are decoded, reference links resolved, escapes applied.
 *
 * - Links (inline or by reference) keep their text only; images read as their alt text.
 * - Inline HTML is not shown: comments and tags are dropped, their text kept; `<b>`/
 *   `<strong>`, `<i>`/`<em>`, `<code>`/`<kbd>`, `<s>`/`<del>` and `<br>` become the marks
 *   they stand for; `<script>`/`<style>` are dropped with their content.
 * - A trailing attribute block `{#some-id}`, `{.memory}` or `{#some-id .memory}` sets the
 *   explicit id / memory flag and is removed.
 * - `==key values==` become `key` nodes (and are listed in keyValues); `==` inside inline
 *   code does not count.
 * - Soft line breaks become spaces (`lineBreaks: 'soft'`, Markdown files) or line breaks
 *   (`'hard'`: one-line texts of YAML, CSV and Mermaid, where a new line is meant as one).
 * - Nesting deeper than MAX_DEPTH is read as plain text (hostile input cannot recurse).
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { InlineNode, InlineTree } from '../../model';
import { inlinePlain, keyValuesOfTree, trimTree } from '../../text/inline-text';
import { tokenizeHtml } from '../mermaid/html-tokenize';
import { isHtmlComment, plainText } from './mdast';
import { HTML_MARKS } from '../html-marks';

export interface InlineText {
  /** The tree, cleaned as above; [] when nothing is left. */
  tree: InlineTree;
  /** inlinePlain(tree): what a reader sees, for ids, titles, matching. */
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

export interface InlineOptions {
  lineBreaks?: 'soft' | 'hard';
  /** Read a trailing `{#id .memory}` (Markdown steps, the default); off for texts of other formats. */
  attributes?: boolean;
}

const MAX_DEPTH = 12;
/** HTML marks open at once in one container; more are read as plain text. */
const MAX_HTML_MARKS = 4;

/** `{#id .memory}` at the very end; tokens are `#id` or `.class`. */
const ATTRIBUTES = /\s*\{\s*((?:[#.][\p{L}\p{N}_.-]+\s*)+)\}\s*$/u;

const HTML_SKIPPED = new Set(['script', 'style', 'template', 'textarea', 'title', 'noscript']);

interface Frame {
  /** The HTML tag that opened it (undefined for the container's own level). */
  tag?: string;
  type: 'strong' | 'emphasis' | 'delete' | 'code' | 'root';
  children: InlineTree;
}

/** Builds one container's children, with the HTML tags met on the way opening and closing marks. */
class Level {
  private readonly frames: Frame[] = [{ type: 'root', children: [] }];
  private skipping: string | undefined;

  constructor(private readonly reader: InlineReader) {}

  private get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  push(node: InlineNode): void {
    if (this.skipping) return;
    this.top.children.push(node);
  }

  text(value: string): void {
    if (value === '') return;
    if (this.reader.lineBreaks === 'hard' && /[\r\n]/.test(value)) {
      value.split(/\r\n?|\n/).forEach((line, index) => {
        if (index > 0) this.push({ type: 'break' });
        if (line !== '') this.push({ type: 'text', value: line });
      });
      return;
    }
    this.push({ type: 'text', value: value.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ') });
  }

  html(value: string): void {
    if (isHtmlComment(value)) {
      this.reader.hadComment = true;
      return;
    }
    if (value.includes('<!--')) this.reader.hadComment = true;
    for (const token of tokenizeHtml(value)) {
      if (this.skipping) {
        if (token.kind === 'end' && token.name === this.skipping) this.skipping = undefined;
        continue;
      }
      if (token.kind === 'text') this.text(token.value);
      else if (token.kind === 'start') {
        if (token.name === 'br') this.push({ type: 'break' });
        else if (HTML_SKIPPED.has(token.name)) this.skipping = token.name;
        else {
          const type = HTML_MARKS[token.name];
          if (type && this.frames.length <= MAX_HTML_MARKS) this.frames.push({ tag: token.name, type, children: [] });
        }
      } else if (token.name === 'br') this.push({ type: 'break' });
      else this.close(token.name);
    }
  }

  private close(tag: string): void {
    const at = this.frames.map((frame) => frame.tag).lastIndexOf(tag);
    if (at <= 0) return;
    while (this.frames.length > at) this.fold();
  }

  /** Closes the innermost HTML frame into its parent. */
  private fold(): void {
    const frame = this.frames.pop()!;
    const parent = this.top;
    if (frame.type === 'code') parent.children.push({ type: 'code', value: inlinePlain(frame.children) });
    else if (frame.type !== 'root') parent.children.push({ type: frame.type, children: frame.children });
  }

  finish(): InlineTree {
    while (this.frames.length > 1) this.fold();
    return this.frames[0]!.children;
  }
}

class InlineReader {
  hadComment = false;
  constructor(readonly lineBreaks: 'soft' | 'hard') {}

  read(children: readonly Nodes[], depth: number): InlineTree {
    const level = new Level(this);
    for (const child of children) this.node(child, level, depth);
    return level.finish();
  }

  private node(node: Nodes, level: Level, depth: number): void {
    switch (node.type) {
      case 'text':
        level.text(node.value);
        return;
      case 'inlineCode':
        level.push({ type: 'code', value: node.value });
        return;
      case 'break':
        level.push({ type: 'break' });
        return;
      case 'html':
        level.html(node.value);
        return;
      case 'image':
      case 'imageReference':
        if (node.alt) level.text(node.alt);
        return;
      case 'footnoteReference':
        return;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference': {
        if (depth >= MAX_DEPTH) {
          level.text(plainText(node));
          return;
        }
        const type = node.type === 'linkReference' ? 'link' : node.type;
        level.push({ type, children: this.read(node.children, depth + 1) });
        return;
      }
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) this.node(child, level, depth);
        else if ('value' in node && typeof node.value === 'string') level.text(node.value);
    }
  }
}

/** Merges neighbouring text nodes and collapses runs of spaces (not no-break spaces) in them. */
function tidy(tree: readonly InlineNode[]): InlineTree {
  const out: InlineTree = [];
  for (const node of tree) {
    const last = out[out.length - 1];
    if (node.type === 'text') {
      const value = node.value.replace(/[ \t]{2,}/g, ' ');
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: (last.value + value).replace(/[ \t]{2,}/g, ' ') };
      else out.push({ type: 'text', value });
    } else if ('children' in node) out.push({ ...node, children: tidy(node.children) });
    else out.push(node);
  }
  return out;
}

/** A masked-out node (anything but text) in the string key values are looked for in. */
const OBJECT = '\ufffc';
const KEY_SPAN = /==([^=\n]+?)==/g;

/** Marks `==...==` spans of one container's children as key nodes (then each container's own). */
function markKeys(tree: readonly InlineNode[]): InlineTree {
  const nodes = tree.map((node) => ('children' in node && node.type !== 'key' ? { ...node, children: markKeys(node.children) } : node));
  // Where each node starts in the flattened string.
  let flat = '';
  const starts: number[] = [];
  for (const node of nodes) {
    starts.push(flat.length);
    flat += node.type === 'text' ? node.value : OBJECT;
  }
  const spans = [...flat.matchAll(KEY_SPAN)]
    .map((match) => ({ from: match.index ?? 0, to: (match.index ?? 0) + match[0].length }))
    .filter((span) => flat.slice(span.from + 2, span.to - 2).trim() !== '');
  if (spans.length === 0) return nodes;
  const cuts = [...new Set(spans.flatMap((span) => [span.from, span.from + 2, span.to - 2, span.to]))].sort((a, b) => a - b);
  const isDelimiter = (at: number): boolean =>
    spans.some((span) => (at >= span.from && at < span.from + 2) || (at >= span.to - 2 && at < span.to));
  const spanOf = (at: number): number => spans.findIndex((span) => at >= span.from + 2 && at < span.to - 2);
  const out: InlineTree = [];
  const keys = new Map<number, InlineNode[]>();
  const place = (node: InlineNode, at: number): void => {
    const span = spanOf(at);
    if (span < 0) {
      out.push(node);
      return;
    }
    let children = keys.get(span);
    if (!children) {
      children = [];
      keys.set(span, children);
      out.push({ type: 'key', children });
    }
    children.push(node);
  };
  nodes.forEach((node, index) => {
    const start = starts[index]!;
    if (node.type !== 'text') {
      place(node, start);
      return;
    }
    const end = start + node.value.length;
    const edges = [start, ...cuts.filter((cut) => cut > start && cut < end), end];
    for (let i = 0; i < edges.length - 1; i++) {
      const from = edges[i]!;
      if (isDelimiter(from)) continue;
      place({ type: 'text', value: node.value.slice(from - start, edges[i + 1]! - start) }, from);
    }
  });
  return out;
}

interface Attributes {
  explicitId?: string;
  memory: boolean;
  unknownClasses: string[];
  extraIds: string[];
}

/** Removes a trailing `{#id .memory}` from the last text node of the tree. */
function takeAttributes(tree: InlineTree): Attributes {
  const found: Attributes = { memory: false, unknownClasses: [], extraIds: [] };
  const last = tree[tree.length - 1];
  if (last?.type !== 'text') return found;
  const match = ATTRIBUTES.exec(last.value);
  if (!match) return found;
  tree[tree.length - 1] = { type: 'text', value: last.value.slice(0, match.index) };
  for (const token of (match[1] ?? '').trim().split(/\s+/)) {
    const name = token.slice(1);
    if (token.startsWith('#')) {
      if (found.explicitId === undefined) found.explicitId = name;
      else found.extraIds.push(name);
    } else if (name === 'memory') found.memory = true;
    else found.unknownClasses.push(name);
  }
  return found;
}

/** Reads phrasing content (a paragraph's, a cell's, a heading's children) as an inline tree. */
export function readInline(children: readonly PhrasingContent[], options: InlineOptions = {}): InlineText {
  const reader = new InlineReader(options.lineBreaks ?? 'soft');
  let tree = trimTree(tidy(reader.read(children, 0)));
  const attributes = options.attributes === false ? { memory: false, unknownClasses: [], extraIds: [] } : takeAttributes(tree);
  tree = trimTree(markKeys(trimTree(tree)));
  const result: InlineText = {
    tree,
    plain: inlinePlain(tree),
    keyValues: keyValuesOfTree(tree),
    memory: attributes.memory,
    hadComment: reader.hadComment,
    unknownClasses: attributes.unknownClasses,
    extraIds: attributes.extraIds,
  };
  if (attributes.explicitId !== undefined) result.explicitId = attributes.explicitId;
  return result;
}

/** Removes a leading label (`Why:`, `**Why:**`, `**Why**:`) from a tree; undefined when it does not start with one. */
export function stripLeadingLabel(tree: InlineTree, label: RegExp): InlineTree | undefined {
  const [first, ...rest] = tree;
  if (!first) return undefined;
  if (first.type === 'text') {
    const match = label.exec(first.value);
    if (!match || match.index !== 0) return undefined;
    return trimTree([{ type: 'text', value: first.value.slice(match[0].length) }, ...rest]);
  }
  if ((first.type === 'strong' || first.type === 'emphasis') && label.test(inlinePlain(first.children).trim() + ':')) {
    const next = rest[0];
    if (next?.type === 'text') return trimTree([{ type: 'text', value: next.value.replace(/^\s*:/, '') }, ...rest.slice(1)]);
    return trimTree(rest);
  }
  return undefined;
}
