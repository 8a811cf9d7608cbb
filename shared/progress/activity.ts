/** The review calendar, the streak, the daily load and automaticity over weeks, from the day rollups. */
import type { DayRollup } from './rollup-types';
import type { DurationStats } from './duration-stats';
import { coefficientOfVariation, emptyDurations, medianMs, mergeDurations } from './duration-stats';

export interface DayActivity {
  day: number;
  answers: number;
  /** Minutes spent answering. */
  minutes: number;
}

/** Answers and minutes per study day from `today - days + 1` to `today` (days without answers included, as zero). */
export function dailyActivity(rollups: readonly DayRollup[], today: number, days: number): DayActivity[] {
  const byDay = new Map(rollups.map((rollup) => [rollup.day, rollup]));
  return Array.from({ length: days }, (_, i) => {
    const day = today - days + 1 + i;
    const rollup = byDay.get(day);
    const answers = rollup ? rollup.drill.answers + rollup.simulation.answers : 0;
    const minutes = rollup ? (rollup.drill.timeDs + rollup.simulation.timeDs) / 600 : 0;
    return { day, answers, minutes };
  });
}

/**
 * Study days in a row with an answer, up to today (or up to yesterday while today has none yet);
 * `earlier`: more study days with answers, known only by their number (older than the rollups read).
 */
export function streakOf(rollups: readonly DayRollup[], today: number, earlier: Iterable<number> = []): number {
  const active = new Set(rollups.filter((r) => r.drill.answers + r.simulation.answers > 0).map((r) => r.day));
  for (const day of earlier) active.add(day);
  let day = active.has(today) ? today : today - 1;
  let streak = 0;
  while (active.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

export interface WeekAutomaticity {
  week: number;
  medianMs: number | null;
  cv: number | null;
  samples: number;
}

/** Median and CV of correct drill answers' times per study week, oldest first (weeks without answers left out). */
export function automaticityByWeek(rollups: readonly DayRollup[]): WeekAutomaticity[] {
  const weeks = new Map<number, DurationStats>();
  for (const rollup of rollups) {
    const week = Math.floor(rollup.day / 7);
    const stats = weeks.get(week) ?? emptyDurations();
    mergeDurations(stats, rollup.drill.times);
    weeks.set(week, stats);
  }
  return [...weeks.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(([, stats]) => stats.n > 0)
    .map(([week, stats]) => ({ week, medianMs: medianMs(stats), cv: coefficientOfVariation(stats), samples: stats.n }));
}
