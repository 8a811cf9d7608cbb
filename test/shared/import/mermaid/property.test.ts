/**
 * Whatever the input, the parser returns (never throws, never hangs) and every
 * issue it reports points inside the text it was given.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseMermaid, parseMermaidGraph } from '../../../../shared/import/mermaid';
import type { ImportIssue } from '../../../../shared/model';

const corpus = new URL('../../../../../shared/corpus/mermaid/', import.meta.url);
const charts = readdirSync(corpus)
  .filter((file) => file.endsWith('.mmd'))
  .map((file) => readFileSync(new URL(file, corpus), 'utf8'));

// A hang (a backtracking regex, a quadratic loop would take minutes on the inputs
// below) fails through the test timeout; speed itself is measured by `npm run bench`.
vi.setConfig({ testTimeout: 180_000 });

function linesOf(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

function expectInside(text: string, issues: ImportIssue[], lineOffset = 0, colOffset = 0): void {
  const lines = linesOf(text);
  for (const issue of issues) {
    const line = issue.line - lineOffset;
    const col = issue.col - colOffset;
    expect(line, `${issue.line}:${issue.col} ${issue.message}`).toBeGreaterThanOrEqual(1);
    expect(line, `${issue.line}:${issue.col} ${issue.message}`).toBeLessThanOrEqual(lines.length);
    expect(col, `${issue.line}:${issue.col} ${issue.message}`).toBeGreaterThanOrEqual(1);
    expect(col, `${issue.line}:${issue.col} ${issue.message}`).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
    expect(issue.message).not.toContain('internal error');
    expect(issue.message.trim()).not.toBe('');
  }
}

/** Parses both ways, checks totality and positions; returns whether the pack parse succeeded. */
function check(text: string, lineOffset = 0, colOffset = 0): boolean {
  const graph = parseMermaidGraph(text, 'fuzz.mmd', { lineOffset, colOffset });
  const result = parseMermaid(text, 'fuzz.mmd', { lineOffset, colOffset });
  expectInside(text, graph.ok ? graph.warnings : [...graph.errors, ...graph.warnings], lineOffset, colOffset);
  expectInside(text, result.ok ? result.warnings : [...result.errors, ...result.warnings], lineOffset, colOffset);
  if (result.ok) {
    const ids = new Set(result.pack.items.map((item) => item.id));
    expect(ids.has(result.pack.rootId ?? '')).toBe(true);
    for (const edge of result.pack.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
  }
  return result.ok;
}

const TOKENS = [
  'A', 'B', 'c1', 'x', 'o', 'end', ' ', ' ', '\n', '\n', '\t', '\r\n', ';',
  '-->', '---', '==>', '-.->', '--o', '--x', '<-->', '~~~', '--', '==', '-.', '.->', '->', '|', '|yes|',
  '[', ']', '(', ')', '{', '}', '((', '))', '[(', ')]', '>', '[/', '\\]', '"', '`', '"`', '&', ' & ', ':::ok', ':',
  '@{', 'shape: rect', 'label: "L"', 'e1@', 'subgraph ', 'subgraph s [T]', 'direction LR', 'style A fill:#f00',
  'classDef ok fill:#0f0', 'class A,B ok', 'click A href "x"', 'linkStyle 0 stroke:red', '%%', '%% title: T',
  '%% root: A', '%%{init: {}}%%', '%%{', '}%%', '---', '<br/>', '<b>', '</b>', '<', '#quot;', '&amp;', 'é', '图', '🎉',
];

const HEADERS = ['flowchart TD\n', 'graph LR;\n', 'flowchart\n', '', '---\ntitle: T\n---\nflowchart TB\n'];

describe('parseMermaid on random input', () => {
  it('handles charts built from Mermaid tokens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (header, tokens) => {
        check(header + tokens.join(''));
      }),
      { numRuns: 600 },
    );
  });

  it('handles arbitrary text, with offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(50), fc.nat(8), (text, lineOffset, colOffset) => {
        check(text, lineOffset, colOffset);
        check(`flowchart TD\n${text}`, lineOffset, colOffset);
      }),
      { numRuns: 300 },
    );
  });
});

