/**
 * The overall picture covers the last REPORT_DAYS study days (the calendar, retention,
 * automaticity by week, the scheduler's calibration); only the streak reaches further back.
 */
import { describe, expect, test } from 'vitest';
import { addReview, calibrationKey } from '../../../shared/progress/calibration-bins';
import { addDuration, emptyDurations } from '../../../shared/progress/duration-stats';
import { REPORT_DAYS, buildProgressReport } from '../../../shared/progress/progress-report';
import type { DayRollup, SourceDay } from '../../../shared/progress/rollup-types';
import { makeScheduler } from '../../../shared/schedule/scheduler-settings';

const TODAY = 20_000;

function source(answers: number): SourceDay {
  const times = emptyDurations();
  for (let i = 0; i < answers; i += 1) addDuration(times, 3_000);
  return { answers, correct: answers, timeDs: answers * 30, times, young: { pass: answers, fail: 0 }, mature: { pass: 0, fail: 0 } };
}

/** A day with one drill answer the scheduler gave `p` and that was recalled. */
function day(index: number, p = 0.9): DayRollup {
  const calibration = {};
  addReview(calibration, calibrationKey(3, 2, 0), p, true);
  return { day: index, drill: source(1), simulation: source(0), calibration };
}

function report(days: DayRollup[], earlierPractisedDays?: number[]) {
  return buildProgressReport({
    ...(earlierPractisedDays ? { earlierPractisedDays } : {}),
    now: TODAY * 86_400_000,
    today: TODAY,
    scheduler: makeScheduler(),
    packs: [],
    days,
    recentWeeks: [],
    firstWeeks: new Map(),
    memories: [],
    stats: [],
    assessments: [],
    levels: [],
    targets: {},
    dayOf: (at) => Math.floor(at / 86_400_000),
  });
}

describe('the overall picture covers the last year', () => {
  test('the scheduler calibration and automaticity leave out days older than REPORT_DAYS', () => {
    const old = Array.from({ length: 30 }, (_, i) => day(TODAY - REPORT_DAYS - i, 0.2));
    const recent = [day(TODAY - REPORT_DAYS + 1), day(TODAY - 10), day(TODAY - 2)];
    const picture = report([...old, ...recent]);
    expect(picture.scheduler.reviews).toBe(3);
    expect(picture.scheduler.predicted).toBeCloseTo(0.9, 6);
    expect(picture.automaticityByWeek.reduce((sum, week) => sum + week.samples, 0)).toBe(3);
    expect(picture.calendar).toHaveLength(REPORT_DAYS);
    expect(picture.calendar.filter((d) => d.answers > 0)).toHaveLength(3);
  });

  test('the streak counts every day in a row, past the year too', () => {
    const days = Array.from({ length: REPORT_DAYS + 40 }, (_, i) => day(TODAY - i));
    const picture = report(days);
    expect(picture.streak).toBe(REPORT_DAYS + 40);
    expect(picture.scheduler.reviews).toBe(REPORT_DAYS);
  });

  test('older practised days known by number only carry the streak on, and nothing else', () => {
    const year = Array.from({ length: REPORT_DAYS }, (_, i) => day(TODAY - i));
    const earlier = Array.from({ length: 40 }, (_, i) => TODAY - REPORT_DAYS - i);
    const picture = report(year, [...earlier, TODAY - REPORT_DAYS - 60]);
    expect(picture.streak).toBe(REPORT_DAYS + 40);
    expect(picture.scheduler.reviews).toBe(REPORT_DAYS);
  });
});
