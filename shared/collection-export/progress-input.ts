/**
 * The Progress picture's input (ProgressInput) from a collection export read as a stream: what
 * `kata report` prints. The rollups are rebuilt on the way (createRollupBuilder, as check
 * collection and a restore do), so only the small things are kept — packs, attempts, ratings,
 * levels, settings — never the answers or the cards. The report is as of the export's time.
 */
import type { PackRecord, SelfAssessment, SimulationAttempt, CardRecord, ReviewEvent } from '../model';
import type { ExportHeader, ExportTable } from './format';
import type { PackTarget, ProgressInput } from '../progress/progress-report';
import { answerFacts, weekOf } from '../progress/event-facts';
import { createRollupBuilder } from '../progress/rollup-builder';
import type { PackWeekRollup } from '../progress/rollup-types';
import { TARGETS_KEY, THRESHOLDS_KEY, thresholdsOf } from '../progress/progress-settings';
import { DAY_MS, studyDay, studyDayIndex } from '../schedule/day';
import { makeScheduler, normalizeSchedulerSettings } from '../schedule/scheduler-settings';
import type { SchedulerSettings } from '../schedule/scheduler-settings';
import { SCHEDULER_HISTORY_KEY, normalizeHistory, schedulerAt } from '../schedule/scheduler-history';
import { rebuildStats } from '../simulate/simulation-stats';
import type { LadderLevel } from '../progress/ladder';

const FORECAST_DAYS = 30;
/** As the Progress screen: each pack's last twelve weeks, and its first. */
const RECENT_WEEKS = 12;

export interface ProgressCollector {
  header(header: ExportHeader): void;
  add(table: ExportTable, records: readonly Record<string, unknown>[]): void;
  /** The input as of the export's time (or `now`). */
  input(now?: number): ProgressInput;
}

export interface CollectorOptions {
  /** Minutes to add to local time to get UTC at a moment (the machine's zone by default). */
  timezoneOffsetMinutes?: (at: number) => number;
}

export function createProgressCollector(options: CollectorOptions = {}): ProgressCollector {
  const tz = options.timezoneOffsetMinutes ?? ((at: number) => new Date(at).getTimezoneOffset());
  const settings = new Map<string, unknown>();
  const packs: PackRecord[] = [];
  const attempts: SimulationAttempt[] = [];
  const assessments: SelfAssessment[] = [];
  const levels: { packId: string; at: number; level: LadderLevel }[] = [];
  const rollups = createRollupBuilder();
  const dues: number[] = [];
  let exportedAt = Date.now();
  // Settings come first in an export: the scheduler is known before the first answer.
  let scheduling: { settings: SchedulerSettings; at: ReturnType<typeof schedulerAt> } | undefined;
  const schedulingNow = () => {
    if (!scheduling) {
      const current = normalizeSchedulerSettings(Object.fromEntries(settings));
      scheduling = { settings: current, at: schedulerAt(normalizeHistory(settings.get(SCHEDULER_HISTORY_KEY)), current) };
    }
    return scheduling;
  };

  return {
    header(header) {
      exportedAt = Date.parse(header.createdAt) || exportedAt;
    },
    add(table, records) {
      if (table === 'settings') {
        for (const record of records) settings.set(record.key as string, record.value);
        scheduling = undefined;
      } else if (table === 'packs') packs.push(...(records as unknown as PackRecord[]));
      else if (table === 'cards') {
        for (const card of records as unknown as CardRecord[]) {
          rollups.addCard(card);
          if (card.suspended === 0) dues.push(card.due);
        }
      } else if (table === 'events') {
        const { settings: current, at } = schedulingNow();
        for (const event of records as unknown as ReviewEvent[]) {
          rollups.addEvent(event, answerFacts(event, at(event.at), current.dayStartHour, tz(event.at)));
        }
      } else if (table === 'attempts') attempts.push(...(records as unknown as SimulationAttempt[]));
      else if (table === 'assessments') assessments.push(...(records as unknown as SelfAssessment[]));
      else if (table === 'levelHistory') {
        for (const record of records) levels.push({ packId: record.packId as string, at: record.at as number, level: record.level as LadderLevel });
      }
      // items: not part of the report.
    },
    input(now = exportedAt) {
      const { settings: current } = schedulingNow();
      const built = rollups.result();
      // In the database's key order, as the app reads them: the metrics take the first week first.
      built.days.sort((a, b) => a.day - b.day);
      built.weeks.sort((a, b) => a.week - b.week || (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
      built.memories.sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
      const today = studyDay(now, current.dayStartHour, tz(now));
      // By title, as the app lists them.
      const active = packs.filter((pack) => pack.status === 'active').sort((a, b) => a.title.localeCompare(b.title));
      const activeIds = new Set(active.map((pack) => pack.id));
      const currentWeek = weekOf(today.index);
      const firstWeeks = new Map<string, PackWeekRollup>();
      for (const week of built.weeks) {
        const known = firstWeeks.get(week.packId);
        if (activeIds.has(week.packId) && (!known || week.week < known.week)) firstWeeks.set(week.packId, week);
      }
      const memories = built.memories.filter((memory) => activeIds.has(memory.packId));
      // As the Progress screen: day 0 is everything due by the end of today, less the new cards.
      const forecast = Array.from({ length: FORECAST_DAYS }, () => 0);
      for (const due of dues) {
        const day = due < today.end ? 0 : Math.floor((due - today.end) / DAY_MS) + 1;
        if (day < FORECAST_DAYS) forecast[day]! += 1;
      }
      forecast[0] = Math.max(0, forecast[0]! - memories.reduce((sum, memory) => sum + memory.fresh, 0));
      const targets = settings.get(TARGETS_KEY);
      return {
        now,
        today: today.index,
        scheduler: makeScheduler(current),
        packs: active,
        days: built.days,
        recentWeeks: built.weeks.filter((week) => activeIds.has(week.packId) && week.week > currentWeek - RECENT_WEEKS),
        firstWeeks,
        memories,
        // As check collection's rebuild: a summary for every pack with attempts.
        stats: [...new Set(attempts.map((attempt) => attempt.packId))].filter((id) => activeIds.has(id)).sort().map((packId) => rebuildStats(packId, attempts)),
        assessments: assessments.filter((a) => activeIds.has(a.packId)),
        levels: levels.filter((level) => activeIds.has(level.packId)),
        targets: targets && typeof targets === 'object' ? (targets as Record<string, PackTarget>) : {},
        thresholds: thresholdsOf(settings.get(THRESHOLDS_KEY)),
        forecast,
        dayOf: (at) => studyDayIndex(at, current.dayStartHour, tz(at)),
      };
    },
  };
}
