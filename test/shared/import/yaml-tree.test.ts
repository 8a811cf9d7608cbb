import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PackSource } from '../../../shared/model';
import { parseYamlTree } from '../../../shared/import/yaml-tree/index';
import { treeJsonSchema } from '../../../shared/import/yaml-tree/schema';
import { parseImportFile } from '../../../shared/import/parse-file';
import type { ParseResult } from '../../../shared/import/result';

const yaml = (...lines: string[]): string => lines.join('\n');

function packOf(text: string, file = 'tree.yaml'): PackSource {
  const result = parseImportFile(file, text);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.pack;
}

function errorsOf(text: string, file = 'tree.yaml'): (ParseResult & { ok: false })['errors'] {
  const result = parseImportFile(file, text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

// The sketch of formats.md, verbatim.
const FORMATS_EXAMPLE = yaml(
  'kata: 1',
  'title: Feature drift alert',
  'rarity: rare',
  'time_limit: 5m',
  'start: check-psi',
  'nodes:',
  '  check-psi:',
  '    ask: Is PSI for the alerting feature above 0.25?',
  '    why: 0.25 is the usual threshold for a significant shift.',
  '    answers:',
  '      - label: "yes"',
  '        next: check-upstream',
  '      - label: "no"',
  '        next: annotate',
  '  check-upstream:',
  '    ask: Did an upstream schema or source change ship in the last 24 hours?',
  '    answers:',
  '      - { label: "yes", next: rollback-source }',
  '      - { label: "no", next: retrain }',
  '  rollback-source: { do: Roll back the upstream change and backfill, outcome: ok }',
  '  retrain:         { do: Trigger retraining on the last 30 days, outcome: ok }',
  '  annotate:        { do: Annotate the dashboard and keep watching, outcome: ok }',
);

describe('the formats.md sketch', () => {
  const pack = packOf(FORMATS_EXAMPLE, 'drift.yaml');

  it('is a tree pack with its metadata and root', () => {
    expect(pack).toMatchObject({
      title: 'Feature drift alert',
      kind: 'tree',
      format: 'yaml',
      sourceName: 'drift.yaml',
      meta: { tags: [], rarity: 'rare', timeLimitMs: 300_000 },
      rootId: 'check-psi',
      sections: [],
    });
  });

  it('has decisions and outcomes, keyed by node id, at their key positions', () => {
    expect(pack.items.map((i) => [i.id, i.kind, i.outcome ?? null, i.line, i.col])).toEqual([
      ['check-psi', 'decision', null, 7, 3],
      ['check-upstream', 'decision', null, 15, 3],
      ['rollback-source', 'outcome', 'ok', 20, 3],
      ['retrain', 'outcome', 'ok', 21, 3],
      ['annotate', 'outcome', 'ok', 22, 3],
    ]);
    expect(pack.items[0]).toMatchObject({
      text: 'Is PSI for the alerting feature above 0.25?',
      rationale: '0.25 is the usual threshold for a significant shift.',
      order: 0,
    });
  });

  it('has one labelled edge per answer, at the line of its `next`', () => {
    expect(pack.edges).toEqual([
      { from: 'check-psi', to: 'check-upstream', label: 'yes', line: 12 },
      { from: 'check-psi', to: 'annotate', label: 'no', line: 14 },
      { from: 'check-upstream', to: 'rollback-source', label: 'yes', line: 18 },
      { from: 'check-upstream', to: 'retrain', label: 'no', line: 19 },
    ]);
  });
});

describe('Kata tree nodes', () => {
  it('`do` + `next` is an action with an unlabelled edge; observe, notes, feedback, memory, key values are kept', () => {
    const pack = packOf(
      yaml(
        'kata: 1',
        'nodes:',
        '  page:',
        '    do: Page the on-call within ==5 minutes==',
        '    next: decide',
        '    memory: true',
        '    observe: The dashboard is red',
        '    notes: [Use the phone bridge]',
        '  decide:',
        '    ask: Is it fixed?',
        '    answers:',
        '      - { label: yes, next: done, feedback: Good. }',
        '      - { label: no, next: page }',
        '  done: { do: Close the incident, outcome: ok }',
      ),
    );
    expect(pack.rootId).toBe('page');
    expect(pack.items[0]).toMatchObject({
      id: 'page',
      kind: 'action',
      keyValues: ['5 minutes'],
      memory: true,
      observe: ['The dashboard is red'],
      notes: ['Use the phone bridge'],
    });
    expect(pack.items[1]!.answerFeedback).toEqual({ yes: 'Good.' });
    expect(pack.edges[0]).toEqual({ from: 'page', to: 'decide', line: 5 });
  });

  it('sections group nodes', () => {
    const pack = packOf(
      yaml('kata: 1', 'sections:', '  - { id: triage, title: Triage, nodes: [a] }', 'nodes:', '  a: { do: x, next: b }', '  b: { do: y }'),
    );
    expect(pack.sections).toEqual([{ id: 'triage', title: 'Triage', line: 3 }]);
    expect(pack.items.map((i) => i.sectionId)).toEqual(['triage', undefined]);
  });

  it('warns about nodes that cannot be reached from the start', () => {
    const result = parseImportFile('t.yaml', yaml('kata: 1', 'start: a', 'nodes:', '  a: { do: x }', '  lost: { do: y }'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { file: 't.yaml', line: 5, col: 3, message: 'node "lost" cannot be reached from the start node "a"', severity: 'warning' },
    ]);
  });

  it('the title falls back to the file name', () => {
    expect(packOf(yaml('kata: 1', 'nodes:', '  a: { do: x }'), 'trees/disk-full.yml').title).toBe('Disk full');
  });
});

describe('Kata tree errors point at the YAML node', () => {
  it('`next` to an unknown node: error at that value', () => {
    const errors = errorsOf(yaml('kata: 1', 'nodes:', '  a:', '    ask: Q?', '    answers:', '      - { label: yes, next: b }', '      - { label: no, next: nowhere }', '  b: { do: x }'));
    expect(errors).toEqual([
      { file: 'tree.yaml', line: 7, col: 28, message: 'unknown node "nowhere" (nodes: a, b)', severity: 'error' },
    ]);
  });

  it('an unknown `start`', () => {
    expect(errorsOf(yaml('kata: 1', 'start: begin', 'nodes:', '  a: { do: x }'))[0]).toMatchObject({ line: 2, col: 8 });
  });

  it('a wrong outcome value, with what was expected and found', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a:', '    do: x', '    outcome: maybe'))).toEqual([
      { file: 'tree.yaml', line: 5, col: 14, message: 'nodes.a.outcome: expected "ok" or "fail", found "maybe"', severity: 'error' },
    ]);
  });

  it('an unknown key (a typo) at the key', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a:', '    ask: Q?', '    anwsers: []'))[0]).toEqual({
      file: 'tree.yaml',
      line: 5,
      col: 5,
      message: 'unknown key "anwsers" in nodes.a',
      severity: 'error',
    });
  });

  it('a missing `kata: 1`', () => {
    const [error] = errorsOf(yaml('title: Not a tree', 'nodes:', '  a: { do: x }'));
    expect(error).toMatchObject({ line: 1, col: 1 });
    expect(error!.message).toContain('kata: 1');
  });

  it('a wrong rarity at its value (same rules as front matter)', () => {
    expect(errorsOf(yaml('kata: 1', 'rarity: often', 'nodes:', '  a: { do: x }'))[0]).toMatchObject({ line: 2, col: 9 });
  });

  it('a node with neither ask nor do, or both', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { why: because }'))[0]).toMatchObject({ line: 3, col: 3 });
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { ask: Q?, do: x, answers: [{ label: y, next: a }] }'))[0]!.message).toContain('not both');
  });

  it('ask without answers; answers on an action; next with outcome', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { ask: Q? }'))[0]!.message).toContain('no `answers`');
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { do: x, answers: [{ label: y, next: a }] }'))[0]!.message).toContain('belong to a decision');
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { do: x, next: b, outcome: ok }', '  b: { do: y }'))[0]!.message).toContain('remove `next` or `outcome`');
  });

  it('a blank text', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { do: "  " }'))[0]).toMatchObject({ line: 3, col: 12 });
  });

  it('a duplicate answer label', () => {
    const errors = errorsOf(yaml('kata: 1', 'nodes:', '  a:', '    ask: Q?', '    answers:', '      - { label: yes, next: a }', '      - { label: Yes, next: a }'));
    expect(errors[0]).toMatchObject({ line: 7, col: 18 });
  });

  it('YAML syntax errors at their position', () => {
    const [error] = errorsOf(yaml('kata: 1', 'nodes:', '  a: { do: x', '  b: y'));
    expect(error!.message).toMatch(/^YAML: /);
    expect(error!.line).toBeGreaterThanOrEqual(3);
  });

  it('a duplicate node id (duplicate YAML key)', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { do: x }', '  a: { do: y }'))[0]).toMatchObject({ line: 4, col: 3 });
  });

  it('a node id with a space, at the key', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a b: { do: x }'))[0]).toMatchObject({
      line: 3,
      col: 3,
      message: 'nodes: key "a b": expected a node id without spaces or slashes',
    });
  });

  it('a missing required key, at the mapping that lacks it', () => {
    expect(errorsOf(yaml('kata: 1', 'nodes:', '  a: { ask: Q, answers: [{ label: y }] }'))[0]).toMatchObject({
      line: 3,
      col: 26,
      message: 'nodes.a.answers[0].next: missing (expected a node id)',
    });
  });

  it('a wrong version', () => {
    expect(errorsOf(yaml('kata: 2', 'nodes:', '  a: { do: x }'))[0]).toMatchObject({ line: 1, col: 7 });
  });

  it('a document that is not a mapping', () => {
    expect(errorsOf('- a\n- b')[0]).toMatchObject({ line: 1, col: 1 });
  });
});

