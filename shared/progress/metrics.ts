/**
 * The competency metrics of practice.md ("Competency"), per pack, as pure functions of the
 * rollups (weekly answers, the card sketch) and the finished simulations' results. Each is
 * null where there is not enough to measure, never a made-up zero.
 */
import type { AttemptResult } from '../model';
import type { PackWeekRollup } from './rollup-types';
import type { DurationStats } from './duration-stats';
import { coefficientOfVariation, emptyDurations, medianMs, mergeDurations } from './duration-stats';

const DAY_MS = 86_400_000;

/** A success rate: answers and the share right (null with none). */
export interface Rate {
  answers: number;
  correct: number;
  share: number | null;
}

function rate(answers: number, correct: number): Rate {
  return { answers, correct, share: answers > 0 ? correct / answers : null };
}

/** Weeks counted as "recent" for accuracy and automaticity. */
export const RECENT_WEEKS = 4;

/** The pack's weeks from `fromWeek` on. */
function weeksFrom(weeks: readonly PackWeekRollup[], fromWeek: number): PackWeekRollup[] {
  return weeks.filter((week) => week.week >= fromWeek);
}

/** Recent success rate (the last RECENT_WEEKS study weeks up to `currentWeek`), drills and simulations apart. */
export function accuracy(weeks: readonly PackWeekRollup[], currentWeek: number): { drill: Rate; simulation: Rate } {
  const recent = weeksFrom(weeks, currentWeek - RECENT_WEEKS + 1);
  const sum = (pick: (week: PackWeekRollup) => { answers: number; correct: number }) =>
    recent.reduce((total, week) => ({ answers: total.answers + pick(week).answers, correct: total.correct + pick(week).correct }), { answers: 0, correct: 0 });
  const drill = sum((week) => week.drill);
  const simulation = sum((week) => week.simulation);
  return { drill: rate(drill.answers, drill.correct), simulation: rate(simulation.answers, simulation.correct) };
}

/** Accuracy on `why` cards over the last `weeksBack` weeks: does the person explain the reasons. */
export function whyAccuracy(weeks: readonly PackWeekRollup[], currentWeek: number, weeksBack = 12): Rate {
  const recent = weeksFrom(weeks, currentWeek - weeksBack + 1);
  return rate(
    recent.reduce((sum, week) => sum + week.drill.whyAnswers, 0),
    recent.reduce((sum, week) => sum + week.drill.whyCorrect, 0),
  );
}

export interface Automaticity {
  /** Median time of correct drill answers in the recent weeks, and its coefficient of variation. */
  medianMs: number | null;
  cv: number | null;
  samples: number;
  /** The same in the pack's first week of practice. */
  firstWeekMedianMs: number | null;
  firstWeekCv: number | null;
  firstWeekSamples: number;
}

/** At least this many correct answers make a median or a CV worth showing. */
export const MIN_TIME_SAMPLES = 5;

function timesOf(weeks: readonly PackWeekRollup[]): DurationStats {
  const merged = emptyDurations();
  for (const week of weeks) mergeDurations(merged, week.drill.times);
  return merged;
}

/**
 * Median response time on correct drill answers and its coefficient of variation, now (the
 * recent weeks) and in the pack's own first week: automatization lowers the CV, not only the
 * mean (Segalowitz & Segalowitz 1993).
 */
export function automaticity(weeks: readonly PackWeekRollup[], currentWeek: number): Automaticity {
  const timed = [...weeks].filter((week) => week.drill.times.n > 0).sort((a, b) => a.week - b.week);
  const first = timed[0];
  const recent = timesOf(weeksFrom(timed, currentWeek - RECENT_WEEKS + 1));
  const firstWeek = first ? first.drill.times : emptyDurations();
  const enough = (stats: DurationStats): boolean => stats.n >= MIN_TIME_SAMPLES;
  return {
    medianMs: enough(recent) ? medianMs(recent) : null,
    cv: enough(recent) ? coefficientOfVariation(recent) : null,
    samples: recent.n,
    firstWeekMedianMs: enough(firstWeek) ? medianMs(firstWeek) : null,
    firstWeekCv: enough(firstWeek) ? coefficientOfVariation(firstWeek) : null,
    firstWeekSamples: firstWeek.n,
  };
}

