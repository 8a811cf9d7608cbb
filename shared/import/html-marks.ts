/**
 * Inline HTML that becomes formatting where imported text allows it (Markdown inline HTML,
 * Mermaid label HTML): the element names and the inline-tree mark each stands for. Anything
 * else is dropped, never shown as markup and never rendered as HTML.
 */
export type HtmlMark = 'strong' | 'emphasis' | 'delete' | 'code';

export const HTML_MARKS: Readonly<Record<string, HtmlMark>> = {
  b: 'strong',
  strong: 'strong',
  i: 'emphasis',
  em: 'emphasis',
  s: 'delete',
  del: 'delete',
  strike: 'delete',
  code: 'code',
  kbd: 'code',
  tt: 'code',
  samp: 'code',
};
