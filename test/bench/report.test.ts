import { describe, expect, it } from 'vitest';
import { formatTable, summarize } from '../../bench/lib/report';

describe('summarize', () => {
  it('reports median, p95, the baseline median, the ratio and whether a ratio budget holds', () => {
    const result = summarize({
      name: 'storage', unit: 'ms',
      samples: [30, 10, 20, 40],
      baseline: { name: 'raw', samples: [10, 10, 20] },
      budget: { maxRatio: 2 },
    });
    expect(result).toEqual({ case: 'storage', unit: 'ms', median: 25, p95: 40, baseline: 10, ratio: 2.5, budget: 2, holds: false });
  });

  it('checks an absolute budget against the median, and leaves out what a case does not declare', () => {
    expect(summarize({ name: 'a', unit: 'ms', samples: [1, 2, 3], budget: { maxMedian: 2 } }))
      .toEqual({ case: 'a', unit: 'ms', median: 2, p95: 3, budget: 2, holds: true });
    expect(summarize({ name: 'b', unit: 'ms', samples: [1] })).toEqual({ case: 'b', unit: 'ms', median: 1, p95: 1 });
  });

  it('checks a p95 budget against the 95th percentile, not the median', () => {
    const samples = [5, 5, 5, 5, 5, 5, 5, 5, 5, 30];
    expect(summarize({ name: 'frame', unit: 'ms', samples, budget: { maxP95: 16 } })).toMatchObject({ median: 5, budget: 16, holds: false });
    expect(summarize({ name: 'frame', unit: 'ms', samples: samples.slice(0, 9), budget: { maxP95: 16 } })).toMatchObject({ holds: true });
  });

  it('refuses a ratio budget without a baseline', () => {
    expect(() => summarize({ name: 'c', unit: 'ms', samples: [1], budget: { maxRatio: 2 } })).toThrow('needs a baseline');
  });
});

describe('formatTable', () => {
  it('prints one line per case, its baseline below it, and failures last', () => {
    const measured = {
      name: 'storage', unit: 'ms', samples: [30, 10, 20, 40],
      baseline: { name: 'raw', samples: [10, 10, 20] }, budget: { maxRatio: 2 },
    };
    const table = formatTable([{ measured, result: summarize(measured) }], [{ case: 'broken', error: 'boom' }]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^case\s+runs\s+median\s+p95\s+unit\s+ratio\s+budget\s+holds$/);
    expect(lines[2]).toMatch(/^storage\s+4\s+25\.0\s+40\.0\s+ms\s+2\.50×\s+≤ 2× baseline\s+NO$/);
    expect(lines[3]).toMatch(/^ {2}baseline: raw\s+3\s+10\.0\s+20\.0\s+ms$/);
    expect(lines[4]).toMatch(/^broken\s.*FAILED: boom$/);
  });

  it('shows a p95 budget as such', () => {
    const measured = { name: 'frame', unit: 'ms', samples: [4, 6], budget: { maxP95: 16 } };
    expect(formatTable([{ measured, result: summarize(measured) }])).toContain('p95 ≤ 16 ms');
  });
});
