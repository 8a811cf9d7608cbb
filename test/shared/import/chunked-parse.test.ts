import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitAtHeadings } from '../../../shared/import/markdown/chunked-parse';
import { parseMdast } from '../../../shared/import/markdown/mdast';

const corpus = new URL('../../../../shared/corpus/checklists/', import.meta.url);
const samples = new URL('../../../resources/samples/', import.meta.url);

function files(): { name: string; text: string }[] {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8').replace(/\r\n?/g, '\n') }));
  return [...read(corpus), ...read(samples)];
}

describe('parsing large Markdown in pieces', () => {
  it.each(files())('gives the same tree as one parse for $name', ({ text }) => {
    // Force cutting at every heading: the tree (positions included) must not change.
    const whole = parseMdast(text, Number.POSITIVE_INFINITY);
    const pieces = parseMdast(text, 0, 0);
    expect(pieces.children).toEqual(whole.children);
  });

  it('cuts the corpus files at their headings when forced (so the comparison above means something)', () => {
    const withHeadings = files().filter(({ text }) => /^## /m.test(text));
    expect(withHeadings.length).toBeGreaterThan(10);
    for (const { text } of withHeadings) expect(splitAtHeadings(text, 0).length).toBeGreaterThan(1);
  });

  it('resolves reference links whose definition is in another piece', () => {
    const text = ['# A', '- Go to [the docs admin][rtd]', '# B', '- Check [the board][]', '', '[rtd]: https://readthedocs.org', '[the board]: https://board'].join('\n');
    const whole = parseMdast(text, Number.POSITIVE_INFINITY);
    const pieces = parseMdast(text, 0, 0);
    expect(splitAtHeadings(text, 0).length).toBeGreaterThan(1);
    expect(pieces.children).toEqual(whole.children);
    expect(JSON.stringify(pieces)).toContain('"type":"linkReference"');
  });

  it('never cuts inside fenced code, HTML comments or front matter', () => {
    const text = ['---', 'title: x', '# not a heading', '---', '# A', '```', '# code', '```', '<!--', '# comment', '-->', '# B', 'text'].join('\n');
    const cuts = splitAtHeadings(text, 0).map((piece) => piece.text.split('\n')[0]);
    expect(cuts).toEqual(['---', '# A', '# B']);
  });
});
