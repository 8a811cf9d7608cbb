/**
 * What the Progress screen is built from, read in a bounded number of queries whatever the
 * size of the collection: the packs, the day rollups (one record per study day), every pack's
 * weeks of the last twelve weeks and its first week, the memory sketches, the simulation
 * summaries, the self-assessments and measured levels, and index counts for the due forecast.
 * Never the events or the cards themselves.
 */
import type { FSRS } from 'ts-fsrs';
import { TARGETS_KEY, THRESHOLDS_KEY, thresholdsOf } from '../../../shared/progress/progress-settings';
import type { PackTarget, ProgressInput } from '../../../shared/progress/progress-report';
import { weekOf } from '../../../shared/progress/event-facts';
import { DAY_MS, studyDay, studyDayIndex } from '../../../shared/schedule/day';
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

/** Everything buildProgressReport needs, at `context.now`. */
export async function loadProgressInput(repos: ProgressRepositories, context: ProgressContext): Promise<ProgressInput> {
  const { now, dayStartHour } = context;
  const tz = context.timezoneOffsetMinutes(now);
  const today = studyDay(now, dayStartHour, tz);
  const currentWeek = weekOf(today.index);
  // Day 0 counts everything due by the end of today (overdue included); later days their own window.
  const windows = Array.from({ length: FORECAST_DAYS }, (_, i): [number, number] =>
    i === 0 ? [-Infinity, today.end] : [today.end + (i - 1) * DAY_MS, today.end + i * DAY_MS],
  );
  const packsRead = repos.packs.listActive();
  const [packs, days, recentWeeks, firstWeeks, memories, stats, assessments, levels, targets, thresholds, due] = await Promise.all([
    packsRead,
    repos.rollups.days(),
    repos.rollups.weeksFrom(currentWeek - RECENT_WEEKS_READ + 1),
    packsRead.then((list) => repos.rollups.firstWeeks(list.map((pack) => pack.id))),
    repos.rollups.memories(),
    repos.attempts.allStats(),
    repos.assessments.all(),
    repos.rollups.levels(),
    repos.settings.get<Record<string, PackTarget>>(TARGETS_KEY, {}),
    repos.settings.get<unknown>(THRESHOLDS_KEY, {}),
    repos.cards.dueCountsIn(windows),
  ]);
  const active = new Set(packs.map((pack) => pack.id));
  // New cards have a due time (when they were made) but wait for the daily plan: not part of the forecast.
  const fresh = memories.filter((memory) => active.has(memory.packId)).reduce((sum, memory) => sum + memory.fresh, 0);
  const forecast = due.map((count, i) => (i === 0 ? Math.max(0, count - fresh) : count));
  return {
    now,
    today: today.index,
    scheduler: context.scheduler,
    packs,
    days,
    recentWeeks: recentWeeks.filter((week) => active.has(week.packId)),
    firstWeeks,
    memories: memories.filter((memory) => active.has(memory.packId)),
    stats: stats.filter((s) => active.has(s.packId)),
    assessments: assessments.filter((a) => active.has(a.packId)),
    levels: levels.filter((level) => active.has(level.packId)),
    targets: targets && typeof targets === 'object' ? targets : {},
    thresholds: thresholdsOf(thresholds),
    forecast,
    dayOf: (at) => studyDayIndex(at, dayStartHour, context.timezoneOffsetMinutes(at)),
  };
}
