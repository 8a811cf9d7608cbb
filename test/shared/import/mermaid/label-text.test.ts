/**
 * Mermaid labels as Mermaid shows them (issue 15): a literal `\n` and a new line are line
 * breaks, `<br><br>` a blank line, formatting tags marks, every HTML5 named character
 * reference decoded (issue 9), and markdown strings read as Markdown.
 */
import { describe, expect, it } from 'vitest';
import { labelInline, plainLabel } from '../../../../shared/import/mermaid/html-text';
import { parseMermaid } from '../../../../shared/import/mermaid';

describe('Mermaid labels', () => {
  it('read a literal \\n, a new line and <br> as line breaks, and <br><br> as a blank line', () => {
    expect(plainLabel('Check logs\\nthen metrics')).toBe('Check logs\nthen metrics');
    expect(plainLabel('Check logs<br>then metrics')).toBe('Check logs\nthen metrics');
    expect(plainLabel('Summary<br><br>Details')).toBe('Summary\n\nDetails');
    expect(labelInline('a<br/><br/>b')).toEqual([{ type: 'text', value: 'a' }, { type: 'break' }, { type: 'break' }, { type: 'text', value: 'b' }]);
    expect(plainLabel('<br>  a  <br>')).toBe('a');
  });

  it('decode every HTML5 named reference, with and without the semicolon where HTML allows it', () => {
    expect(plainLabel('R&amp;D &spades; &Rarr; &ncap; &copy2024 &notit;')).toBe('R&D ♠ ↠ ⩃ ©2024 ¬it;');
    expect(plainLabel('&bogus; &#x1F600; &#169;')).toBe('&bogus; 😀 ©');
  });

  it('make marks of <b>, <i>, <code> and drop other tags and scripts', () => {
    expect(labelInline('<b>Stop</b> the <i>writer</i> <code>svc</code><script>x()</script><span>now</span>')).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Stop' }] },
      { type: 'text', value: ' the ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'writer' }] },
      { type: 'text', value: ' ' },
      { type: 'code', value: 'svc' },
      { type: 'text', value: 'now' },
    ]);
  });

  it('read markdown strings as Markdown: strong, emphasis, a new line as a break', () => {
    expect(labelInline('**Bold** and *em*\nnext', 'markdown')).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Bold' }] },
      { type: 'text', value: ' and ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
      { type: 'break' },
      { type: 'text', value: 'next' },
    ]);
  });

  it('give items their plain text and their tree', () => {
    const result = parseMermaid('flowchart TD\n  a["<b>Page</b> the on-call\\nnow"] --> b{"Up?"}\n  b -->|yes| c[Done]\n  b -->|no| d["R&amp;D"]\n', 'x.mmd');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [a, , , d] = result.pack.items;
    expect(a).toMatchObject({ text: 'Page the on-call\nnow' });
    expect(a!.inline?.[0]).toEqual({ type: 'strong', children: [{ type: 'text', value: 'Page' }] });
    expect(d).toMatchObject({ text: 'R&D' });
    expect(d!.inline).toBeUndefined();
  });
});
