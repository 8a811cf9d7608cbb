import { describe, expect, it } from 'vitest';
import { parseDuration, readFrontMatter } from '../../../shared/import/front-matter';
import { parseMarkdown } from '../../../shared/import/markdown/index';

function metaOf(markdown: string) {
  const result = parseMarkdown(markdown, 'runbook.md');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { title: result.pack.title, meta: result.pack.meta };
}

function errorsOf(markdown: string) {
  const result = parseMarkdown(markdown, 'runbook.md');
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('front matter', () => {
  it('reads every known key: title, tags, rarity, criticality, time_limit, id', () => {
    const { title, meta } = metaOf(
      ['---', 'title: Model deployment', 'tags: [mlops, deploy]', 'rarity: occasional', 'criticality: high', 'time_limit: 10m', 'id: model-deploy', '---', '- [ ] a'].join('\n'),
    );
    expect(title).toBe('Model deployment');
    expect(meta).toEqual({ tags: ['mlops', 'deploy'], rarity: 'occasional', criticality: 'high', timeLimitMs: 600_000, id: 'model-deploy' });
  });

  it('accepts tags as one comma-separated string', () => {
    expect(metaOf('---\ntags: incident, on-call\n---\n- a').meta.tags).toEqual(['incident', 'on-call']);
  });

  it('keeps unknown keys silently (issue templates: name, about, labels, assignees)', () => {
    const result = parseMarkdown("---\nlabels: ['bug']\nassignees: ''\ndisplay: true\nimage: null\n---\n- [ ] a", 'x.md');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('treats an empty value as absent (`title:` in a template)', () => {
    expect(metaOf('---\ntitle:\nrarity:\n---\n# Heading\n- a')).toEqual({ title: 'Heading', meta: { tags: [] } });
  });

  it('uses `name` as the title of a GitHub issue template (its `title` is the new issue title)', () => {
    expect(metaOf("---\nname: Release checklist\nabout: For maintainers\ntitle: 'Release 4.8.2'\n---\n- [ ] a").title).toBe('Release checklist');
  });

  it('rejects a wrong rarity at that value, saying what was expected and found', () => {
    const [error] = errorsOf('---\ntitle: T\nrarity: sometimes\n---\n- a');
    expect(error).toMatchObject({ file: 'runbook.md', line: 3, col: 9, severity: 'error' });
    expect(error!.message).toBe('rarity: expected "common" or "occasional" or "rare", found "sometimes"');
  });

  it('rejects a wrong criticality at that value', () => {
    const [error] = errorsOf('---\ncriticality: urgent\n---\n- a');
    expect(error).toMatchObject({ line: 2, col: 14 });
    expect(error!.message).toContain('criticality');
  });

  it('rejects a time_limit that is not a duration', () => {
    const [error] = errorsOf('---\ntime_limit: 90\n---\n- a');
    expect(error).toMatchObject({ line: 2, col: 13 });
    expect(error!.message).toBe('time_limit: expected a duration like 90s, 10m or 1h30m, found 90');
    expect(errorsOf('---\ntime_limit: soon\n---\n- a')[0]!.message).toContain('found "soon"');
    expect(errorsOf('---\ntime_limit: 0s\n---\n- a')[0]!.message).toContain('longer than 0s');
  });

  it('rejects tags that are not text', () => {
    const [error] = errorsOf('---\ntags: {a: 1}\n---\n- a');
    expect(error).toMatchObject({ line: 2, col: 7 });
  });

  it('rejects an id with spaces', () => {
    const [error] = errorsOf('---\nid: my pack\n---\n- a');
    expect(error).toMatchObject({ line: 2, col: 5 });
    expect(error!.message).toContain('without spaces');
  });

  it('maps YAML syntax errors to file line and column', () => {
    const [error] = errorsOf('---\ntitle: T\ntags: [a, b\n---\n- a');
    expect(error!.message).toMatch(/^YAML: /);
    expect(error!.line).toBeGreaterThanOrEqual(3);
    expect(error!.line).toBeLessThanOrEqual(4);
  });

  it('reports a duplicate key at the second one', () => {
    const [error] = errorsOf('---\ntitle: A\ntitle: B\n---\n- a');
    expect(error).toMatchObject({ line: 3, col: 1 });
  });

  it('requires a mapping', () => {
    const [error] = errorsOf('---\n- just\n- a list\n---\n- a');
    expect(error).toMatchObject({ line: 2, col: 1 });
    expect(error!.message).toContain('mapping');
  });

  it('refuses an unknown alias instead of throwing', () => {
    const result = readFrontMatter('title: *nowhere', 'x.md', 1);
    expect(result.ok).toBe(false);
  });

  it('uses lineOffset for positions when called directly', () => {
    const result = readFrontMatter('rarity: never', 'x.md', 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 11, col: 9 });
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h 30m 15s', 5_415_000],
    ['2m30s', 150_000],
  ])('%s = %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '90', 'm', '10 minutes', '1m1h', '-5s', '1.5h'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});