describe('JSON trees', () => {
  const json = JSON.stringify(
    { kata: 1, title: 'Disk full', start: 'a', nodes: { a: { ask: 'Over 90%?', answers: [{ label: 'yes', next: 'b' }, { label: 'no', next: 'c' }] }, b: { do: 'Clean up', outcome: 'ok' }, c: { do: 'Watch' } } },
    null,
    2,
  );

  it('parse with the same rules', () => {
    const pack = packOf(json, 'disk.json');
    expect(pack).toMatchObject({ title: 'Disk full', kind: 'tree', format: 'json', rootId: 'a' });
    expect(pack.items.map((i) => i.kind)).toEqual(['decision', 'outcome', 'outcome']);
  });

  it('have positions for errors', () => {
    const broken = json.replace('"next": "c"', '"next": "zzz"');
    const [error] = errorsOf(broken, 'disk.json');
    const line = broken.split('\n').findIndex((l) => l.includes('"zzz"')) + 1;
    expect(error).toMatchObject({ line, message: expect.stringContaining('unknown node "zzz"') });
  });

  it('accept tab indentation', () => {
    expect(packOf('{\n\t"kata": 1,\n\t"nodes": {\n\t\t"a": {"do": "x"}\n\t}\n}\n', 't.json').items).toHaveLength(1);
  });
});

