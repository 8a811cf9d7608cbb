/**
 * Label text, two ways:
 * - `mermaidLabel`: the string Mermaid keeps for a label. Mermaid passes labels
 *   through DOMPurify, which returns a text without `<` untouched and otherwise
 *   parses it as HTML and serializes it again (`<br/>` -> `<br>`, `a < b` ->
 *   `a &lt; b`, unknown or unsafe markup dropped). This module reproduces that
 *   for the graph level, so it can be compared with Mermaid's own parser.
 * - `labelInline` / `plainLabel`: what a person reads, for Kata items, as an inline tree
 *   or plain text: line breaks for `<br>`, a literal `\n` and new lines, marks for `<b>` and
 *   the like, other tags stripped, every HTML5 character reference decoded. Imported text
 *   is never HTML.
 */
import type { InlineTree } from '../../model';
import { inlinePlain, joinTrees, trimTree } from '../../text/inline-text';
import { inlineOfSource } from '../markdown/inline-source';
import { RAW_TEXT_ELEMENTS, tokenizeHtml } from './html-tokenize';
import type { HtmlToken } from './html-tokenize';
import { HTML_MARKS } from '../html-marks';
import type { MermaidLabelType } from './types';

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/** Start tags a browser ignores inside the body of a page. */
const IGNORED_IN_BODY = new Set(['html', 'head', 'body', 'frameset', 'frame', 'caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Start tags that close an open `<p>` first. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section',
  'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'table', 'hr', 'xmp',
]);

/** DOMPurify's default HTML elements (SVG and MathML are dropped here: labels do not use them). */
const ALLOWED_ELEMENTS = new Set(
  ('a abbr acronym address area article aside audio b bdi bdo big blink blockquote body br button canvas caption ' +
    'center cite code col colgroup content data datalist dd decorator del details dfn dialog dir div dl dt element ' +
    'em fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i img input ins kbd ' +
    'label legend li main map mark marquee menu menuitem meter nav nobr ol optgroup option output p picture pre ' +
    'progress q rp rt ruby s samp search section select shadow slot small source spacer span strike strong sub summary ' +
    'sup table tbody td template textarea tfoot th thead time tr track tt u ul var video wbr').split(' '),
);

/** Removed together with their content. */
const FORBID_CONTENTS = new Set(['script', 'style', 'template', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'head', 'thead', 'colgroup', 'svg', 'math', 'audio', 'video']);

const ALLOWED_ATTRIBUTES = new Set(
  ('accept action align alt autocapitalize autocomplete autoplay background bgcolor border capture cellpadding ' +
    'cellspacing checked cite class clear color cols colspan controls coords crossorigin datetime decoding default dir ' +
    'disabled download draggable enctype enterkeyhint face for headers height hidden high href hreflang id inputmode ' +
    'integrity ismap kind label lang list loading loop low max maxlength media method min minlength multiple muted name ' +
    'nonce noshade novalidate nowrap open optimum pattern placeholder playsinline poster preload pubdate radiogroup ' +
    'readonly rel required rev reversed role rows rowspan spellcheck scope selected shape size sizes span srclang start ' +
    'src srcset step style summary tabindex title translate type usemap valign value width wrap xmlns slot').split(' '),
);

const URI_ATTRIBUTES = new Set(['href', 'src', 'action', 'background', 'poster', 'cite', 'srcset']);
const SAFE_URI = /^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

interface HtmlElement {
  name: string;
  attrs: [string, string][];
  children: HtmlNode[];
}
type HtmlNode = HtmlElement | string;

