/**
 * Property tests of the one Markdown reading (issue 15): a random inline tree written out
 * as Markdown and imported as a step reads back as the same tree, its plain text is the
 * tree's text with none of the markup its own serialization produced, and hostile or
 * random Markdown never leaves markup characters the tree did not keep as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InlineNode, InlineTree } from '../../../shared/model';
import { parseMarkdown } from '../../../shared/import/markdown/index';
import { inlinePlain, itemInline } from '../../../shared/text/inline-text';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));

type Mark = 'strong' | 'emphasis' | 'delete' | 'link' | 'key' | 'code';

/**
 * A tree whose marks start and end with a letter and are separated by spaces, and never nest
 * in a mark of their own kind: CommonMark reads each such tree one way.
 */
function treeOf(depth: number, parent?: Mark): fc.Arbitrary<InlineTree> {
  const leaf: fc.Arbitrary<InlineNode> = words.map((value) => ({ type: 'text', value }));
  const all: Mark[] = depth >= 2 ? ['code'] : ['strong', 'emphasis', 'delete', 'link', 'key', 'code'];
  const marks = all.filter((mark) => mark !== parent);
  const marked: fc.Arbitrary<InlineNode> = fc.constantFrom(...marks).chain((mark): fc.Arbitrary<InlineNode> => {
    if (mark === 'code') return words.map((value) => ({ type: 'code', value }));
    const inner = mark === 'key' || mark === 'link' ? words.map((value): InlineTree => [{ type: 'text', value }]) : treeOf(depth + 1, mark);
    return inner.map((children) => ({ type: mark, children: letterEdges(children) }));
  });
  return fc.array(fc.oneof(leaf, marked), { minLength: 1, maxLength: 4 }).map((nodes) => {
    // Neighbours are joined by a space, so no two delimiters touch.
    const tree: InlineTree = [];
    nodes.forEach((node, index) => {
      if (index > 0) tree.push({ type: 'text', value: ' ' });
      tree.push(node);
    });
    return merge(tree);
  });
}

/** A mark's content starts and ends with a word, so its delimiters always touch a letter. */
function letterEdges(children: InlineTree): InlineTree {
  const out = [...children];
  if (out[0]?.type !== 'text') out.unshift({ type: 'text', value: 'x ' });
  if (out[out.length - 1]?.type !== 'text') out.push({ type: 'text', value: ' x' });
  return merge(out);
}

function merge(tree: InlineTree): InlineTree {
  const out: InlineTree = [];
  for (const node of tree) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push('children' in node ? { ...node, children: merge(node.children) } : node);
  }
  return out;
}

/** The tree as Markdown: the markup the plain reading must never contain. */
function serialize(tree: readonly InlineNode[], inEmphasis = false): string {
  return tree
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'code':
          return `\`${node.value}\``;
        case 'strong':
          return `**${serialize(node.children, inEmphasis)}**`;
        case 'emphasis':
          // Emphasis inside emphasis needs the other delimiter to stay two marks.
          return inEmphasis ? `_${serialize(node.children, true)}_` : `*${serialize(node.children, true)}*`;
        case 'delete':
          return `~~${serialize(node.children, inEmphasis)}~~`;
        case 'link':
          return `[${serialize(node.children, inEmphasis)}](https://example.com/x)`;
        case 'key':
          return `==${serialize(node.children, inEmphasis)}==`;
        default:
          return '';
      }
    })
    .join('');
}

function withoutCode(tree: readonly InlineNode[]): InlineTree {
  return tree.flatMap((node): InlineNode[] => (node.type === 'code' ? [] : 'children' in node ? [{ ...node, children: withoutCode(node.children) }] : [node]));
}

describe('property: one Markdown reading', () => {
  it('a tree written as Markdown reads back as the same tree, and its plain text has none of that markup', () => {
    fc.assert(
      fc.property(treeOf(0), (tree) => {
        const result = parseMarkdown(`- [ ] ${serialize(tree)}`, 'x.md');
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const item = result.pack.items[0]!;
        expect(itemInline(item)).toEqual(tree);
        expect(item.text).toBe(inlinePlain(tree));
        expect(item.text).not.toMatch(/\*|~~|==|`|\]\(|https:/);
      }),
      { numRuns: 400 },
    );
  });

  it('random Markdown: the plain text is always the tree’s reading, and never holds a tag or a character reference', () => {
    const piece = fc.oneof(
      fc.constantFrom('*', '**', '_', '__', '~~', '==', '`', '[', ']', '(', ')', '<b>', '</b>', '<a name="x"></a>', '&amp;', '&nbsp;', '&copy;', '![alt](i.png)', '[t][r]', '\\*', ' '),
      word,
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        const result = parseMarkdown(`- ${pieces.join('')}x\n\n[r]: https://example.com`, 'x.md');
        if (!result.ok) return;
        for (const item of result.pack.items) {
          const tree = itemInline(item);
          expect(inlinePlain(tree)).toBe(item.text);
          // Code shows its characters as written; everything else is read.
          expect(inlinePlain(withoutCode(tree))).not.toMatch(/<\/?[a-z][^>]*>|&(?:amp|nbsp|copy);|\]\(i\.png\)|\]\[r\]/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
