import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../../../../shared/import/mermaid';
import { FILE, error, graph } from './helpers';

describe('errors for common mistakes', () => {
  it('an unclosed [ points at the bracket', () => {
    expect(error('flowchart TD\nA --> B[Open label')).toEqual({
      file: FILE,
      line: 2,
      col: 8,
      severity: 'error',
      message: 'the [ ] label of "B" is never closed: expected "]", found the end of the file',
    });
  });

  it('an unclosed label that runs into the next line says where it opened', () => {
    expect(error('flowchart TD\nA[Open\nB --> C[x]')).toMatchObject({
      line: 3,
      col: 8,
      message: 'unexpected "[" inside a [ ] label (the label opened at line 2, col 2 is not closed); quote the label: A["..."]',
    });
  });

  it('a link with no target', () => {
    expect(error('flowchart TD\nA -->')).toMatchObject({ line: 2, col: 6, message: 'expected a node after "-->", found the end of the file' });
    expect(error('flowchart TD\nA --> ;')).toMatchObject({ line: 2, col: 7, message: 'expected a node after "-->", found ";"' });
    expect(error('flowchart TD\nA -->|yes|\nB').message).toBe('expected a node after "-->", found the end of the line');
  });

  it('an unterminated quote points at the opening quote', () => {
    expect(error('flowchart TD\nA["never closed] --> B')).toMatchObject({
      line: 2,
      col: 3,
      message: 'this quoted label is never closed: expected a closing quote (") before the end of the file',
    });
  });

  it('parentheses in unquoted labels, with the quoted form to write', () => {
    expect(error('flowchart TD\nA -->|wait (long)| B').message).toBe('unexpected "(" inside a | | link label; quote the label: |"wait (long)"|');
    expect(error('flowchart TD\nA{Is it (really) safe?}').message).toBe('unexpected "(" inside a { } label; quote the label: A{"Is it (really) safe?"}');
  });

  it('common slips: ->, a space before a shape, end as an id, x--> at a node', () => {
    expect(error('flowchart TD\nA -> B')).toMatchObject({ col: 3, message: '"->" is not a Mermaid link: write "-->"' });
    expect(error('flowchart TD\nA->B').message).toBe('"->" is not a Mermaid link: write "-->" (after "A")');
    expect(error('flowchart TD\nA => B').message).toBe('"=>" is not a Mermaid link: write "==>"');
    expect(error('flowchart TD\nA [label]')).toMatchObject({ col: 3, message: 'unexpected "[" after a space: write the shape right after the id, like A[...]' });
    expect(error('flowchart TD\nA --> end').message).toContain('"end" is a Mermaid keyword and cannot be a node id after "-->"');
    expect(error('flowchart TD\nx--> y').message).toContain('found the link "x-->"');
    expect(error('flowchart TD\nA"label"')).toMatchObject({ col: 2, message: 'a label goes inside a shape: write A["..."]' });
    expect(error('flowchart TD\nA --> B C')).toMatchObject({ col: 9, message: 'expected a link like "-->", "&" or the end of the statement after "B", found "C"' });
  });

  it('subgraph mistakes', () => {
    expect(error('flowchart TD\nsubgraph one\nA')).toMatchObject({ line: 2, col: 1, message: 'this subgraph is never closed: expected "end" before the end of the chart' });
    expect(error('flowchart TD\nA\nend')).toMatchObject({ line: 3, col: 1, message: 'unexpected "end": no subgraph is open' });
    const deep = `flowchart TD\n${'subgraph s\n'.repeat(17)}A\n${'end\n'.repeat(17)}`;
    expect(error(deep)).toMatchObject({ line: 18, message: 'subgraphs are nested more than 16 deep' });
  });

  it('unclosed front matter and directives', () => {
    expect(error('---\ntitle: x\nflowchart TD\nA')).toMatchObject({ line: 1, col: 1 });
    expect(error('%%{init: {}\nflowchart TD\nA')).toMatchObject({ line: 1, col: 1 });
    expect(error('---\nrarity: sometimes\n---\nflowchart TD\nA')).toMatchObject({ line: 2 });
  });

  it('link text mistakes', () => {
    expect(error('flowchart TD\nA -- never closed\nB')).toMatchObject({ line: 2, col: 3 });
    expect(error('flowchart TD\nA x-- x --> B')).toMatchObject({
      col: 3,
      message: 'the link "x-- ... -->" has arrow heads that do not match: write "-- text -->" or use the same head at both ends',
    });
    expect(graph('flowchart TD\nA <-- both --> B').edges[0]).toMatchObject({ type: 'double_arrow_point', text: 'both' });
  });
});

describe('fenced .mmd files', () => {
  it('strips ```mermaid fences with a warning on the fence line', () => {
    const result = parseMermaid('\n```mermaid\nflowchart TD\nA --> B\n```\n', FILE);
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 2, col: 1, severity: 'warning' });
  });
});
