/**
 * Property tests: random and mutated Markdown, YAML/JSON and CSV (the corpus files
 * and the formats.md examples, cut and spliced) never make a parser throw, finish
 * quickly, and every issue points inside the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeImportBytes } from '../../../shared/import/decode';
import { parseImportBytes, parseImportFile } from '../../../shared/import/parse-file';
import type { ParseResult } from '../../../shared/import/result';
import { FORMATS_MD_EXAMPLE } from './markdown-helpers';

// Hangs fail through this timeout; speed is measured by `npm run bench`, not here.
vi.setConfig({ testTimeout: 180_000 });

const CORPUS = new URL('../../../../shared/corpus/checklists/', import.meta.url);
const SAMPLES = new URL('../../../resources/samples/', import.meta.url);

function readAll(dir: URL, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => readFileSync(new URL(name, dir), 'utf8'));
}

const MARKDOWN_SEEDS = [
  ...readAll(CORPUS, /\.md$/),
  ...readAll(SAMPLES, /\.md$/),
  FORMATS_MD_EXAMPLE,
];

const YAML_SEEDS = [
  ...readAll(SAMPLES, /\.ya?ml$/),
  [
    'kata: 1',
    'title: Feature drift alert',
    'rarity: rare',
    'time_limit: 5m',
    'start: check-psi',
    'nodes:',
    '  check-psi:',
    '    ask: Is PSI for the alerting feature above 0.25?',
    '    answers:',
    '      - label: "yes"',
    '        next: check-upstream',
    '      - { label: "no", next: annotate }',
    '  check-upstream: { ask: Upstream change?, answers: [{ label: "yes", next: annotate }] }',
    '  annotate: { do: Annotate the dashboard and keep watching, outcome: ok }',
  ].join('\n'),
];

const CSV_SEEDS = [...readAll(SAMPLES, /\.csv$/), 'front,back,tags\n"a, b","c\n""d""",x y\nq,a\n'];

/** Issues must name a place that exists: line within the text, column within that line (or just past its end). */
function assertInside(text: string, result: ParseResult): void {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const issues = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  for (const issue of issues) {
    expect(issue.message).not.toMatch(/^internal error/);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lines.length);
    expect(issue.col).toBeGreaterThanOrEqual(1);
    expect(issue.col).toBeLessThanOrEqual((lines[issue.line - 1]?.length ?? 0) + 1);
  }
  if (result.ok) {
    for (const item of result.pack.items) {
      expect(item.line).toBeGreaterThanOrEqual(1);
      expect(item.line).toBeLessThanOrEqual(lines.length);
    }
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
  }
}

function check(name: string, text: string): void {
  // No clock here (speed belongs to `npm run bench`): a parser that hangs fails the
  // test through its timeout instead.
  let result: ParseResult | undefined;
  expect(() => {
    result = parseImportFile(name, text);
  }).not.toThrow();
  assertInside(text, result!);
}

/** Cuts, splices, duplicates and truncates a seed text with pieces of the format's syntax. */
function mutated(seeds: readonly string[], fragments: readonly string[]): fc.Arbitrary<string> {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([seed, mutations]) => {
    let text = seed;
    for (const m of mutations) {
      const at = text.length === 0 ? 0 : m.at % (text.length + 1);
      if (m.kind === 'insert') text = text.slice(0, at) + m.piece + text.slice(at);
      else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
      else if (m.kind === 'truncate') text = text.slice(0, at);
      else {
        const lines = text.split('\n');
        const line = lines.length === 0 ? 0 : m.at % lines.length;
        lines.splice(line, 0, lines[line] ?? '');
        text = lines.join('\n');
      }
    }
    return text;
  });
}

/** Lines assembled from the format's syntax. */
function assembled(fragments: readonly string[]): fc.Arbitrary<string> {
  const line = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(''));
  return fc
    .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([lines, newline]) => lines.join(newline));
}

const MARKDOWN_FRAGMENTS = [
  '- [ ] ', '- [x] ', '* [ ] ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '    ', '\t', '# ', '## ', '### ', '#### ', '> ', '> Why: ',
  '**', '*', '_', '`', '```', '```mermaid\nflowchart TD\n  a --> b\n', '```\n', '==', '==5%==', '{#id}', '{.memory}', '{#a .memory}', '{',
  '}', '<!--', '-->', '<!-- c -->', '<b>', '</b>', '| a | ☐ |', '|---|---|', '| ', ' |', '☐', '✅ ', '[ ]', '[x]', '---', '---\ntitle: T\n---\n',
  'rarity: rare', 'text', 'Why:', '[link](http://x)', '\\', '\n', '\n\n',
];

