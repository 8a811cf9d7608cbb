/**
 * When a pack will reach its target level at the present pace: a straight line through its
 * measured levels of the last eight weeks. Internalization is planned in 6–12 weeks (the SECI
 * transfer matrix); saying "not enough practice yet to project" when that is the truth matters
 * more than a date.
 */
const DAY_MS = 86_400_000;

export interface LevelPoint {
  at: number;
  level: number;
}

export type Projection =
  | { kind: 'reached'; since: number }
  | { kind: 'date'; at: number }
  | { kind: 'none'; reason: string };

/** Points at least this many, over at least this many days, make a trend. */
export const MIN_POINTS = 3;
export const MIN_SPAN_DAYS = 7;
const WINDOW_DAYS = 56;

/** The projected date of reaching `target` from `history` (any order), at `now`. */
export function projectLevel(history: readonly LevelPoint[], target: number, now: number): Projection {
  const sorted = [...history].sort((a, b) => a.at - b.at);
  const reached = sorted.find((point) => point.level >= target);
  const latest = sorted.at(-1);
  if (latest && latest.level >= target && reached) return { kind: 'reached', since: reached.at };
  const recent = sorted.filter((point) => now - point.at <= WINDOW_DAYS * DAY_MS);
  if (recent.length < MIN_POINTS || (recent.at(-1)!.at - recent[0]!.at) / DAY_MS < MIN_SPAN_DAYS) {
    return { kind: 'none', reason: 'Not enough practice yet to project.' };
  }
  // Least squares of level on time (days).
  const xs = recent.map((point) => point.at / DAY_MS);
  const ys = recent.map((point) => point.level);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my);
    sxx += (x - mx) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  if (slope <= 1e-9) return { kind: 'none', reason: 'At this pace the level is not rising: no date to project.' };
  const days = (target - my) / slope + mx;
  const at = Math.max(now, days * DAY_MS);
  if ((at - now) / DAY_MS > 365 * 2) return { kind: 'none', reason: 'At this pace it would take more than two years.' };
  return { kind: 'date', at };
}
