import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InlineMarkdown } from '../../../../renderer/app/ui/InlineMarkdown';
import { parseInlineMarkdown, plainTextOf } from '../../../../renderer/app/ui/inline-markdown';

const html = (text: string): string => renderToStaticMarkup(<InlineMarkdown text={text} />);

const KNOWN_TAGS = new Set(['<strong>', '</strong>', '<em>', '</em>', '<code>', '</code>', '<del>', '</del>', '<mark class="key-value">', '</mark>', '<span class="link-text">', '</span>']);

/** Every tag in the markup is one of the few the renderer may produce, with no other attribute. */
function onlyKnownTags(markup: string): boolean {
  return (markup.match(/<[^>]*>/g) ?? []).every((tag) => KNOWN_TAGS.has(tag));
}

describe('InlineMarkdown', () => {
  test('renders bold, emphasis, code, key values and strikethrough', () => {
    expect(html('**Freeze** the *feature* schema')).toBe('<strong>Freeze</strong> the <em>feature</em> schema');
    expect(html('__strong__ and _em_')).toBe('<strong>strong</strong> and <em>em</em>');
    expect(html('Run `npm run preview:smoke` first')).toBe('Run <code>npm run preview:smoke</code> first');
    expect(html('AUC improves by at least ==0.005==')).toBe('AUC improves by at least <mark class="key-value">0.005</mark>');
    expect(html('~~old~~ new')).toBe('<del>old</del> new');
  });

  test('nests spans, and reads ***x*** as strong emphasis', () => {
    expect(html('**bold with *em* inside**')).toBe('<strong>bold with <em>em</em> inside</strong>');
    expect(html('*em with **bold** inside*')).toBe('<em>em with <strong>bold</strong> inside</em>');
    expect(html('***both***')).toBe('<strong><em>both</em></strong>');
    expect(html('==**24 hours**==')).toBe('<mark class="key-value"><strong>24 hours</strong></mark>');
  });

  test('keeps what is not well-formed as literal text', () => {
    expect(html('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(html('**unclosed')).toBe('**unclosed');
    expect(html('a == b')).toBe('a == b');
    expect(html('snake_case_name and __init__.py')).toBe('snake_case_name and <strong>init</strong>.py');
    expect(html('my_var_name')).toBe('my_var_name');
    expect(html('`unclosed code')).toBe('`unclosed code');
    expect(html('\\*not em\\*')).toBe('*not em*');
  });

  test('does not read markup inside code', () => {
    expect(html('`**x** ==y== [a](b)`')).toBe('<code>**x** ==y== [a](b)</code>');
    expect(html('``a ` b``')).toBe('<code>a ` b</code>');
    expect(html('** `a**b` **')).toBe('** <code>a**b</code> **');
  });

  test('links render their text only: no href, no anchor', () => {
    expect(html('See [the *runbook*](https://example.com/runbook) now')).toBe(
      'See <span class="link-text">the <em>runbook</em></span> now',
    );
    expect(html('<https://example.com>')).toBe('<span class="link-text">https://example.com</span>');
    expect(html('![diagram](img.png)')).toBe('diagram');
    expect(html('[not a link] (x)')).toBe('[not a link] (x)');
  });

  test('never produces HTML from <script> text or javascript: links', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click me](javascript:alert(document.cookie))',
      '[x](JaVaScRiPt:alert(1))',
      '<javascript:alert(1)>',
      '**<b onmouseover="alert(1)">bold</b>**',
      '[<script>alert(1)</script>](javascript:void(0))',
      '`<script>`',
    ];
    for (const text of hostile) {
      const out = html(text);
      expect(out).not.toMatch(/<(script|img|a|b)[\s>]/i);
      expect(onlyKnownTags(out)).toBe(true);
      expect(out.toLowerCase()).not.toContain('javascript:alert(document');
    }
    expect(html('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html('[click me](javascript:alert(1))')).toBe('<span class="link-text">click me</span>');
  });

  test('any input renders only the known elements, and keeps every visible character', () => {
    const alphabet = fc.constantFrom('*', '_', '=', '~', '`', '[', ']', '(', ')', '<', '>', '!', '\\', ' ', 'a', 'b', '"', '&');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const out = html(text);
        expect(onlyKnownTags(out)).toBe(true);
        expect(plainTextOf(parseInlineMarkdown(text)).length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  test('stays fast on a long line of unmatched delimiters', () => {
    const text = '*a [b ==c `d _e '.repeat(600);
    const started = performance.now();
    parseInlineMarkdown(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