/** Builds a tree from tokens with the "in body" rules that matter for labels. */
function buildTree(tokens: HtmlToken[]): HtmlNode[] {
  const root: HtmlElement = { name: '#root', attrs: [], children: [] };
  const stack: HtmlElement[] = [root];
  // How many elements of each name are open: keeps "is a <p> open?" constant-time however deep the nesting.
  const open = new Map<string, number>();
  const current = (): HtmlElement => stack[stack.length - 1]!;
  const hasOpen = (name: string): boolean => (open.get(name) ?? 0) > 0;
  const pop = (): HtmlElement => {
    const element = stack.pop()!;
    open.set(element.name, (open.get(element.name) ?? 1) - 1);
    return element;
  };
  const closeTo = (name: string): void => {
    while (stack.length > 1 && pop().name !== name) {
      /* popping intermediate elements closes them */
    }
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      current().children.push(token.value);
    } else if (token.kind === 'start') {
      const { name } = token;
      if (IGNORED_IN_BODY.has(name)) continue;
      if (CLOSES_P.has(name) && hasOpen('p')) closeTo('p');
      if (/^h[1-6]$/.test(name) && /^h[1-6]$/.test(current().name)) pop();
      if ((name === 'li' || name === 'a' || name === 'dd' || name === 'dt') && hasOpen(name)) closeTo(name);
      const element: HtmlElement = { name, attrs: token.attrs, children: [] };
      current().children.push(element);
      if (!VOID_ELEMENTS.has(name)) {
        stack.push(element);
        open.set(name, (open.get(name) ?? 0) + 1);
      }
    } else if (token.name === 'br') {
      current().children.push({ name: 'br', attrs: [], children: [] });
    } else if (token.name === 'p' && !hasOpen('p')) {
      current().children.push({ name: 'p', attrs: [], children: [] });
    } else if (hasOpen(token.name)) {
      closeTo(token.name);
    }
  }
  return root.children;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
}

function keepAttribute(name: string, value: string): boolean {
  if (name.startsWith('on')) return false;
  if (!ALLOWED_ATTRIBUTES.has(name) && !/^(?:data|aria)-[\w.\u00b7-\uffff-]+$/.test(name)) return false;
  if (!URI_ATTRIBUTES.has(name)) return true;
  // DOMPurify ignores control characters and spaces when it checks a URI.
  const compact = [...value].filter((char) => char.charCodeAt(0) > 0x20 && !/\s/u.test(char)).join('');
  return SAFE_URI.test(compact);
}

/** Serializes the sanitized tree, iteratively (labels may nest deeply). */
function serialize(nodes: HtmlNode[]): string {
  let out = '';
  const work: (HtmlNode | { close: string })[] = [...nodes].reverse();
  while (work.length > 0) {
    const node = work.pop()!;
    if (typeof node === 'string') {
      out += escapeText(node);
    } else if ('close' in node) {
      out += `</${node.close}>`;
    } else if (!ALLOWED_ELEMENTS.has(node.name)) {
      if (!FORBID_CONTENTS.has(node.name)) for (let i = node.children.length - 1; i >= 0; i--) work.push(node.children[i]!);
    } else {
      const attrs = node.attrs.filter(([name, value]) => keepAttribute(name, value));
      out += `<${node.name}${attrs.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}>`;
      if (!VOID_ELEMENTS.has(node.name)) {
        work.push({ close: node.name });
        for (let i = node.children.length - 1; i >= 0; i--) work.push(node.children[i]!);
      }
    }
  }
  return out;
}

/**
 * Mermaid's label string for raw label text (already trimmed): sanitized like
 * DOMPurify does, then Mermaid's entity codes (`#quot;`, `#35;`) as the HTML
 * character references Mermaid renders them as.
 */
export function mermaidLabel(raw: string): string {
  const sanitized = raw.includes('<') ? serialize(buildTree(tokenizeHtml(raw))) : raw;
  return sanitized.replace(/#(\w+);/g, (_match, name: string) => (/^\+?\d+$/.test(name) ? `&#${name};` : `&${name};`));
}

const BLOCK_ELEMENTS = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'hr']);


/** A literal `\n` in a label, or a new line: Mermaid draws both as a line break. */
const NEW_LINE = /\\n|\r\n?|\n/;

const MAX_MARK_DEPTH = 8;

interface Frame {
  tag: string;
  type: 'strong' | 'emphasis' | 'delete' | 'code' | 'root';
  children: InlineTree;
}

