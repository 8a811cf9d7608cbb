/**
 * Adding one answer to the rollups, or taking it away (undo): the same function both ways,
 * so a rollup kept answer by answer equals one rebuilt from the events.
 */
import type { ReviewEvent } from '../model';
import type { AnswerFacts } from './event-facts';
import type { DayRollup, PackWeekRollup, SourceDay, SourceWeek } from './rollup-types';
import { addReview, calibrationKey } from './calibration-bins';
import type { DurationStats } from './duration-stats';
import { addDuration, emptyDurations } from './duration-stats';

const CAP_MS = 120_000;

function emptySourceDay(): SourceDay {
  return { answers: 0, correct: 0, timeDs: 0, times: emptyDurations(), young: { pass: 0, fail: 0 }, mature: { pass: 0, fail: 0 } };
}

function emptySourceWeek(): SourceWeek {
  return { answers: 0, correct: 0, times: emptyDurations(), whyAnswers: 0, whyCorrect: 0 };
}

function copyDurations(times: DurationStats): DurationStats {
  return { ...times, hist: [...times.hist] };
}

function copySourceDay(source: SourceDay): SourceDay {
  return { ...source, times: copyDurations(source.times), young: { ...source.young }, mature: { ...source.mature } };
}

function copySourceWeek(source: SourceWeek): SourceWeek {
  return { ...source, times: copyDurations(source.times) };
}

/** A day with nothing in it. */
export function emptyDay(day: number): DayRollup {
  return { day, drill: emptySourceDay(), simulation: emptySourceDay(), calibration: {} };
}

/** A pack's week with nothing in it. */
export function emptyWeek(packId: string, week: number): PackWeekRollup {
  return { packId, week, drill: emptySourceWeek(), simulation: emptySourceWeek() };
}

/** Whether an answer counts as correct: as judged when the drill judged it, else not Again. */
export function answeredCorrectly(event: ReviewEvent): boolean {
  return event.correct ?? event.rating > 1;
}

/** `day` with `event` added (`sign` 1) or taken away (-1): a new object, `day` untouched. */
export function foldDay(day: DayRollup, event: ReviewEvent, facts: AnswerFacts, sign: 1 | -1): DayRollup {
  const next: DayRollup = {
    day: day.day,
    drill: copySourceDay(day.drill),
    simulation: copySourceDay(day.simulation),
    calibration: Object.fromEntries(Object.entries(day.calibration).map(([key, bin]) => [key, { ...bin }])),
  };
  applyToDay(next, event, facts, sign);
  return next;
}

/** Adds (`sign` 1) or takes away (-1) `event` in `day` itself (a rebuild folds a million answers: no copies). */
export function applyToDay(day: DayRollup, event: ReviewEvent, facts: AnswerFacts, sign: 1 | -1): void {
  const source = event.source === 'simulation' ? day.simulation : day.drill;
  source.answers += sign;
  if (answeredCorrectly(event)) {
    source.correct += sign;
    if (event.durationMs > 0) addDuration(source.times, event.durationMs, sign);
  }
  source.timeDs += sign * Math.round(Math.min(Math.max(event.durationMs, 0), CAP_MS) / 100);
  if (facts.firstOfDay && facts.inReview) {
    const counts = facts.mature ? source.mature : source.young;
    if (facts.recalled) counts.pass += sign;
    else counts.fail += sign;
  }
  if (facts.firstOfDay && facts.predicted !== undefined) {
    addReview(day.calibration, calibrationKey(facts.elapsedDays, facts.reviewNumber, facts.lapses), facts.predicted, facts.recalled, sign);
  }
}

/** `week` with `event` added (`sign` 1) or taken away (-1): a new object, `week` untouched. */
export function foldWeek(week: PackWeekRollup, event: ReviewEvent, sign: 1 | -1): PackWeekRollup {
  const next: PackWeekRollup = { packId: week.packId, week: week.week, drill: copySourceWeek(week.drill), simulation: copySourceWeek(week.simulation) };
  applyToWeek(next, event, sign);
  return next;
}

/** Adds (`sign` 1) or takes away (-1) `event` in `week` itself. */
export function applyToWeek(week: PackWeekRollup, event: ReviewEvent, sign: 1 | -1): void {
  const source = event.source === 'simulation' ? week.simulation : week.drill;
  source.answers += sign;
  if (answeredCorrectly(event)) {
    source.correct += sign;
    if (event.durationMs > 0) addDuration(source.times, event.durationMs, sign);
  }
  if (event.kind === 'why') {
    source.whyAnswers += sign;
    if (answeredCorrectly(event)) source.whyCorrect += sign;
  }
}

/** Whether a rollup holds nothing (it is deleted rather than kept empty). */
export function isEmptyDay(day: DayRollup): boolean {
  return day.drill.answers === 0 && day.simulation.answers === 0;
}

export function isEmptyWeek(week: PackWeekRollup): boolean {
  return week.drill.answers === 0 && week.simulation.answers === 0;
}
