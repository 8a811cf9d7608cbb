import { describe, expect, it } from 'vitest';
import type { PackSource } from '../../../shared/model';
import { errorsOf, md, packOf } from './markdown-helpers';
import { parseMarkdown } from '../../../shared/import/markdown/index';

/** Markdown layouts beyond plain lists: checkbox tables, check-mark headings, a Mermaid fence. */

const texts = (pack: PackSource): string[] => pack.items.map((item) => item.text);

describe('tables with a checkbox column', () => {
  it.each(['☐', '☑', '[ ]', '[x]', '✅'])('are checklists: %s marks the column; each row is a step, first text column its text, others notes', (mark) => {
    const pack = packOf(
      md(
        '## Source',
        '| Checkpoint | Description | Status | Notes |',
        '|---|---|---|---|',
        `| Source identified | Origin documented | ${mark} | |`,
        `| Owner known | Contact identified | ${mark} | ask ==Ops== |`,
      ),
    );
    expect(pack.items.map((i) => [i.text, i.notes, i.sectionId, i.line])).toEqual([
      ['Source identified', ['Origin documented'], 'source', 4],
      ['Owner known', ['Contact identified', 'ask Ops'], 'source', 5],
    ]);
  });

  it('use the first column that is not the checkbox as text', () => {
    const pack = packOf(md('| Done | Task |', '|---|---|', '| [ ] | Back up the database {#backup .memory} |'));
    expect(pack.items[0]).toMatchObject({ id: 'backup', text: 'Back up the database', memory: true });
  });

  it('report an empty text cell at the cell', () => {
    expect(errorsOf(md('| Task | Done |', '|---|---|', '| a | ☐ |', '|  | ☐ |')).errors[0]).toMatchObject({
      line: 4,
      message: 'step text is empty',
    });
  });

  it('tables without a checkbox column are not steps', () => {
    const pack = packOf(md('| Metric | Threshold |', '|---|---|', '| p99 | 200ms |', '', '- [ ] a'));
    expect(texts(pack)).toEqual(['a']);
  });
});

describe('check-mark headings (no task list in the file)', () => {
  const pack = packOf(
    md(
      '# Pod debugging',
      '## ✅ 1. Check Pod status',
      '```bash',
      'kubectl get pods',
      '```',
      'Look for:',
      '- Status',
      '- Events',
      '## ✅ 2. Check logs',
      '| Problem | Fix |',
      '|---|---|',
      '| CrashLoop | Fix probe |',
      '## 🎉 Done!',
      'Well done.',
    ),
  );

  it('are the steps, without the mark and numbering; lists under them are sub-steps; prose, code and tables notes', () => {
    expect(pack.items.map((i) => [i.text, i.parentId ?? null, i.notes])).toEqual([
      ['Check Pod status', null, ['kubectl get pods', 'Look for:']],
      ['Status', 'check-pod-status', []],
      ['Events', 'check-pod-status', []],
      ['Check logs', null, ['CrashLoop — Fix probe']],
    ]);
    expect(pack.sections).toEqual([]);
  });
});

describe('Markdown with a mermaid fence (and no task list) is a tree', () => {
  const TREE = md(
    '---',
    'tags: [oncall]',
    'rarity: rare',
    '---',
    '# Triage',
    '',
    'Prose about triage.',
    '- a bullet, not a task',
    '',
    '```mermaid',
    'flowchart TD',
    '  alert[Alert] --> valid{Valid?}',
    '  valid -->|no| close[Close ticket]',
    '  valid -->|yes| fix[Stabilize]',
    '```',
  );

  it('parses the fence as the pack, with the Markdown title and front matter', () => {
    const result = parseMarkdown(TREE, 'triage.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack).toMatchObject({ title: 'Triage', kind: 'tree', format: 'markdown', sourceName: 'triage.md' });
    expect(result.pack.meta.rarity).toBe('rare');
    expect(result.pack.meta.tags).toContain('oncall');
    expect(result.pack.items.length).toBeGreaterThan(0);
  });

  it('reports positions inside the fence as lines of the Markdown file', () => {
    const result = parseMarkdown(TREE, 'triage.md');
    if (!result.ok) throw new Error('expected ok');
    const alert = result.pack.items.find((item) => item.id === 'alert');
    expect(alert?.line).toBe(12);
  });

  it('an error inside the fence points into the Markdown file', () => {
    const broken = md('# T', '', '```mermaid', 'flowchart TD', '  a[Start] --> b[Wait (End)]', '```');
    const result = parseMarkdown(broken, 'broken.md');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.line).toBe(5);
      expect(result.errors[0]!.file).toBe('broken.md');
    }
  });

  it('columns inside an indented fence, or one in a list, point at the text on each line', () => {
    // CommonMark strips a fence's indentation only as far as each line has it.
    const indented = md('# T', '', '  ```mermaid', '  flowchart TD', '    a --> b', '!', '  ```');
    const result = parseMarkdown(indented, 'indented.md');
    if (!result.ok) throw new Error('expected ok');
    expect(result.warnings.find((w) => w.message.includes('"!"'))).toMatchObject({ line: 6, col: 1 });
    expect(result.pack.items.find((item) => item.id === 'a')).toMatchObject({ line: 5, col: 5 });

    const listed = md('# T', '', '- steps:', '', '  ```mermaid', '  flowchart TD', '    x --> y', '  ```');
    const inList = parseMarkdown(listed, 'listed.md');
    if (!inList.ok) throw new Error('expected ok');
    expect(inList.pack.items.find((item) => item.id === 'x')).toMatchObject({ line: 7, col: 5 });
  });

  it('uses the first of several fences and warns about the others', () => {
    const two = md(TREE, '', '```mermaid', 'flowchart LR', '  x --> y', '```');
    const result = parseMarkdown(two, 'two.md');
    expect(result.ok).toBe(true);
    expect(result.warnings.some((w) => w.line === 17 && w.message.includes('ignored'))).toBe(true);
  });

  it('a file with task items (or a checkbox table) stays a checklist even with a fence', () => {
    const pack = packOf(md('- [ ] a', '', '```mermaid', 'flowchart TD', '  x --> y', '```'));
    expect(pack.kind).toBe('checklist');
    expect(texts(pack)).toEqual(['a']);
    const table = packOf(md('| Task | Done |', '|---|---|', '| a | ☐ |', '', '```mermaid', 'flowchart TD', '  x --> y', '```'));
    expect(table.kind).toBe('checklist');
  });
});
