/**
 * Anki's "true retention" table from the day rollups: for today, yesterday, the last week,
 * month and year, the first answer of each card each day (cards in review only), passed or
 * failed, young (interval under 21 days) and mature apart, drills and simulations apart.
 */
import type { DayRollup, PassFail, SourceDay } from './rollup-types';

export interface RetentionRow {
  period: 'today' | 'yesterday' | 'week' | 'month' | 'year';
  label: string;
  young: PassFail & { retention: number | null };
  mature: PassFail & { retention: number | null };
  total: PassFail & { retention: number | null };
}

const PERIODS: readonly { period: RetentionRow['period']; label: string; from: number; to: number }[] = [
  { period: 'today', label: 'Today', from: 0, to: 0 },
  { period: 'yesterday', label: 'Yesterday', from: 1, to: 1 },
  { period: 'week', label: 'Last week', from: 0, to: 6 },
  { period: 'month', label: 'Last month', from: 0, to: 29 },
  { period: 'year', label: 'Last year', from: 0, to: 364 },
];

function withRetention(counts: PassFail): PassFail & { retention: number | null } {
  const total = counts.pass + counts.fail;
  return { ...counts, retention: total > 0 ? counts.pass / total : null };
}

/** The table for one source (`drill` or `simulation`), with `today` the current study day. */
export function retentionTable(days: readonly DayRollup[], today: number, source: 'drill' | 'simulation'): RetentionRow[] {
  return PERIODS.map(({ period, label, from, to }) => {
    const young = { pass: 0, fail: 0 };
    const mature = { pass: 0, fail: 0 };
    for (const day of days) {
      const back = today - day.day;
      if (back < from || back > to) continue;
      const counts: SourceDay = day[source];
      young.pass += counts.young.pass;
      young.fail += counts.young.fail;
      mature.pass += counts.mature.pass;
      mature.fail += counts.mature.fail;
    }
    return {
      period,
      label,
      young: withRetention(young),
      mature: withRetention(mature),
      total: withRetention({ pass: young.pass + mature.pass, fail: young.fail + mature.fail }),
    };
  });
}