/**
 * An HTML label as Mermaid shows it: `<br>`, a literal `\n` and a new line are line breaks
 * (two make a blank line), a block element starts a new line, `<b>`/`<i>`/`<code>`/`<s>`
 * are marks, other tags are dropped, character references decoded, spaces collapsed.
 */
function htmlLabelInline(label: string): InlineTree {
  const frames: Frame[] = [{ tag: '', type: 'root', children: [] }];
  const top = (): Frame => frames[frames.length - 1]!;
  const lineIsEmpty = (): boolean => {
    const children = top().children;
    const last = children[children.length - 1];
    return frames.length === 1 && (last === undefined || last.type === 'break');
  };
  const fold = (): void => {
    const frame = frames.pop()!;
    if (frame.type === 'code') top().children.push({ type: 'code', value: inlinePlain(frame.children) });
    else if (frame.type !== 'root') top().children.push({ type: frame.type, children: frame.children });
  };
  let skipping = '';
  for (const token of tokenizeHtml(label)) {
    if (skipping !== '') {
      if (token.kind === 'end' && token.name === skipping) skipping = '';
      continue;
    }
    if (token.kind === 'text') {
      token.value.split(NEW_LINE).forEach((line, index) => {
        if (index > 0) top().children.push({ type: 'break' });
        if (line !== '') top().children.push({ type: 'text', value: line });
      });
    } else if (token.kind === 'start' && RAW_TEXT_ELEMENTS.has(token.name) && token.name !== 'textarea') skipping = token.name;
    else if (token.name === 'br') top().children.push({ type: 'break' });
    else if (BLOCK_ELEMENTS.has(token.name)) {
      if (!lineIsEmpty()) top().children.push({ type: 'break' });
    } else if (token.kind === 'start' && HTML_MARKS[token.name]) {
      // Marks nest a few deep at most in a real label; deeper ones are read as plain text (hostile input stays flat).
      if (frames.length <= MAX_MARK_DEPTH) frames.push({ tag: token.name, type: HTML_MARKS[token.name]!, children: [] });
    }
    else if (token.kind === 'end') {
      const at = frames.map((frame) => frame.tag).lastIndexOf(token.name);
      if (at > 0) while (frames.length > at) fold();
    }
  }
  while (frames.length > 1) fold();
  return tidyLines(frames[0]!.children);
}

/** Collapses spaces (HTML does) and trims every line; blank lines between lines stay. */
function tidyLines(tree: InlineTree): InlineTree {
  const collapse = (nodes: InlineTree): InlineTree =>
    nodes.map((node) => {
      if (node.type === 'text') return { type: 'text', value: node.value.replace(/\u00a0/g, ' ').replace(/[ \t\f\v]+/g, ' ') };
      return 'children' in node ? { ...node, children: collapse(node.children) } : node;
    });
  const lines = splitAtBreaks(collapse(tree)).map((line) => trimTree(line));
  while (lines.length > 0 && lines[0]!.length === 0) lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.length === 0) lines.pop();
  return joinTrees(lines);
}

function splitAtBreaks(tree: InlineTree): InlineTree[] {
  const lines: InlineTree[] = [[]];
  for (const node of tree) {
    if (node.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  return lines;
}

/** What a person reads in a Mermaid label, as a tree: HTML labels as above, markdown strings as Markdown. */
export function labelInline(label: string, type: MermaidLabelType = 'text'): InlineTree {
  if (type !== 'markdown') return htmlLabelInline(label);
  // Mermaid reads a markdown string with marked: **strong**, *em*, and a new line is a line break.
  const tree = inlineOfSource(label.replace(/\\n/g, '\n'), { lineBreaks: 'hard' });
  return tidyLines(tree);
}

/** What a person reads in a Mermaid label, as plain text: one line per line break. */
export function plainLabel(label: string, type: MermaidLabelType = 'text'): string {
  return inlinePlain(labelInline(label, type));
}