type Mutation =
  | { kind: 'delete-char' | 'duplicate-line' | 'delete-line'; at: number }
  | { kind: 'insert-char'; at: number; char: string };

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const mutation of mutations) {
    const lines = out.split('\n');
    if (mutation.kind === 'delete-char' && out.length > 0) {
      const at = mutation.at % out.length;
      out = out.slice(0, at) + out.slice(at + 1);
    } else if (mutation.kind === 'insert-char') {
      const at = mutation.at % (out.length + 1);
      out = out.slice(0, at) + mutation.char + out.slice(at);
    } else if (mutation.kind === 'duplicate-line') {
      const at = mutation.at % lines.length;
      lines.splice(at, 0, lines[at]!);
      out = lines.join('\n');
    } else if (mutation.kind === 'delete-line') {
      lines.splice(mutation.at % lines.length, 1);
      out = lines.join('\n');
    }
  }
  return out;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-char' as const, 'duplicate-line' as const, 'delete-line' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert-char' as const),
    at: fc.nat(),
    char: fc.constantFrom('[', ']', '(', ')', '{', '}', '"', '|', '-', '>', '&', ';', '\n', ' ', '%', '@', '`', '<', 'x', 'é', '🎉'),
  }),
);

describe('parseMermaid on mutated corpus charts', () => {
  it('reads every corpus chart within the time limit', () => {
    for (const chart of charts) check(chart);
  });

  it('never throws and always locates its issues', () => {
    fc.assert(
      fc.property(fc.nat(charts.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (index, mutations) => {
        check(mutate(charts[index]!, mutations));
      }),
      { numRuns: 800 },
    );
  });
});

describe('adversarial input', () => {
  const long = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const cases: [string, string][] = [
    ['a long run of dots in a dotted link label', `flowchart TD\nA -. ${long('.', 9_990)}`],
    ['dots on many lines', `flowchart TD\nA -. ${Array.from({ length: 200 }, () => long('.', 9_000)).join('\n')}`],
    ['a long run of spaces in a link label', `flowchart TD\nA -- x${long(' ', 9_990)}y`],
    ['many blank lines after a node', `flowchart TD\nA${'\n'.repeat(200_000)}B`],
    ['dashes', `flowchart TD\nA ${long('-', 9_990)}`],
    ['an unclosed bracket', `flowchart TD\nA${long('[', 9_990)}`],
    ['unclosed labels on every line', `flowchart TD\n${Array.from({ length: 5_000 }, (_, i) => `N${i}[x`).join('\n')}`],
    ['a long chain', `flowchart TD\n${Array.from({ length: 2_000 }, (_, i) => `N${i}`).join(' --> ')}`],
    ['many lines of links', `flowchart TD\n${Array.from({ length: 20_000 }, (_, i) => `N${i} --> N${i + 1}`).join('\n')}`],
    ['a huge & product', `flowchart TD\n${Array.from({ length: 1_000 }, (_, i) => `S${i}`).join(' & ')} --> ${Array.from({ length: 1_000 }, (_, i) => `T${i}`).join(' & ')}`],
    ['deep subgraphs', `flowchart TD\n${'subgraph s\n'.repeat(5_000)}`],
    ['deep node data', `flowchart TD\nA@{ label: ${long('[', 5_000)} }`],
    ['a label full of tags', `flowchart TD\nA["${long('<a<b ', 9_000)}"]`],
    ['a label full of references', `flowchart TD\nA["<b>${long('&amp;&#1;&', 9_000)}"]`],
    ['many directives', long('%%{ }%%\n', 100_000)],
    ['an unclosed directive', `%%{${long('x', 9_000)}\nflowchart TD`],
    ['many quotes', `flowchart TD\n${long('A["x"] --> ', 9_000)}`],
    ['html attributes', `flowchart TD\nA["${long('<a href="x" ', 9_000)}"]`],
    ['nothing but links', `flowchart TD\n${long('--> ', 9_000)}`],
    ['a label of nested tags across many lines', `flowchart TD\nA["${long('<b><i>x\n', 400_000)}"]`],
    ['many subgraphs', `flowchart TD\n${long('subgraph s\nA\nend\n', 500_000)}`],
    ['a chain across lines, back and forth', `flowchart TD\nA${long(' -->\nB -->\nA', 450_000)}`],
  ];

  it.each(cases)('%s', (_name, text) => {
    check(text);
  });
});