const YAML_FRAGMENTS = [
  'kata: 1\n', 'nodes:\n', '  a:\n', '    ask: Q?\n', '    do: x\n', '    answers:\n', '      - { label: yes, next: a }\n', '      - label: no\n',
  '        next: b\n', '    outcome: ok\n', 'start: a\n', 'rarity: rare\n', 'time_limit: 5m\n', 'sections: [{ id: s, title: S, nodes: [a] }]\n',
  ':', '-', '{', '}', '[', ']', '"', "'", '&x', '*x', '!!str', '#', '  ', '\t', '? ', '|', '>', '%YAML 1.2\n', '---\n', '...\n', '__proto__', 'null', '~',
];

const CSV_FRAGMENTS = [',', '"', '""', '\n', '\r\n', 'front,back', 'q', 'a', ' ', ';', 'tag1 tag2', ',,,', '"a,b"', '"\n"'];

describe('property: parsers never throw, stay fast, and point inside the text', () => {
  it('mutated Markdown (corpus, samples, formats.md example)', () => {
    fc.assert(fc.property(mutated(MARKDOWN_SEEDS, MARKDOWN_FRAGMENTS), (text) => check('mutated.md', text)), { numRuns: 300 });
  });

  it('assembled Markdown', () => {
    fc.assert(fc.property(assembled(MARKDOWN_FRAGMENTS), (text) => check('random.md', text)), { numRuns: 300 });
  });

  it('mutated and assembled YAML trees', () => {
    fc.assert(fc.property(mutated(YAML_SEEDS, YAML_FRAGMENTS), (text) => check('mutated.yaml', text)), { numRuns: 300 });
    fc.assert(fc.property(assembled(YAML_FRAGMENTS), (text) => check('random.yaml', text)), { numRuns: 200 });
  });

  it('mutated JSON trees', () => {
    const json = JSON.stringify({ kata: 1, nodes: { a: { ask: 'Q?', answers: [{ label: 'yes', next: 'b' }] }, b: { do: 'x', outcome: 'ok' } } }, null, 2);
    fc.assert(fc.property(mutated([json], ['{', '}', '[', ']', ',', '"', ':', 'null', '"next": "zz"']), (text) => check('mutated.json', text)), {
      numRuns: 200,
    });
  });

  it('mutated and assembled CSV', () => {
    fc.assert(fc.property(mutated(CSV_SEEDS, CSV_FRAGMENTS), (text) => check('mutated.csv', text)), { numRuns: 300 });
    fc.assert(fc.property(assembled(CSV_FRAGMENTS), (text) => check('random.csv', text)), { numRuns: 200 });
  });

  it('any Unicode text, for every format', () => {
    const names = ['x.md', 'x.yaml', 'x.json', 'x.csv'];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(...names), (text, name) => check(name, text)),
      { numRuns: 400 },
    );
  });
});

describe('property: bytes', () => {
  it('decodeImportBytes agrees with a fatal TextDecoder on well-formedness and text', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    const byte = fc.oneof(fc.integer({ min: 0x01, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => x || 1)),
      fc.array(byte, { maxLength: 64 }).map((b) => Uint8Array.from(b)),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => new TextEncoder().encode(s.replace(/\0/g, ''))),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        if (input[0] === 0xff || input[0] === 0xfe) return; // UTF-16 byte order marks are refused on purpose
        let expected: string | null;
        try {
          expected = fatal.decode(input);
        } catch {
          expected = null;
        }
        const result = decodeImportBytes(input, 'x.md');
        if (expected === null) expect(result.ok).toBe(false);
        else expect(result).toEqual({ ok: true, text: expected });
      }),
      { numRuns: 1000 },
    );
  });

  it('parseImportBytes never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('x.md', 'x.yaml', 'x.csv'), (input, name) => {
        const result = parseImportBytes(name, input);
        const issues = result.ok ? result.warnings : result.errors;
        for (const issue of issues) {
          expect(issue.message).not.toMatch(/^internal error/);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.col).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: stress shapes stay fast', () => {
  it.each([
    ['deep blockquotes', `${'>'.repeat(5_000)} text`],
    ['deep emphasis', `- ${'*'.repeat(4_000)}x${'*'.repeat(4_000)}`],
    ['deep lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level`).join('\n')],
    ['many key values', `- ${'==v== '.repeat(1_500)}`],
    ['long table', `| a | ☐ |\n|---|---|\n${'| row | ☐ |\n'.repeat(5_000)}`],
    ['many brackets', `- ${'['.repeat(5_000)}`],
  ])('%s', (_name, text) => {
    check('stress.md', text);
  });

  it('a deeply nested YAML flow collection', () => {
    check('deep.yaml', `kata: 1\nnodes: ${'['.repeat(2_000)}${']'.repeat(2_000)}`);
  });
});
