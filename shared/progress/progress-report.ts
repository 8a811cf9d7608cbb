/**
 * The whole Progress picture, assembled from the rollups, the simulation summaries, the
 * self-assessments and the measured levels: what the Progress screen shows, what the report
 * for a mentor exports, and what `kata report` prints from a collection export. One pure
 * function, so the three can never disagree.
 */
import type { FSRS } from 'ts-fsrs';
import type { PackKind, PackRecord, SelfAssessment, SimulationStats } from '../model';
import type { PackMemory, RecallEstimate } from './card-sketch';
import { emptyMemory, estimateRecall } from './card-sketch';
import type { DayRollup, PackWeekRollup } from './rollup-types';
import type { Automaticity, Independence, PersonCalibration, Rate } from './metrics';
import { accuracy, automaticity, independence, personCalibration, whyAccuracy } from './metrics';
import type { LadderLevel, LadderPlacement, LadderThresholds, TonightAnswer } from './ladder';
import { DEFAULT_THRESHOLDS, aloneTonight, placeOnLadder } from './ladder';
import type { DayActivity, WeekAutomaticity } from './activity';
import { automaticityByWeek, dailyActivity, streakOf } from './activity';
import type { RetentionRow } from './retention-table';
import { retentionTable } from './retention-table';
import type { CalibrationSummary } from './calibration-bins';
import { mergeBins, reliabilityByPrediction, summarizeCalibration } from './calibration-bins';
import type { LevelPoint, Projection } from './projection';
import { projectLevel } from './projection';
import { weekOf } from './event-facts';

/** A pack's target: the level to reach, and by when (epoch ms). */
export interface PackTarget {
  level: LadderLevel;
  by: number;
}

/** A level recorded on a day. */
export interface LevelSample {
  packId: string;
  at: number;
  level: LadderLevel;
}

export interface ProgressInput {
  now: number;
  /** Today's study day (from the day start and time zone in force). */
  today: number;
  /** The scheduler in force, for recall now. */
  scheduler: FSRS;
  packs: readonly PackRecord[];
  /** The day rollups of the last REPORT_DAYS study days at least. */
  days: readonly DayRollup[];
  /** Older study days with answers, by number only: read when the streak reaches back past `days`. */
  earlierPractisedDays?: readonly number[];
  /** Every pack's weeks of the last twelve weeks at least. */
  recentWeeks: readonly PackWeekRollup[];
  /** Each pack's first week with answers. */
  firstWeeks: ReadonlyMap<string, PackWeekRollup>;
  memories: readonly PackMemory[];
  stats: readonly SimulationStats[];
  assessments: readonly SelfAssessment[];
  levels: readonly LevelSample[];
  targets: Readonly<Record<string, PackTarget>>;
  thresholds?: LadderThresholds;
  /** Unsuspended cards falling due on each of the next 30 days (today first), when known. */
  forecast?: readonly number[];
  /** A time's study day (for "on how many days"). */
  dayOf: (at: number) => number;
}

export interface PackProgress {
  packId: string;
  title: string;
  kind: PackKind;
  placement: LadderPlacement;
  tonight: TonightAnswer;
  recall: RecallEstimate;
  accuracy: { drill: Rate; simulation: Rate };
  why: Rate;
  automaticity: Automaticity;
  independence: Independence;
  calibration: PersonCalibration;
  /** The person's latest self-rating, and every rating, oldest first. */
  selfRating?: SelfAssessment;
  selfRatings: SelfAssessment[];
  /** Measured levels over time (recorded ones, then today's), oldest first. */
  levelHistory: LevelPoint[];
  target?: PackTarget;
  projection: Projection;
  simulations: number;
  lastWalkedAt?: number;
}

export interface ProgressReport {
  generatedAt: number;
  today: number;
  packs: PackProgress[];
  /** The last REPORT_DAYS study days, oldest first. */
  calendar: DayActivity[];
  streak: number;
  forecast?: readonly number[];
  retention: { drill: RetentionRow[]; simulation: RetentionRow[] };
  automaticityByWeek: WeekAutomaticity[];
  person: PersonCalibration;
  scheduler: CalibrationSummary & { reliability: { predicted: number; actual: number; n: number }[] };
  thresholds: LadderThresholds;
}

/**
 * Study days the overall picture covers, today included: the calendar, true retention's
 * longest period, automaticity by week and the scheduler's calibration (how well the schedule
 * fits the person lately, not three years ago). Only the streak may reach further back
 * (`earlierPractisedDays`).
 */
export const REPORT_DAYS = 365;

