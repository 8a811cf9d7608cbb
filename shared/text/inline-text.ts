/**
 * Helpers for inline trees (shared/model.ts `InlineTree`): the plain reading of a tree, an
 * item's text either way, and the few edits prompts need (quote, blank a key value). Pure.
 */
import type { InlineNode, InlineTree, ItemSource } from '../model';

/** What a cloze blank reads as in plain text. */
export const BLANK_TEXT = '[…]';

/** The plain reading of a tree: text as a person reads it, no markup; a line break is "\n". */
export function inlinePlain(tree: readonly InlineNode[]): string {
  let out = '';
  for (const node of tree) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'blank':
        out += BLANK_TEXT;
        break;
      default:
        out += inlinePlain(node.children);
    }
  }
  return out;
}

/** A tree for plain text: its lines as text nodes with line breaks between them. */
export function inlineFromPlain(text: string): InlineTree {
  const tree: InlineTree = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) tree.push({ type: 'break' });
    if (line !== '') tree.push({ type: 'text', value: line });
  });
  return tree;
}

/** Whether a tree is only text and line breaks (its plain reading says all of it). */
export function isPlainTree(tree: readonly InlineNode[]): boolean {
  return tree.every((node) => node.type === 'text' || node.type === 'break');
}

/** The tree to store beside a plain text: undefined when the plain text says it all. */
export function storedInline(tree: InlineTree): InlineTree | undefined {
  return isPlainTree(tree) ? undefined : tree;
}

/** An item's plain text (what matching, typed answers and options compare): the one way to read it. */
export function itemPlainText(item: Pick<ItemSource, 'text'>): string {
  return item.text;
}

/** An item's text for display, as a tree (made from the plain text when it has no formatting). */
export function itemInline(item: Pick<ItemSource, 'text' | 'inline'>): InlineTree {
  return item.inline ?? inlineFromPlain(item.text);
}

/** A rationale or a CSV answer for display: the stored tree, else one made from its plain text. */
export function richInline(plain: string, inline: InlineTree | undefined): InlineTree {
  return inline ?? inlineFromPlain(plain);
}

const NON_ASCII = /[^ -~\t\n\r]/;

/** The form two readings are compared in: case, spacing and trailing punctuation do not count. */
export function normalizePlain(text: string): string {
  // NFKC leaves ASCII as it is; most item text is ASCII and normalize() is the dear part.
  return (NON_ASCII.test(text) ? text.normalize('NFKC') : text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
}

/** Whether two trees read the same (normalizePlain of their plain text). */
export function sameReading(a: readonly InlineNode[], b: readonly InlineNode[]): boolean {
  return normalizePlain(inlinePlain(a)) === normalizePlain(inlinePlain(b));
}

function mapTree(tree: readonly InlineNode[], visit: (node: InlineNode) => InlineNode[]): InlineTree {
  const out: InlineTree = [];
  for (const node of tree) {
    if ('children' in node) {
      for (const mapped of visit(node)) {
        out.push('children' in mapped ? { ...mapped, children: mapTree(mapped.children, visit) } : mapped);
      }
    } else out.push(...visit(node));
  }
  return out;
}

/** The tree with `==key value==` marks removed (their content stays). */
export function withoutKeys(tree: readonly InlineNode[]): InlineTree {
  return mapTree(tree, (node) => (node.type === 'key' ? withoutKeys(node.children) : [node]));
}

/** The tree with its n-th key value (0-based) replaced by a blank and the others unmarked; null when it has none. */
export function blankKey(tree: readonly InlineNode[], index: number): InlineTree | null {
  let seen = -1;
  let blanked = false;
  const walk = (nodes: readonly InlineNode[]): InlineTree =>
    nodes.flatMap((node): InlineNode[] => {
      if (node.type === 'key') {
        seen += 1;
        if (seen === index) {
          blanked = true;
          return [{ type: 'blank' }];
        }
        return walk(node.children);
      }
      return 'children' in node ? [{ ...node, children: walk(node.children) }] : [node];
    });
  const result = walk(tree);
  return blanked ? result : null;
}

/** The plain text of every key value, in reading order. */
export function keyValuesOfTree(tree: readonly InlineNode[]): string[] {
  const values: string[] = [];
  const walk = (nodes: readonly InlineNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'key') {
        const value = inlinePlain(node.children).replace(/\s+/g, ' ').trim();
        if (value !== '') values.push(value);
      } else if ('children' in node) walk(node.children);
    }
  };
  walk(tree);
  return values;
}

