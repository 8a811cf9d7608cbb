import { describe, expect, it } from 'vitest';
import type { ItemSource, PackSource } from '../../../shared/model';
import { parseImportFile } from '../../../shared/import/parse-file';
import { IMPORT_LIMITS } from '../../../shared/import/limits';
import { FORMATS_MD_EXAMPLE, errorsOf, md, packOf } from './markdown-helpers';
import { parseMarkdown } from '../../../shared/import/markdown/index';


const texts = (items: readonly ItemSource[]): string[] => items.map((item) => item.text);
const byText = (pack: PackSource, text: string): ItemSource => {
  const item = pack.items.find((i) => i.text === text);
  if (!item) throw new Error(`no item "${text}" in ${JSON.stringify(texts(pack.items))}`);
  return item;
};

const FORMATS_EXAMPLE = FORMATS_MD_EXAMPLE;

describe('the formats.md example', () => {
  const pack = packOf(FORMATS_EXAMPLE, 'model-deployment.md');

  it('is one checklist pack with front matter', () => {
    expect(pack).toMatchObject({
      title: 'Model deployment checklist',
      kind: 'checklist',
      format: 'markdown',
      sourceName: 'model-deployment.md',
      meta: { tags: [], rarity: 'occasional', timeLimitMs: 600_000 },
      edges: [],
    });
  });

  it('has both sections, in order, with their lines', () => {
    expect(pack.sections).toEqual([
      { id: 'before-deploy', title: 'Before deploy', line: 8, depth: 0 },
      { id: 'rollout', title: 'Rollout', line: 14, depth: 0 },
    ]);
  });

  it('has every step in reading order with sections, sub-steps, rationale, key values and ids', () => {
    expect(pack.items).toEqual([
      {
        id: 'before-deploy:confirm-offline-metrics-beat-the-current-model',
        kind: 'step',
        text: 'Confirm offline metrics beat the current model on the holdout set',
        sectionId: 'before-deploy',
        order: 0,
        rationale: 'a regression caught here costs minutes; in production it costs days.',
        notes: [],
        keyValues: [],
        memory: false,
        tags: [],
        line: 9,
        col: 1,
      },
      {
        id: 'before-deploy:auc-improves-by-at-least-0-005',
        kind: 'step',
        text: 'AUC improves by at least 0.005',
        inline: [
          { type: 'text', value: 'AUC improves by at least ' },
          { type: 'key', children: [{ type: 'text', value: '0.005' }] },
        ],
        sectionId: 'before-deploy',
        parentId: 'before-deploy:confirm-offline-metrics-beat-the-current-model',
        order: 1,
        notes: [],
        keyValues: ['0.005'],
        memory: false,
        tags: [],
        line: 11,
        col: 3,
      },
      {
        id: 'freeze-schema',
        kind: 'step',
        text: 'Freeze the feature schema',
        sectionId: 'before-deploy',
        order: 2,
        notes: [],
        keyValues: [],
        memory: false,
        tags: [],
        line: 12,
        col: 1,
      },
      {
        id: 'rollout:shadow-traffic-for-24-hours',
        kind: 'step',
        text: 'Shadow traffic for 24 hours',
        inline: [
          { type: 'text', value: 'Shadow traffic for ' },
          { type: 'key', children: [{ type: 'text', value: '24 hours' }] },
        ],
        sectionId: 'rollout',
        order: 3,
        notes: [],
        keyValues: ['24 hours'],
        memory: false,
        tags: [],
        line: 15,
        col: 1,
      },
      {
        id: 'rollout:ramp-to-5-then-50-then-100',
        kind: 'step',
        text: 'Ramp to 5%, then 50%, then 100%',
        sectionId: 'rollout',
        order: 4,
        notes: [],
        keyValues: [],
        memory: false,
        tags: [],
        line: 16,
        col: 1,
      },
    ]);
  });
});

describe('title', () => {
  it('is the front matter title first', () => {
    expect(packOf(md('---', 'title: From front matter', '---', '# From heading', '- a')).title).toBe('From front matter');
  });

  it('else the first # heading', () => {
    expect(packOf(md('Intro', '', '# First *heading*', '- a', '# Second', '- b')).title).toBe('First heading');
  });

  it('else the file name without folders and extension', () => {
    expect(packOf('- a', 'docs/ops/db-failover.md').title).toBe('Db failover');
    expect(packOf('- a', '03_release-checklist.md').title).toBe('Release checklist');
  });
});

