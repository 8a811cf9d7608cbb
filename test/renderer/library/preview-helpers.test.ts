/** The small pure helpers behind the import preview and the pack list. */
import { describe, expect, test } from 'vitest';
import { parseImportFile } from '../../../shared/import/parse-file';
import { planImport } from '../../../shared/library/plan-import';
import { sourceExcerpt } from '../../../renderer/features/library/source-excerpt';
import { describeCounts, drillCountsByKind, itemCountsByKind } from '../../../renderer/features/library/plan-summary';
import { relativeTime } from '../../../renderer/features/library/format-time';
import { SAMPLE_PACKS, sampleAsImportFile } from '../../../renderer/features/library/sample-packs';

describe('sourceExcerpt', () => {
  test('puts the caret under the column', () => {
    expect(sourceExcerpt('a\n  F --> G[(x)]\n', 2, 11)).toEqual({ lineNumber: 2, line: '  F --> G[(x)]', caret: '          ^' });
  });

  test('keeps tabs before the column so the caret lines up', () => {
    expect(sourceExcerpt('-\t[ ] a', 1, 3)?.caret).toBe(' \t^');
  });

  test('cuts a long line around the column', () => {
    const line = 'x'.repeat(500) + 'ERR' + 'y'.repeat(500);
    const excerpt = sourceExcerpt(line, 1, 501)!;
    expect(excerpt.line.startsWith('…')).toBe(true);
    expect(excerpt.line.endsWith('…')).toBe(true);
    expect(excerpt.line.length).toBeLessThan(130);
    expect(excerpt.line[excerpt.caret.length - 1]).toBe('E');
  });

  test('is undefined for a line the text does not have', () => {
    expect(sourceExcerpt('one line', 3, 1)).toBeUndefined();
    expect(sourceExcerpt('one line', 0, 1)).toBeUndefined();
  });
});

describe('plan summary', () => {
  test('counts items and drills by kind', () => {
    const parsed = parseImportFile('r.md', '# R\n\n## A\n- [ ] One ==1==\n  > Why: because.\n- [ ] Two\n- [ ] Three {.memory}\n');
    if (!parsed.ok) throw new Error('parse failed');
    const plan = planImport(parsed.pack, null, 0);
    expect(describeCounts(itemCountsByKind(plan))).toBe('3 steps');
    expect(Object.fromEntries(drillCountsByKind(plan).map((entry) => [entry.kind, entry.count]))).toEqual({
      'next-step': 2,
      sequence: 1,
      cloze: 1,
      why: 1,
      memory: 1,
    });
  });
});

describe('relativeTime', () => {
  test('reads as a person would say it', () => {
    const now = Date.UTC(2025, 5, 15, 12);
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(relativeTime(now - 26 * 3600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 21 * 24 * 3600_000, now)).toBe('3 weeks ago');
  });
});

describe('sample packs', () => {
  test('every bundled sample has a description and parses without errors', () => {
    expect(SAMPLE_PACKS.length).toBeGreaterThanOrEqual(7);
    for (const sample of SAMPLE_PACKS) {
      expect(sample.description, sample.fileName).not.toMatch(/^A sample/);
      const file = sampleAsImportFile(sample);
      const result = parseImportFile(file.name, file.text!);
      expect(result.ok, `${sample.fileName}: ${JSON.stringify(result.ok ? [] : result.errors)}`).toBe(true);
    }
  });
});
