/**
 * The Markdown syntax tree: CommonMark + GFM + YAML front matter via remark, and
 * the few helpers the checklist reader needs to look at it with positions.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root } from 'mdast';
import { parseInPieces } from './chunked-parse';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The mdast of a Markdown text (positions on every node); large files are parsed in pieces (chunked-parse.ts). */
export function parseMdast(text: string, chunkAbove?: number, minChunk?: number): Root {
  return parseInPieces(text, (piece) => processor.parse(piece), chunkAbove, minChunk);
}

/** 1-based line and column where a node starts (1:1 when it has no position). */
export function startOf(node: Nodes): { line: number; col: number } {
  const start = node.position?.start;
  return { line: start?.line ?? 1, col: start?.column ?? 1 };
}

/** Whether raw HTML is only comments (`<!-- ... -->`), which are dropped, not shown. */
export function isHtmlComment(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('<!--') && trimmed.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() === '';
}

/** The text a reader sees (no markers, no HTML comments); inline code and HTML kept literally. Iterative: nesting depth cannot overflow the stack. */
export function plainText(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    switch (current.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'yaml':
        text += current.value;
        break;
      case 'html':
        if (!isHtmlComment(current.value)) text += current.value;
        break;
      case 'break':
        text += ' ';
        break;
      case 'image':
      case 'imageReference':
        text += current.alt ?? '';
        break;
      default:
        if ('children' in current) {
          const children = current.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
    }
  }
  return text;
}

/** Every node of a type, in document order. */
export function nodesOfType<T extends Nodes['type']>(root: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === type) found.push(node as Extract<Nodes, { type: T }>);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return found;
}
