/**
 * Summary statistics for benchmark samples. Pure functions, shared by the Node runner
 * and the in-page browser runner, so both report the same numbers the same way.
 */

function sortedCopy(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new RangeError('no samples');
  for (const value of samples) {
    if (!Number.isFinite(value)) throw new RangeError(`sample is not a finite number: ${value}`);
  }
  return [...samples].sort((a, b) => a - b);
}

/** The middle value of the samples (the mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = sortedCopy(samples);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest sample such that at least
 * p% of the samples are less than or equal to it. Always one of the samples, never interpolated.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = sortedCopy(samples);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1]!;
}

/** The 95th percentile by nearest rank (with fewer than 20 samples, that is the maximum). */
export function p95(samples: readonly number[]): number {
  return percentile(samples, 95);
}