describe('sections', () => {
  it('are headings of every level, in order, nested under their parents; the title # is not one, a later # is', () => {
    const pack = packOf(md('# Title', '- a', '## Two', '- b', '### Three', '- c', '#### Four', '- d', '##### Five', '- f', '## Six', '- g', '# Later', '- e'));
    expect(pack.sections.map((s) => [s.title, s.parentId ?? null, s.depth])).toEqual([
      ['Two', null, 0],
      ['Three', 'two', 1],
      ['Four', 'three', 2],
      ['Five', 'four', 3],
      ['Six', null, 0],
      ['Later', null, 0],
    ]);
    expect(pack.items.map((i) => [i.text, i.sectionId])).toEqual([
      ['a', undefined],
      ['b', 'two'],
      ['c', 'three'],
      ['d', 'four'],
      ['f', 'five'],
      ['g', 'six'],
      ['e', 'later'],
    ]);
  });

  it('two #### phases of a playbook stay two sections: the same step in each is no duplicate', () => {
    const result = parseMarkdown(
      md('# Playbook', '### Phase 1: Contain', '#### Isolate', '- [ ] Check logs', '#### Eradicate', '- [ ] Check logs'),
      'playbook.md',
    );
    if (!result.ok) throw new Error('expected ok');
    expect(result.pack.sections.map((s) => s.title)).toEqual(['Phase 1: Contain', 'Isolate', 'Eradicate']);
    expect(result.warnings).toEqual([]);
    expect(result.pack.items.map((i) => i.id)).toEqual(['isolate:check-logs', 'eradicate:check-logs']);
  });

  it('a heading that holds only sub-sections with steps is kept, as their parent', () => {
    const pack = packOf(md('## Response', '### Contain', '- a'));
    expect(pack.sections).toEqual([
      { id: 'response', title: 'Response', line: 1, depth: 0 },
      { id: 'contain', title: 'Contain', line: 2, parentId: 'response', depth: 1 },
    ]);
  });

  it('warn when a heading has no content at all, and are left out when they hold no step', () => {
    const result = parseMarkdown(md('# T', '## Empty', '## Prose only', 'Just words.', '## Steps', '- a'), 'x.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.sections.map((s) => s.title)).toEqual(['Steps']);
    expect(result.warnings).toEqual([{ file: 'x.md', line: 2, col: 1, message: 'section "Empty" is empty', severity: 'warning' }]);
  });

  it('take an explicit id from {#id} on the heading; same titles get unique ids', () => {
    const pack = packOf(md('## Rollout {#go-live}', '- a', '## Checks', '- b', '## Checks', '- c'));
    expect(pack.sections.map((s) => [s.id, s.title])).toEqual([
      ['go-live', 'Rollout'],
      ['checks', 'Checks'],
      ['checks-2', 'Checks'],
    ]);
  });

  it('are not started by one emphasised sentence before a task list; a bold label still starts one', () => {
    const pack = packOf(md('## Deploy', '- [ ] a', '', '*Tick each box when it is done.*', '- [ ] b', '', '**Afterwards:**', '- [ ] c'));
    expect(pack.sections.map((s) => s.title)).toEqual(['Deploy', 'Afterwards']);
    expect(pack.items.map((i) => i.sectionId)).toEqual(['deploy', 'deploy', 'afterwards']);
  });

  it('start at a short plain or bold line directly followed by a task list (checklists without headings)', () => {
    const pack = packOf(md('For all models, check:', '- [ ] a', '- [ ] b', '', '**For datasets:**', '- [ ] c'));
    expect(pack.sections.map((s) => [s.title, s.line])).toEqual([
      ['For all models, check', 1],
      ['For datasets', 5],
    ]);
    expect(pack.items.map((i) => i.sectionId)).toEqual(['for-all-models-check', 'for-all-models-check', 'for-datasets']);
  });

  it('but an intro line under a heading that has no steps yet is not a section', () => {
    const pack = packOf(md('## Immediate actions', 'Do these from recall:', '', '- [ ] a'));
    expect(pack.sections.map((s) => s.title)).toEqual(['Immediate actions']);
  });
});

describe('steps', () => {
  it('come from task items (- and *), bullets (- * +) and numbered items, in order; the checkbox state is ignored', () => {
    expect(texts(packOf(md('- [ ] one', '- [x] two', '* [X] three', '', '1. four')).items)).toEqual(['one', 'two', 'three']);
    expect(texts(packOf(md('- one', '* two', '+ three', '', '1. four', '2) five')).items)).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('nest as sub-steps with parentId, at any depth, in reading order', () => {
    const pack = packOf(md('- [ ] a', '  - [ ] a1', '    - [ ] a1x', '  - [ ] a2', '- [ ] b'));
    expect(pack.items.map((i) => [i.text, i.parentId, i.order])).toEqual([
      ['a', undefined, 0],
      ['a1', 'a', 1],
      ['a1x', 'a1', 2],
      ['a2', 'a', 3],
      ['b', undefined, 4],
    ]);
  });

  it('refuse nesting deeper than the depth limit', () => {
    const lines = Array.from({ length: IMPORT_LIMITS.maxDepth + 1 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`);
    const { errors } = errorsOf(md(...lines));
    expect(errors[0]).toMatchObject({ line: IMPORT_LIMITS.maxDepth + 1, col: IMPORT_LIMITS.maxDepth * 2 + 1 });
    expect(errors[0]!.message).toContain(`more than ${IMPORT_LIMITS.maxDepth} levels`);
    expect(parseMarkdown(md(...lines.slice(0, -1)), 'x.md').ok).toBe(true);
  });

  it('join continuation lines with single spaces', () => {
    expect(texts(packOf(md('- [ ] Run the benchmarks, check for', '  regressions.')).items)).toEqual(['Run the benchmarks, check for regressions.']);
    expect(texts(packOf('- [ ] Run the benchmarks, check for\r\n  regressions.').items)).toEqual(['Run the benchmarks, check for regressions.']);
  });

  it('read as plain text, with inline Markdown (emphasis, code, links’ text) in the tree', () => {
    const pack = packOf('- [ ] Run *bumpversion* with `--new` per [the guide](https://example.com/guide) **now**');
    expect(pack.items[0]!.text).toBe('Run bumpversion with --new per the guide now');
    expect(pack.items[0]!.inline).toEqual([
      { type: 'text', value: 'Run ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'bumpversion' }] },
      { type: 'text', value: ' with ' },
      { type: 'code', value: '--new' },
      { type: 'text', value: ' per ' },
      { type: 'link', children: [{ type: 'text', value: 'the guide' }] },
      { type: 'text', value: ' ' },
      { type: 'strong', children: [{ type: 'text', value: 'now' }] },
    ]);
  });

  it('a step that starts with a bold label inside emphasis reads as CommonMark reads it', () => {
    const pack = packOf('- ***Loss of observability:** Metrics stop arriving*');
    expect(pack.items[0]!.text).toBe('Loss of observability: Metrics stop arriving');
    expect(pack.items[0]!.inline).toEqual([
      {
        type: 'emphasis',
        children: [{ type: 'strong', children: [{ type: 'text', value: 'Loss of observability:' }] }, { type: 'text', value: ' Metrics stop arriving' }],
      },
    ]);
  });

  it('decode character references, resolve reference links and images, and drop inline HTML', () => {
    const pack = packOf(
      md(
        '- &nbsp;&nbsp;Ask R&amp;D &mdash; then [the docs admin][rtd] ![High][high_img]',
        '- <a name="ref-1"></a>Rotate the keys',
        '',
        '[rtd]: https://readthedocs.org',
        '[high_img]: high.png',
      ),
    );
    expect(pack.items.map((i) => i.text)).toEqual(['Ask R&D — then the docs admin High', 'Rotate the keys']);
    expect(pack.items[1]!.inline).toBeUndefined();
  });

  it('drop HTML: comments and tags go, formatting tags become marks, scripts go with their content', () => {
    const pack = packOf('- [ ] Press <kbd>Enter</kbd> <script>alert(1)</script> <!-- not shown --> <b>now</b>');
    expect(pack.items[0]!.text).toBe('Press Enter now');
    expect(pack.items[0]!.inline).toEqual([
      { type: 'text', value: 'Press ' },
      { type: 'code', value: 'Enter' },
      { type: 'text', value: ' ' },
      { type: 'strong', children: [{ type: 'text', value: 'now' }] },
    ]);
  });

  it('skip a task whose only text is an HTML comment, with a warning', () => {
    const result = parseMarkdown(md('### Changes Made', '- [ ] <!-- List specific changes -->', '- [ ] Real change'), 'pr.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(texts(result.pack.items)).toEqual(['Real change']);
    expect(result.warnings).toEqual([
      { file: 'pr.md', line: 2, col: 1, message: 'task has only an HTML comment; skipped', severity: 'warning' },
    ]);
  });

  it('with empty text are an error at the exact line and column', () => {
    const text = md('# Runbook', '', '## Steps', '- [ ] a', '- [ ] {#only-an-id}');
    expect(errorsOf(text).errors).toEqual([{ file: 'runbook.md', line: 5, col: 7, message: 'step text is empty', severity: 'error' }]);
  });

  it('an empty task `- [ ]` is an error where its text should be', () => {
    const lines = Array.from({ length: 13 }, (_, i) => (i === 0 ? '# Runbook' : i === 2 ? '## Steps' : i > 2 ? `- [ ] step ${i}` : ''));
    const { errors } = errorsOf(md(...lines, '- [ ]', '- [ ] after'));
    expect(errors).toEqual([{ file: 'runbook.md', line: 14, col: 3, message: 'step text is empty', severity: 'error' }]);
  });

  it('an empty bullet is an error after its marker', () => {
    expect(errorsOf(md('- a', '-', '- b')).errors[0]).toMatchObject({ line: 2, col: 2, message: 'step text is empty' });
  });

  it('a file with no steps at all is an error', () => {
    const { errors } = errorsOf(md('# Just prose', '', 'Nothing to do here.'));
    expect(errors[0]).toMatchObject({ line: 1, col: 1 });
    expect(errors[0]!.message).toMatch(/^no steps found/);
  });
});

describe('where a file has task items', () => {
  const text = md(
    '# Runbook',
    '## Monitoring',
    '- **Signals**: latency, errors',
    '## Checklist',
    '- [ ] First task',
    '- informational bullet',
    '- [ ] Second task',
    '',
    '- note right after the list',
    '',
    'Prose.',
    '',
    '- unrelated bullet',
    '## Rollout',
    '1. Numbered step in a section without tasks',
    '- bullet in a section without tasks',
  );
  const pack = packOf(text);

  it('only task items (and their sub-items) are steps in sections with tasks; numbered lists elsewhere are steps', () => {
    expect(texts(pack.items)).toEqual(['First task', 'Second task', 'Numbered step in a section without tasks']);
  });

  it('other lists are notes of the step they follow', () => {
    expect(byText(pack, 'First task').notes).toEqual(['informational bullet']);
    expect(byText(pack, 'Second task').notes).toEqual(['note right after the list']);
  });

  it('plain sub-items of a task are its notes, at every depth; tasks under them are sub-steps', () => {
    const nested = packOf(md('* [ ] Evaluation metrics are reasonable:', '  * F1', '  * MAE', '    * [ ] MAE below ==0.2==', '      * [Grafana](https://grafana)'));
    expect(nested.items.map((i) => [i.text, i.parentId, i.notes])).toEqual([
      ['Evaluation metrics are reasonable:', undefined, ['F1', 'MAE']],
      ['MAE below 0.2', 'evaluation-metrics-are-reasonable', ['Grafana']],
    ]);
  });

  it('tasks nested under a plain bullet are still steps', () => {
    expect(texts(packOf(md('- Group', '  - [ ] inner task', '- other')).items)).toEqual(['inner task']);
  });
});

describe('rationale and notes', () => {
  it('a blockquote starting with Why: is the rationale (also **Why:**)', () => {
    const pack = packOf(md('- [ ] a', '  > Why: because it *matters*', '- [ ] b', '  > **Why:** reasons'));
    expect(pack.items.map((i) => i.rationale)).toEqual(['because it matters', 'reasons']);
    expect(pack.items[0]!.rationaleInline).toEqual([
      { type: 'text', value: 'because it ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'matters' }] },
    ]);
  });

  it('a Why: blockquote right after a step list (not indented) is the last step’s rationale', () => {
    expect(packOf(md('- [ ] a', '> Why: forgotten indent')).items[0]!.rationale).toBe('forgotten indent');
  });

  it('other paragraphs, blockquotes and code in a step are notes', () => {
    const pack = packOf(md('- [ ] a', '', '  More detail here.', '', '  > Careful with prod.', '', '  ```bash', '  kubectl get pods', '  ```'));
    expect(pack.items[0]).toMatchObject({ text: 'a', notes: ['More detail here.', 'Careful with prod.', 'kubectl get pods'] });
    expect(pack.items[0]!.rationale).toBeUndefined();
  });
});

describe('==key values==', () => {
  it('are listed in order, plain, and marked in the tree (a cloze blanks the n-th); the text has no markers', () => {
    const pack = packOf('- [ ] Ramp to ==5%==, then ==**50%**== within ==2&nbsp;hours== for ==R&amp;D==');
    expect(pack.items[0]).toMatchObject({ text: 'Ramp to 5%, then 50% within 2\u00a0hours for R&D', keyValues: ['5%', '50%', '2 hours', 'R&D'] });
    expect(pack.items[0]!.inline?.filter((node) => node.type === 'key')).toHaveLength(4);
  });

  it('ignore == inside inline code', () => {
    expect(packOf('- [ ] Check `a==b==c` is ==true==').items[0]!.keyValues).toEqual(['true']);
  });

  it('do not count in derived ids (the markers are dropped, the value kept)', () => {
    expect(packOf('- [ ] Wait ==24 hours==').items[0]!.id).toBe('wait-24-hours');
  });
});

describe('attributes {#id} {.memory}', () => {
  it('set an explicit id, the memory flag, or both, and are stripped from the text', () => {
    const pack = packOf(md('- [ ] Declare the incident {#declare .memory}', '- [ ] Switch to fallback {.memory}', '- [ ] Freeze deploys {#freeze}', '- [ ] Plain'));
    expect(pack.items.map((i) => [i.id, i.text, i.memory])).toEqual([
      ['declare', 'Declare the incident', true],
      ['switch-to-fallback', 'Switch to fallback', true],
      ['freeze', 'Freeze deploys', false],
      ['plain', 'Plain', false],
    ]);
  });

  it('only count at the end of the step text', () => {
    expect(packOf('- [ ] Use {#not-an-id} here').items[0]).toMatchObject({ text: 'Use {#not-an-id} here', id: 'use-not-an-id-here' });
  });

  it('warn about unknown classes', () => {
    const result = parseMarkdown('- [ ] a {.urgent}', 'x.md');
    expect(result.ok && result.pack.items[0]!.text).toBe('a');
    expect(result.warnings[0]).toMatchObject({ line: 1, col: 1, severity: 'warning' });
    expect(result.warnings[0]!.message).toContain('.urgent');
  });

  it('a repeated explicit id is an error at the second step', () => {
    expect(errorsOf(md('- [ ] a {#same}', '- [ ] b {#same}')).errors).toEqual([
      { file: 'runbook.md', line: 2, col: 1, message: 'duplicate id "same" (first used at line 1)', severity: 'error' },
    ]);
  });
});

describe('derived ids', () => {
  it('are section id + slug of the text, stable across parses', () => {
    const text = md('## Before Deploy', '- [ ] Confirm **offline** metrics — beat the holdout!');
    expect(packOf(text).items[0]!.id).toBe('before-deploy:confirm-offline-metrics-beat-the-holdout');
    expect(packOf(text).items[0]!.id).toBe(packOf(text).items[0]!.id);
  });

  it('keep letters of any script', () => {
    expect(packOf('- [ ] Überprüfe 日志').items[0]!.id).toBe('uberprufe-日志');
  });

  it('are deduplicated with a warning', () => {
    const result = parseMarkdown(md('- [ ] Check logs', '- [ ] Check logs'), 'x.md');
    expect(result.ok && result.pack.items.map((i) => i.id)).toEqual(['check-logs', 'check-logs-2']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 2, col: 1, severity: 'warning' });
  });

  it('never take an explicit id', () => {
    const pack = packOf(md('- [ ] Check logs', '- [ ] Other {#check-logs}'));
    expect(pack.items.map((i) => i.id)).toEqual(['check-logs-2', 'check-logs']);
  });
});

describe('through parseImportFile', () => {
  it('CRLF files keep their line numbers', () => {
    const result = parseImportFile('crlf.md', '# T\r\n\r\n## S\r\n- [ ] a\r\n- [ ] {#x}\r\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 5, col: 7 });
  });

  it('.markdown is Markdown too', () => {
    expect(parseImportFile('x.markdown', '- a').ok).toBe(true);
  });
});

describe('empty task text found by the property tests', () => {
  it('points at the end of the checkbox line, not past it', async () => {
    const { parseImportFile } = await import('../../../shared/import/parse-file');
    const result = parseImportFile('a.md', '- [ ] \n{#id}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 1, col: 7, message: 'step text is empty' });
  });
});