/**
 * A short quotation of a tree for use inside another prompt: key marks dropped, line
 * breaks as spaces, cut at `max` characters of plain text with "…".
 */
export function quoteInline(tree: readonly InlineNode[], max = 120): InlineTree {
  let left = max;
  let cut = false;
  const walk = (nodes: readonly InlineNode[]): InlineTree => {
    const out: InlineTree = [];
    for (const node of nodes) {
      if (cut) break;
      if (node.type === 'break') {
        if (left <= 1) cut = true;
        else {
          out.push({ type: 'text', value: ' ' });
          left -= 1;
        }
      } else if (node.type === 'text' || node.type === 'code') {
        const value = node.value.replace(/\s+/g, ' ');
        const chars = [...value];
        if (chars.length < left) {
          out.push({ ...node, value });
          left -= chars.length;
        } else {
          out.push({ ...node, value: chars.slice(0, Math.max(0, left - 1)).join('') });
          cut = true;
        }
      } else if (node.type === 'blank') {
        out.push(node);
        left -= 1;
      } else if (node.type === 'key') {
        out.push(...walk(node.children));
      } else {
        out.push({ ...node, children: walk(node.children) });
      }
    }
    return out;
  };
  const quoted = walk(tree);
  if (cut) quoted.push({ type: 'text', value: '…' });
  return trimTree(quoted);
}

/** Splits a tree at its line breaks (a multi-line answer shown line by line); empty lines dropped. */
export function splitLines(tree: readonly InlineNode[]): InlineTree[] {
  const lines: InlineTree[] = [[]];
  for (const node of tree) {
    if (node.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  return lines.filter((line) => inlinePlain(line).trim() !== '');
}

/** Joins trees with a separator between them (a line break by default). */
export function joinTrees(trees: readonly InlineTree[], separator: InlineNode = { type: 'break' }): InlineTree {
  return trees.flatMap((tree, index) => (index === 0 ? [...tree] : [separator, ...tree]));
}

/** A text node. */
export function text(value: string): InlineNode {
  return { type: 'text', value };
}

/** Emphasis around a tree (how a prompt sets off a quoted step or a section title). */
export function emphasis(children: InlineTree): InlineNode {
  return { type: 'emphasis', children };
}

/** Strong around a tree. */
export function strong(children: InlineTree): InlineNode {
  return { type: 'strong', children };
}

/** Drops whitespace at the start and end of a tree (into its first and last containers), and empty containers. */
export function trimTree(tree: readonly InlineNode[]): InlineTree {
  const clean = (nodes: readonly InlineNode[]): InlineTree => {
    const out: InlineTree = [];
    for (const node of nodes) {
      if ('children' in node) {
        const children = clean(node.children);
        if (children.length > 0) out.push({ ...node, children });
      } else if (node.type !== 'text' || node.value !== '') out.push(node);
    }
    return out;
  };
  const edge = (nodes: InlineTree, atStart: boolean): InlineTree => {
    const list = [...nodes];
    for (;;) {
      const index = atStart ? 0 : list.length - 1;
      const node = list[index];
      if (!node) return list;
      if (node.type === 'break') {
        list.splice(index, 1);
        continue;
      }
      if (node.type === 'text') {
        const value = atStart ? node.value.replace(/^\s+/u, '') : node.value.replace(/\s+$/u, '');
        if (value === '') {
          list.splice(index, 1);
          continue;
        }
        list[index] = { type: 'text', value };
        return list;
      }
      if ('children' in node) {
        const children = edge(node.children, atStart);
        if (children.length === 0) {
          list.splice(index, 1);
          continue;
        }
        list[index] = { ...node, children };
      }
      return list;
    }
  };
  return edge(edge(clean(tree), true), false);
}
