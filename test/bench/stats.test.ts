import { describe, expect, it } from 'vitest';
import { median, p95, percentile } from '../../bench/lib/stats';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('does not reorder the caller\'s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty or non-finite sample set', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('percentile by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted

  it('returns the ceil(p/100 * n)-th smallest sample', () => {
    expect(p95(hundred)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 1)).toBe(1);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('is the maximum when there are fewer than 20 samples', () => {
    expect(p95([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(10);
    expect(p95([42])).toBe(42);
  });

  it('moves off the maximum from 20 samples on', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(p95(twenty)).toBe(19);
  });

  it('never interpolates between samples', () => {
    expect(p95([1, 1000, 2, 3])).toBe(1000);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});