/** A simulation done as independence asks: every decision right, no hint, within the clock, recalled freely (level 3 or above). */
export function isIndependentSuccess(result: AttemptResult): boolean {
  return result.correct && result.hints === 0 && result.withinTime && result.level >= 3;
}

export interface Independence {
  /** The recent finished simulations considered (the last RECENT_RESULTS within RECENT_RESULT_DAYS). */
  recent: number;
  successes: number;
  share: number | null;
  /** Distinct days with an independent success among them. */
  days: number;
  /** When the latest and the first independent success (of all kept) happened. */
  lastSuccessAt?: number;
  firstSuccessAt?: number;
}

export const RECENT_RESULTS = 10;
export const RECENT_RESULT_DAYS = 90;

/**
 * Share of the recent simulations finished correctly, unaided and in time, and on how many
 * distinct days (`dayOf` gives a time's study day). Results oldest first.
 */
export function independence(results: readonly AttemptResult[], now: number, dayOf: (at: number) => number): Independence {
  const recent = results.filter((result) => result.at <= now && now - result.at <= RECENT_RESULT_DAYS * DAY_MS).slice(-RECENT_RESULTS);
  const successes = recent.filter(isIndependentSuccess);
  const all = results.filter(isIndependentSuccess);
  const measure: Independence = {
    recent: recent.length,
    successes: successes.length,
    share: recent.length > 0 ? successes.length / recent.length : null,
    days: new Set(successes.map((result) => dayOf(result.at))).size,
  };
  const last = all.at(-1);
  const first = all[0];
  if (last) measure.lastSuccessAt = last.at;
  if (first) measure.firstSuccessAt = first.at;
  return measure;
}

/** A simulation's outcome for the person's confidence: resolved without help (every decision right, no hint). */
export function resolvedUnaided(result: AttemptResult): boolean {
  return result.correct && result.hints === 0;
}

export interface PersonCalibration {
  /** Simulations with a stated confidence. */
  n: number;
  /** Mean squared gap between confidence and outcome (0 perfect; always saying 50 % scores 0.25). */
  brier: number | null;
  /** Mean confidence minus the share resolved: over zero is overconfident, under zero underconfident. */
  overconfidence: number | null;
  /** Reliability bins of confidence (fifths): mean confidence against the share resolved. */
  bins: { from: number; to: number; n: number; confidence: number; resolved: number }[];
}

/** How well the person's stated confidence before simulations matched what happened. */
export function personCalibration(results: readonly AttemptResult[]): PersonCalibration {
  const rated = results.filter((result) => result.confidence !== undefined);
  if (rated.length === 0) return { n: 0, brier: null, overconfidence: null, bins: [] };
  let squared = 0;
  let confidence = 0;
  let resolved = 0;
  const bins = [0, 1, 2, 3, 4].map((i) => ({ from: i / 5, to: (i + 1) / 5, n: 0, confidence: 0, resolved: 0 }));
  for (const result of rated) {
    const c = result.confidence as number;
    const o = resolvedUnaided(result) ? 1 : 0;
    squared += (c - o) ** 2;
    confidence += c;
    resolved += o;
    const bin = bins[Math.min(4, Math.floor(c * 5))] as (typeof bins)[number];
    bin.n += 1;
    bin.confidence += c;
    bin.resolved += o;
  }
  return {
    n: rated.length,
    brier: squared / rated.length,
    overconfidence: (confidence - resolved) / rated.length,
    bins: bins.filter((bin) => bin.n > 0).map((bin) => ({ ...bin, confidence: bin.confidence / bin.n, resolved: bin.resolved / bin.n })),
  };
}
