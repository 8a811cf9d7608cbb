import { describe, expect, it } from 'vitest';
import type { PackSource } from '../../../shared/model';
import { parseCsv } from '../../../shared/import/csv/index';
import { parseImportFile } from '../../../shared/import/parse-file';

function packOf(text: string, file = 'facts.csv'): PackSource {
  const result = parseImportFile(file, text);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.pack;
}

function errorsOf(text: string, file = 'facts.csv') {
  const result = parseImportFile(file, text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('CSV question/answer packs', () => {
  it('turn each row front,back into a question with its answer', () => {
    const pack = packOf('What is PSI?,Population Stability Index\nShift threshold?,0.25\n');
    expect(pack).toMatchObject({ title: 'Facts', kind: 'qa', format: 'csv', sourceName: 'facts.csv', sections: [], edges: [] });
    expect(pack.items).toEqual([
      { id: 'what-is-psi', kind: 'question', text: 'What is PSI?', answer: 'Population Stability Index', order: 0, notes: [], keyValues: [], memory: false, tags: [], line: 1, col: 1 },
      { id: 'shift-threshold', kind: 'question', text: 'Shift threshold?', answer: '0.25', order: 1, notes: [], keyValues: [], memory: false, tags: [], line: 2, col: 1 },
    ]);
  });

  it('read cells as inline Markdown: plain text, with a tree where there is formatting', () => {
    const pack = packOf('What does **PSI** mean?,"Population &amp; *Stability* Index"\n');
    expect(pack.items[0]).toMatchObject({ text: 'What does PSI mean?', answer: 'Population & Stability Index' });
    expect(pack.items[0]!.inline).toEqual([
      { type: 'text', value: 'What does ' },
      { type: 'strong', children: [{ type: 'text', value: 'PSI' }] },
      { type: 'text', value: ' mean?' },
    ]);
    expect(pack.items[0]!.answerInline?.[1]).toEqual({ type: 'emphasis', children: [{ type: 'text', value: 'Stability' }] });
  });

  it('skip a front,back header (any case) and read the optional tags column', () => {
    const pack = packOf('Front,BACK,Tags\nq1,a1,metrics ml\nq2,a2,\nq3,a3,"a, b;c"\n');
    expect(pack.items.map((i) => [i.text, i.tags, i.line])).toEqual([
      ['q1', ['metrics', 'ml'], 2],
      ['q2', [], 3],
      ['q3', ['a', 'b', 'c'], 4],
    ]);
  });

  it('keep a first row that is not a header', () => {
    expect(packOf('front side,back side\n').items).toHaveLength(1);
  });

  it('read quotes, commas, escaped quotes and line breaks inside cells; lines count correctly after them', () => {
    const pack = packOf('"Name, with comma?","He said ""hi""\nand left"\nnext,row\n');
    expect(pack.items.map((i) => [i.text, i.answer, i.line])).toEqual([
      ['Name, with comma?', 'He said "hi"\nand left', 1],
      ['next', 'row', 3],
    ]);
  });

  it('skip blank lines and accept CRLF', () => {
    expect(packOf('a,b\r\n\r\nc,d\r\n').items.map((i) => [i.text, i.line])).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
  });

  it('deduplicate ids of repeated questions with a warning', () => {
    const result = parseImportFile('f.csv', 'Same?,1\nSame?,2\n');
    expect(result.ok && result.pack.items.map((i) => i.id)).toEqual(['same', 'same-2']);
    expect(result.warnings[0]).toMatchObject({ line: 2, col: 1, severity: 'warning' });
  });
});

describe('CSV errors have line and column', () => {
  it('an empty front', () => {
    expect(errorsOf('a,b\n,answer\n')).toEqual([{ file: 'facts.csv', line: 2, col: 1, message: 'the front (question) is empty', severity: 'error' }]);
  });

  it('an empty back, at the back cell', () => {
    expect(errorsOf('a,b\nquestion,  \n')).toEqual([{ file: 'facts.csv', line: 2, col: 10, message: 'the back (answer) is empty', severity: 'error' }]);
  });

  it('a missing back', () => {
    const [error] = errorsOf('a,b\nlonely question\n');
    expect(error).toMatchObject({ line: 2, message: 'missing the back (answer): expected front,back[,tags]' });
  });

  it('too many columns, at the fourth cell', () => {
    expect(errorsOf('q,a,t,extra\n')).toEqual([
      { file: 'facts.csv', line: 1, col: 7, message: 'too many columns: expected front,back[,tags], found 4 cells', severity: 'error' },
    ]);
  });

  it('the fourth cell after a quoted cell with a comma', () => {
    expect(errorsOf('"q,1",a,t,extra\n')[0]).toMatchObject({ line: 1, col: 11 });
  });

  it('an unterminated quote, at the opening quote', () => {
    expect(errorsOf('a,b\nc,"never closed\nmore\n')[0]).toEqual({
      file: 'facts.csv',
      line: 2,
      col: 3,
      message: 'quoted cell is never closed (missing `"`)',
      severity: 'error',
    });
  });

  it('a file with no rows', () => {
    expect(errorsOf('front,back\n')[0]).toMatchObject({ line: 1, col: 1 });
    expect(parseCsv('', 'e.csv').ok).toBe(false);
  });
});

describe('CSV quote errors', () => {
  it('text after a closing quote, at the quote', () => {
    const errors = errorsOf('q,"b"x,c\n');
    expect(errors[0]).toMatchObject({ line: 1, col: 3 });
    expect(errors.map((e) => e.message)).toContain('text after the closing quote of a quoted cell (write "" for a quote inside quotes)');
  });
});