describe('JSON Schema', () => {
  const file = new URL('../../../resources/kata-tree.schema.json', import.meta.url);
  const generated = `${JSON.stringify(treeJsonSchema(), null, 2)}\n`;
  // Regenerate after a schema change: UPDATE_TREE_SCHEMA=1 npx vitest run test/shared/import/yaml-tree.test.ts
  if (process.env.UPDATE_TREE_SCHEMA === '1') writeFileSync(file, generated);

  it('the committed resources/kata-tree.schema.json is the generated one', () => {
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('describes the tree format (kata, nodes, answers)', () => {
    const schema = treeJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['kata', 'nodes']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['kata', 'title', 'rarity', 'time_limit', 'start', 'nodes', 'sections']));
  });
});

describe('parseYamlTree directly', () => {
  it('never throws on odd input', () => {
    for (const text of ['', '~', '[]', 'kata: 1', 'kata: 1\nnodes: {}', 'kata: 1\nnodes: []', 'a: &x [*x]', 'kata: 1\nnodes:\n  __proto__: { do: x }', 'kata: 1\nnodes:\n  a: { do: x, next: constructor }']) {
      expect(() => parseYamlTree(text, 'x.yaml')).not.toThrow();
    }
    expect(parseYamlTree('kata: 1\nnodes: {}', 'x.yaml').ok).toBe(false);
    expect(parseYamlTree('kata: 1\nnodes:\n  a: { do: x, next: constructor }', 'x.yaml').ok).toBe(false);
  });
});
