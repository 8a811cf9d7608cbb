/**
 * Response times of correct answers, kept so they can be added and taken away exactly
 * (an undo subtracts what the answer added): counts, sums in whole deciseconds (integers,
 * so sums stay exact), and a histogram on a log scale for the median. Times over two
 * minutes are capped: a pause is not an answer.
 */

/** Bin edges in ms: 250 ms doubling-ish up to two minutes (a time falls in the first bin whose edge exceeds it). */
export const DURATION_EDGES_MS: readonly number[] = [500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_500, 8_000, 10_000, 13_000, 16_000, 20_000, 25_000, 32_000, 40_000, 50_000, 65_000, 80_000, 100_000, 120_001];

const CAP_MS = 120_000;

export interface DurationStats {
  n: number;
  /** Sum of capped times, in deciseconds. */
  sumDs: number;
  /** Sum of squared capped times, in deciseconds². */
  sumSqDs: number;
  /** Counts per bin of DURATION_EDGES_MS. */
  hist: number[];
}

export function emptyDurations(): DurationStats {
  return { n: 0, sumDs: 0, sumSqDs: 0, hist: DURATION_EDGES_MS.map(() => 0) };
}

function binOf(ms: number): number {
  const index = DURATION_EDGES_MS.findIndex((edge) => ms < edge);
  return index < 0 ? DURATION_EDGES_MS.length - 1 : index;
}

/** `stats` with one time added (`sign` 1) or taken away (`sign` -1), in place. */
export function addDuration(stats: DurationStats, ms: number, sign: 1 | -1 = 1): void {
  const ds = Math.round(Math.min(Math.max(ms, 0), CAP_MS) / 100);
  stats.n += sign;
  stats.sumDs += sign * ds;
  stats.sumSqDs += sign * ds * ds;
  stats.hist[binOf(ds * 100)] = (stats.hist[binOf(ds * 100)] ?? 0) + sign;
}

/** Adds `other` into `into`, in place. */
export function mergeDurations(into: DurationStats, other: DurationStats): void {
  into.n += other.n;
  into.sumDs += other.sumDs;
  into.sumSqDs += other.sumSqDs;
  other.hist.forEach((count, i) => (into.hist[i] = (into.hist[i] ?? 0) + count));
}

/** Mean time in ms, or null with no times. */
export function meanMs(stats: DurationStats): number | null {
  return stats.n > 0 ? (stats.sumDs / stats.n) * 100 : null;
}

/** Coefficient of variation (standard deviation over mean), or null with fewer than two times. */
export function coefficientOfVariation(stats: DurationStats): number | null {
  if (stats.n < 2 || stats.sumDs <= 0) return null;
  const mean = stats.sumDs / stats.n;
  const variance = Math.max(0, (stats.sumSqDs - stats.n * mean * mean) / (stats.n - 1));
  return Math.sqrt(variance) / mean;
}

/** The median in ms, interpolated inside its histogram bin, or null with no times. */
export function medianMs(stats: DurationStats): number | null {
  if (stats.n <= 0) return null;
  const half = stats.n / 2;
  let below = 0;
  for (let i = 0; i < stats.hist.length; i += 1) {
    const count = stats.hist[i] ?? 0;
    if (below + count >= half && count > 0) {
      const low = i === 0 ? 0 : (DURATION_EDGES_MS[i - 1] as number);
      const high = Math.min(DURATION_EDGES_MS[i] as number, CAP_MS);
      return low + ((half - below) / count) * (high - low);
    }
    below += count;
  }
  return null;
}
