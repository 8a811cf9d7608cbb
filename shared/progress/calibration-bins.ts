/**
 * How well the scheduler's predicted recall matched what happened, measured as srs-benchmark
 * measures FSRS (open-spaced-repetition/srs-benchmark): log loss over every counted review, and
 * RMSE(bins): reviews grouped by interval, review number and lapses on a log scale, the
 * squared gap between mean predicted and actual recall in each group weighted by its size.
 * Only the first review of a card on a study day counts, as in the benchmark's data.
 */

export interface CalibrationBin {
  /** Reviews in the bin. */
  n: number;
  /** Sum of predicted recall. */
  p: number;
  /** Reviews recalled (rating above Again). */
  y: number;
  /** Sum of the reviews' log loss. */
  logLoss: number;
}

/** Bins by key (`delta_t|i|lapse`, srs-benchmark's rounding). */
export type CalibrationBins = Record<string, CalibrationBin>;

function logBucket(x: number, base: number, scale: number, digits: number): number {
  const value = scale * base ** Math.floor(Math.log(Math.max(x, 1e-6)) / Math.log(base));
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The bin of a review: days since the last review, its number (1 = the first review after learning began) and lapses before it. */
export function calibrationKey(elapsedDays: number, reviewNumber: number, lapses: number): string {
  const deltaT = logBucket(elapsedDays, 3.62, 2.48, 2);
  const i = logBucket(Math.max(1, reviewNumber), 1.89, 1.99, 0);
  const lapse = lapses === 0 ? 0 : logBucket(lapses, 1.73, 1.65, 0);
  return `${deltaT}|${i}|${lapse}`;
}

const CLAMP = 1e-7;

/** The log loss of predicting `p` for an outcome `recalled`. */
export function reviewLogLoss(p: number, recalled: boolean): number {
  const q = Math.min(1 - CLAMP, Math.max(CLAMP, p));
  return recalled ? -Math.log(q) : -Math.log(1 - q);
}

/** Adds (`sign` 1) or takes away (`sign` -1) one review in `bins`, in place; an emptied bin is removed. */
export function addReview(bins: CalibrationBins, key: string, p: number, recalled: boolean, sign: 1 | -1 = 1): void {
  const bin = bins[key] ?? { n: 0, p: 0, y: 0, logLoss: 0 };
  bin.n += sign;
  bin.p += sign * p;
  bin.y += sign * (recalled ? 1 : 0);
  bin.logLoss += sign * reviewLogLoss(p, recalled);
  if (bin.n <= 0) delete bins[key];
  else bins[key] = bin;
}

/** Adds every bin of `other` into `into`, in place. */
export function mergeBins(into: CalibrationBins, other: CalibrationBins): void {
  for (const [key, bin] of Object.entries(other)) {
    const target = into[key] ?? { n: 0, p: 0, y: 0, logLoss: 0 };
    into[key] = { n: target.n + bin.n, p: target.p + bin.p, y: target.y + bin.y, logLoss: target.logLoss + bin.logLoss };
  }
}

export interface CalibrationSummary {
  reviews: number;
  /** Mean log loss per review (lower is better; srs-benchmark's FSRS-6: 0.32). */
  logLoss: number | null;
  /** RMSE(bins) (lower is better; FSRS-6 on srs-benchmark: about 0.05). */
  rmseBins: number | null;
  /** Mean predicted and actual recall: the scheduler expected too much when the first is higher. */
  predicted: number | null;
  actual: number | null;
}

/** The summary of `bins`. */
export function summarizeCalibration(bins: CalibrationBins): CalibrationSummary {
  let n = 0;
  let p = 0;
  let y = 0;
  let logLoss = 0;
  let squared = 0;
  for (const bin of Object.values(bins)) {
    if (bin.n <= 0) continue;
    n += bin.n;
    p += bin.p;
    y += bin.y;
    logLoss += bin.logLoss;
    squared += bin.n * (bin.y / bin.n - bin.p / bin.n) ** 2;
  }
  if (n === 0) return { reviews: 0, logLoss: null, rmseBins: null, predicted: null, actual: null };
  return { reviews: n, logLoss: logLoss / n, rmseBins: Math.sqrt(squared / n), predicted: p / n, actual: y / n };
}

/** Reliability points for a chart: predicted against actual recall, bins merged by predicted recall in tenths. */
export function reliabilityByPrediction(bins: CalibrationBins): { predicted: number; actual: number; n: number }[] {
  const tenths = new Map<number, { n: number; p: number; y: number }>();
  for (const bin of Object.values(bins)) {
    if (bin.n <= 0) continue;
    const tenth = Math.min(9, Math.floor((bin.p / bin.n) * 10));
    const t = tenths.get(tenth) ?? { n: 0, p: 0, y: 0 };
    tenths.set(tenth, { n: t.n + bin.n, p: t.p + bin.p, y: t.y + bin.y });
  }
  return [...tenths.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => ({ predicted: t.p / t.n, actual: t.y / t.n, n: t.n }));
}
