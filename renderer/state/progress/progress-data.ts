/**
 * What the Progress screen is built from, read in a bounded number of queries whatever the
 * size of the collection: the packs, the day rollups (one record per study day), every pack's
 * weeks of the last twelve weeks and its first week, the memory sketches, the simulation
 * summaries, the self-assessments and measured levels; and apart, after the first paint, index
 * counts for the due forecast. Never the events or the cards themselves.
 */
import type { FSRS } from 'ts-fsrs';
import { TARGETS_KEY, THRESHOLDS_KEY, thresholdsOf } from '../../../shared/progress/progress-settings';
import type { PackTarget, ProgressInput } from '../../../shared/progress/progress-report';
import { REPORT_DAYS } from '../../../shared/progress/progress-report';
import { streakOf } from '../../../shared/progress/activity';
import { weekOf } from '../../../shared/progress/event-facts';
import { DAY_MS, studyDay, studyDayIndex } from '../../../shared/schedule/day';
import type { PackMemory } from '../../../shared/progress/card-sketch';
import type { Repositories } from '../../storage/index';

export type ProgressRepositories = Pick<Repositories, 'packs' | 'rollups' | 'attempts' | 'assessments' | 'cards' | 'settings'>;

/** Settings keys of the Progress screen (shared with `kata report`). */
export { TARGETS_KEY, THRESHOLDS_KEY, thresholdsOf };

/** Weeks of each pack read for the recent metrics (the why accuracy looks twelve weeks back). */
const RECENT_WEEKS_READ = 12;
const FORECAST_DAYS = 30;

export interface ProgressContext {
  now: number;
  scheduler: FSRS;
  dayStartHour: number;
  timezoneOffsetMinutes: (at: number) => number;
}

/**
 * Unsuspended cards falling due on each of the next 30 days (today first, overdue included),
 * by index counts over every card: slow on a large collection (seconds at 100 000 cards), so
 * the screen reads it after its first paint. New cards wait for the daily plan: not counted.
 */
export async function loadForecast(repos: Pick<ProgressRepositories, 'cards'>, context: ProgressContext, memories: readonly PackMemory[]): Promise<number[]> {
  const today = studyDay(context.now, context.dayStartHour, context.timezoneOffsetMinutes(context.now));
  // Day 0 counts everything due by the end of today (overdue included); later days their own window.
  const windows = Array.from({ length: FORECAST_DAYS }, (_, i): [number, number] =>
    i === 0 ? [-Infinity, today.end] : [today.end + (i - 1) * DAY_MS, today.end + i * DAY_MS],
  );
  const due = await repos.cards.dueCountsIn(windows);
  // New cards have a due time (when they were made) but wait for the daily plan: not part of the forecast.
  const fresh = memories.reduce((sum, memory) => sum + memory.fresh, 0);
  return due.map((count, i) => (i === 0 ? Math.max(0, count - fresh) : count));
}

/**
 * The day rollups the report covers (the last REPORT_DAYS, a third of three years'), and when
 * the streak runs through all of them, the older practised days by number (keys only) for it.
 */
async function recentDays(repos: Pick<ProgressRepositories, 'rollups'>, today: number): Promise<Pick<ProgressInput, 'days' | 'earlierPractisedDays'>> {
  const from = today - REPORT_DAYS + 1;
  const days = await repos.rollups.daysFrom(from);
  if (streakOf(days, today) < REPORT_DAYS - 1) return { days };
  return { days, earlierPractisedDays: await repos.rollups.practisedDaysBefore(from) };
}

/** Everything buildProgressReport needs, at `context.now`, but the due forecast (loadForecast). */
export async function loadProgressInput(repos: ProgressRepositories, context: ProgressContext): Promise<ProgressInput> {
  const { now, dayStartHour } = context;
  const tz = context.timezoneOffsetMinutes(now);
  const today = studyDay(now, dayStartHour, tz);
  const currentWeek = weekOf(today.index);
  const [packs, recent, recentWeeks, firstWeeks, memories, stats, assessments, levels, targets, thresholds] = await repos.rollups.readTogether(() => {
    const packsRead = repos.packs.listActive();
    return Promise.all([
      packsRead,
      recentDays(repos, today.index),
      repos.rollups.weeksFrom(currentWeek - RECENT_WEEKS_READ + 1),
      packsRead.then((list) => repos.rollups.firstWeeks(list.map((pack) => pack.id))),
      repos.rollups.memories(),
      repos.attempts.allStats(),
      repos.assessments.all(),
      repos.rollups.levels(),
      repos.settings.get<Record<string, PackTarget>>(TARGETS_KEY, {}),
      repos.settings.get<unknown>(THRESHOLDS_KEY, {}),
    ]);
  });
  const active = new Set(packs.map((pack) => pack.id));
  return {
    now,
    today: today.index,
    scheduler: context.scheduler,
    packs,
    ...recent,
    recentWeeks: recentWeeks.filter((week) => active.has(week.packId)),
    firstWeeks,
    memories: memories.filter((memory) => active.has(memory.packId)),
    stats: stats.filter((s) => active.has(s.packId)),
    assessments: assessments.filter((a) => active.has(a.packId)),
    levels: levels.filter((level) => active.has(level.packId)),
    targets: targets && typeof targets === 'object' ? targets : {},
    thresholds: thresholdsOf(thresholds),
    dayOf: (at) => studyDayIndex(at, dayStartHour, context.timezoneOffsetMinutes(at)),
  };
}