/** The Progress picture at `input.now`. */
export function buildProgressReport(input: ProgressInput): ProgressReport {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const currentWeek = weekOf(input.today);
  const weeksByPack = new Map<string, PackWeekRollup[]>();
  for (const week of input.recentWeeks) weeksByPack.set(week.packId, [...(weeksByPack.get(week.packId) ?? []), week]);
  const memories = new Map(input.memories.map((memory) => [memory.packId, memory]));
  const stats = new Map(input.stats.map((s) => [s.packId, s]));
  const assessments = new Map<string, SelfAssessment[]>();
  for (const a of [...input.assessments].sort((x, y) => x.at - y.at)) assessments.set(a.packId, [...(assessments.get(a.packId) ?? []), a]);
  const levels = new Map<string, LevelPoint[]>();
  for (const sample of [...input.levels].sort((a, b) => a.at - b.at)) levels.set(sample.packId, [...(levels.get(sample.packId) ?? []), { at: sample.at, level: sample.level }]);

  const packs = input.packs.map((pack): PackProgress => {
    const first = input.firstWeeks.get(pack.id);
    const own = weeksByPack.get(pack.id) ?? [];
    // The first week is the baseline even when it is long past (it is not among the recent weeks).
    const weeks = first && !own.some((week) => week.week === first.week) ? [first, ...own] : own;
    const results = stats.get(pack.id)?.results ?? [];
    const recall = estimateRecall(memories.get(pack.id) ?? emptyMemory(pack.id), input.scheduler, input.now);
    const evidence = {
      kind: pack.kind,
      now: input.now,
      recall,
      drillAccuracy: accuracy(weeks, currentWeek).drill,
      whyAccuracy: whyAccuracy(weeks, currentWeek),
      whyCards: pack.cardKinds ? (pack.cardKinds.why ?? 0) : null,
      automaticity: automaticity(weeks, currentWeek),
      independence: independence(results, input.now, input.dayOf),
      calibration: personCalibration(results),
      results,
    };
    const placement = placeOnLadder(evidence, thresholds);
    const history = [...(levels.get(pack.id) ?? []), { at: input.now, level: placement.level }];
    const target = input.targets[pack.id];
    const ratings = assessments.get(pack.id) ?? [];
    const progress: PackProgress = {
      packId: pack.id,
      title: pack.title,
      kind: pack.kind,
      placement,
      tonight: aloneTonight(placement, evidence),
      recall,
      accuracy: accuracy(weeks, currentWeek),
      why: evidence.whyAccuracy,
      automaticity: evidence.automaticity,
      independence: evidence.independence,
      calibration: evidence.calibration,
      selfRatings: ratings,
      levelHistory: history,
      projection: projectLevel(history, target?.level ?? 4, input.now),
      simulations: stats.get(pack.id)?.attempts ?? 0,
    };
    const latest = ratings.at(-1);
    if (latest) progress.selfRating = latest;
    if (target) progress.target = target;
    const walked = stats.get(pack.id)?.lastWalkedAt;
    if (walked !== undefined) progress.lastWalkedAt = walked;
    return progress;
  });

  const days = input.days.filter((day) => day.day > input.today - REPORT_DAYS && day.day <= input.today);
  const bins = {};
  for (const day of days) mergeBins(bins, day.calibration);
  const report: ProgressReport = {
    generatedAt: input.now,
    today: input.today,
    packs,
    calendar: dailyActivity(days, input.today, REPORT_DAYS),
    streak: streakOf(input.days, input.today, input.earlierPractisedDays),
    retention: { drill: retentionTable(days, input.today, 'drill'), simulation: retentionTable(days, input.today, 'simulation') },
    automaticityByWeek: automaticityByWeek(days),
    person: personCalibration(input.stats.flatMap((s) => s.results)),
    scheduler: { ...summarizeCalibration(bins), reliability: reliabilityByPrediction(bins) },
    thresholds,
  };
  if (input.forecast) report.forecast = input.forecast;
  return report;
}

/** Levels that differ from the last one recorded for their pack: what is worth recording today. */
export function levelChanges(report: ProgressReport, recorded: readonly LevelSample[]): LevelSample[] {
  const last = new Map<string, LevelSample>();
  for (const sample of [...recorded].sort((a, b) => a.at - b.at)) last.set(sample.packId, sample);
  return report.packs
    .filter((pack) => last.get(pack.packId)?.level !== pack.placement.level)
    .map((pack) => ({ packId: pack.packId, at: report.generatedAt, level: pack.placement.level }));
}
