/**
 * Which lists are the procedure (README, "What Kata imports"): each rule with its example.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../shared/import/markdown/index';
import type { ParseResult } from '../../../shared/import/result';
import { md, packOf } from './markdown-helpers';

const texts = (text: string): string[] => packOf(text).items.map((item) => item.text);
const readings = (result: ParseResult): [string, string, string][] => (result.lists ?? []).map((list) => [list.key, list.reading, list.reason]);

describe('in a file without task items, lists that are plainly not a procedure are notes', () => {
  it('under a heading that describes (Impact, Notes, Background, References ...), whatever their shape', () => {
    const text = md('# Disk full', '## Impact', '- Writes fail', '## Mitigate', '1. Delete old snapshots', '## References', '1. The storage runbook');
    expect(texts(text)).toEqual(['Delete old snapshots']);
    expect(readings(parseMarkdown(text, 'x.md'))).toEqual([
      ['Impact #1', 'notes', 'under “Impact”'],
      ['Mitigate #1', 'steps', 'under “Mitigate”, a procedure'],
      ['References #1', 'notes', 'under “References”'],
    ]);
  });

  it('lists of links, of dates, of file names, or of “label: value” facts', () => {
    const result = parseMarkdown(
      md(
        '## Service',
        '- [Dashboard](https://grafana) - latency',
        '- [Logs](https://kibana)',
        '',
        '---',
        '- 2024-05-01 first outage',
        '- 2024-06-11 second outage',
        '',
        '---',
        '- src/app.src',
        '- Makefile',
        '',
        '---',
        '- **Owner:** SRE',
        '- **Tier**: 1',
        '',
        '---',
        '- Restart the writer',
      ),
      'x.md',
    );
    expect(readings(result).map(([, reading, reason]) => [reading, reason])).toEqual([
      ['notes', 'a list of links'],
      ['notes', 'a list of dates'],
      ['notes', 'a list of file names'],
      ['notes', 'a list of “label: value” facts'],
      ['steps', 'a list'],
    ]);
    expect(result.ok && result.pack.items.map((item) => item.text)).toEqual(['Restart the writer']);
  });

  it('numbered lists and any other list are steps; a list inside <details> (collapsed help) is notes', () => {
    const text = md('## Release', '1. Tag', '2. Push', '', '<details><summary>How to tag</summary>', '', '1. git tag -s', '', '</details>');
    expect(texts(text)).toEqual(['Tag', 'Push']);
  });

  it('the person’s choice, by list key, wins: the parser takes it as an option', () => {
    const text = md('## Impact', '- Writes fail', '## Fix', '- Expand the volume');
    const chosen = parseMarkdown(text, 'x.md', { listChoices: { 'Impact #1': 'steps', 'Fix #1': 'notes' } });
    expect(chosen.ok && chosen.pack.items.map((item) => item.text)).toEqual(['Writes fail']);
    expect(chosen.lists?.map((list) => [list.reading, list.chosen])).toEqual([
      ['steps', true],
      ['notes', true],
    ]);
  });
});

describe('in a file with task items', () => {
  it('only tasks are steps; numbered lists are steps under a heading with no tasks; other lists notes', () => {
    const result = parseMarkdown(md('## Check', '- [ ] a', '', '* note', '## Rollout', '1. b', '- c'), 'x.md');
    expect(result.ok && result.pack.items.map((item) => item.text)).toEqual(['a', 'b']);
    expect(readings(result)).toEqual([
      ['Check #1', 'notes', 'not tasks, in a file of task items'],
      ['Rollout #1', 'steps', 'a numbered list in a section without tasks'],
      ['Rollout #2', 'notes', 'not tasks, in a file of task items'],
    ]);
  });
});

describe('a procedure written as prose and code', () => {
  it('gets a warning at its section that says so and how to mark steps', () => {
    const result = parseMarkdown(
      md('# Restarts', '## Check', '- Look at the dashboard', '## Restart the writer', 'Run this, then wait a minute:', '', '```sh', 'kubectl rollout restart deploy/writer', '```'),
      'x.md',
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 4, col: 1, severity: 'warning' });
    expect(result.warnings[0]!.message).toContain('section "Restart the writer" tells its procedure in prose and code, with no list');
    expect(result.warnings[0]!.message).toContain('- [ ] Restart the pods');
  });

  it('is an error when the whole file is prose and code, instead of importing stray bullets', () => {
    const result = parseMarkdown(md('# Restart', '## Background', '- It is old', '## Steps', 'Run:', '', '```sh', 'make restart', '```'), 'x.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^no steps found: every list in this file reads as notes/);
    const prose = parseMarkdown(md('# Restart', 'Run this:', '', '```sh', 'make restart', '```'), 'x.md');
    expect(prose.ok).toBe(false);
    if (!prose.ok) expect(prose.errors[0]!.message).toContain('tells its procedure in prose and code');
  });
});

describe('an unfenced Mermaid chart in a .md file', () => {
  it('is an error that says it looks like a Mermaid flowchart and how to fence it', () => {
    const result = parseMarkdown(md('# Triage', '', 'flowchart TD', '  a[Alert] --> b{Real?}', '  b -->|yes| c[Page]'), 'triage.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 3, col: 1 });
    expect(result.errors[0]!.message).toContain('looks like a Mermaid flowchart ("flowchart TD") without its code fence');
    expect(result.errors[0]!.message).toContain('.mmd');
  });

  it('a sentence that starts with "graph" is no chart', () => {
    expect(parseMarkdown(md('graph the latency', '- Check it'), 'x.md').ok).toBe(true);
  });
});
