import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { InlineNode } from '../../../../shared/model';
import { InlineText } from '../../../../renderer/app/ui/InlineText';
import { parseMarkdown } from '../../../../shared/import/markdown/index';
import { itemInline } from '../../../../shared/text/inline-text';

const html = (tree: readonly InlineNode[]): string => renderToStaticMarkup(<InlineText tree={tree} />);

const KNOWN_TAGS = new Set([
  '<strong>', '</strong>', '<em>', '</em>', '<code>', '</code>', '<del>', '</del>', '<br/>',
  '<mark class="key-value">', '</mark>', '<span class="link-text">', '<span class="cloze-blank">', '<span class="visually-hidden">', '</span>',
]);

function onlyKnownTags(markup: string): boolean {
  return (markup.match(/<[^>]*>/g) ?? []).every((tag) => KNOWN_TAGS.has(tag));
}

/** A step of a Markdown file, as the importer reads it. */
const step = (source: string): InlineNode[] => {
  const result = parseMarkdown(`- [ ] ${source}`, 'x.md');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return itemInline(result.pack.items[0]!);
};

describe('InlineText', () => {
  test('renders each node as a fixed element or text', () => {
    expect(html(step('**Freeze** the *feature* `schema` ~~now~~ ==0.5== [docs](https://x)'))).toBe(
      '<strong>Freeze</strong> the <em>feature</em> <code>schema</code> <del>now</del> <mark class="key-value">0.5</mark> <span class="link-text">docs</span>',
    );
    expect(html([{ type: 'text', value: 'a' }, { type: 'break' }, { type: 'blank' }])).toBe(
      'a<br/><span class="cloze-blank"><span class="visually-hidden">blank</span></span>',
    );
  });

  test('a step that starts with a bold label inside emphasis shows no asterisks', () => {
    expect(html(step('***Loss of observability:** Metrics stop*'))).toBe('<em><strong>Loss of observability:</strong> Metrics stop</em>');
  });

  test('never produces HTML from imported text: tags and scripts are text or dropped, links have no href', () => {
    for (const source of ['Run <script>alert(1)</script> x', 'See <img src=x onerror=alert(1)> y', '[click](javascript:alert(1))', '**<b onmouseover="alert(1)">b</b>**']) {
      const out = html(step(source));
      expect(onlyKnownTags(out)).toBe(true);
      expect(out).not.toMatch(/<(script|img|a|b)[\s>]|href|onerror|onmouseover/i);
    }
    expect(html([{ type: 'text', value: '<script>alert(1)</script>' }])).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('any tree renders only the known elements', () => {
    const text = fc.string({ maxLength: 12 }).map((value): InlineNode => ({ type: 'text', value }));
    const tree: fc.Arbitrary<InlineNode[]> = fc.letrec<{ nodes: InlineNode[]; node: InlineNode }>((tie) => ({
      nodes: fc.array(tie('node'), { maxLength: 4 }),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.constant<InlineNode>({ type: 'break' }),
        fc.constant<InlineNode>({ type: 'blank' }),
        fc.string({ maxLength: 8 }).map((value): InlineNode => ({ type: 'code', value })),
        fc.record({ type: fc.constantFrom('strong', 'emphasis', 'delete', 'link', 'key'), children: tie('nodes') }) as fc.Arbitrary<InlineNode>,
      ),
    })).nodes;
    fc.assert(
      fc.property(tree, (nodes) => {
        expect(onlyKnownTags(html(nodes))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
