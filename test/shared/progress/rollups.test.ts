/** Rollup parts, against values worked out by hand: durations, srs-benchmark's bins, folding answers in and out. */
import { describe, expect, test } from 'vitest';
import type { CardState, ReviewEvent } from '../../../shared/model';
import { addDuration, coefficientOfVariation, emptyDurations, meanMs, medianMs } from '../../../shared/progress/duration-stats';
import { addReview, calibrationKey, reliabilityByPrediction, reviewLogLoss, summarizeCalibration } from '../../../shared/progress/calibration-bins';
import type { CalibrationBins } from '../../../shared/progress/calibration-bins';
import { emptyDay, emptyWeek, foldDay, foldWeek } from '../../../shared/progress/fold-rollups';
import type { AnswerFacts } from '../../../shared/progress/event-facts';
import { answerFacts } from '../../../shared/progress/event-facts';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { newCardState } from '../../../shared/schedule/card-state';

const DAY = 86_400_000;

describe('duration stats', () => {
  test('mean, coefficient of variation and median, and an exact undo', () => {
    const stats = emptyDurations();
    for (const ms of [2_000, 4_000]) addDuration(stats, ms);
    expect(meanMs(stats)).toBe(3_000);
    // Sample standard deviation of 2 s and 4 s is √2 s; over a mean of 3 s: 0.4714.
    expect(coefficientOfVariation(stats)).toBeCloseTo(Math.SQRT2 / 3, 6);
    addDuration(stats, 3_500);
    // Three times, 2 s in [1.5, 2) … the middle one (3.5 s) lies in the [3, 4) s bin: interpolated inside it.
    expect(medianMs(stats)).toBeGreaterThanOrEqual(3_000);
    expect(medianMs(stats)).toBeLessThan(4_000);
    addDuration(stats, 3_500, -1);
    addDuration(stats, 4_000, -1);
    addDuration(stats, 2_000, -1);
    expect(stats).toEqual(emptyDurations());
  });

  test('a pause of ten minutes counts as two', () => {
    const stats = emptyDurations();
    addDuration(stats, 600_000);
    expect(meanMs(stats)).toBe(120_000);
  });
});

describe("srs-benchmark's calibration bins", () => {
  test('bin keys round interval, review number and lapses on their log scales', () => {
    // delta_t: 2.48 · 3.62^floor(log(x)/log(3.62)); i: round(1.99 · 1.89^floor(…)); lapse: round(1.65 · 1.73^floor(…)), 0 stays 0.
    expect(calibrationKey(1, 1, 0)).toBe('2.48|2|0');
    expect(calibrationKey(5, 3, 2)).toBe('8.98|4|3');
    expect(calibrationKey(0, 1, 0)).toBe(`${Math.round(2.48 * 3.62 ** Math.floor(Math.log(1e-6) / Math.log(3.62)) * 100) / 100}|2|0`);
  });

  test('log loss and RMSE(bins) of two bins, by hand', () => {
    const bins: CalibrationBins = {};
    // Bin A: predicted 0.9 twice, recalled both. Bin B: predicted 0.6 twice, recalled once.
    addReview(bins, 'A', 0.9, true);
    addReview(bins, 'A', 0.9, true);
    addReview(bins, 'B', 0.6, true);
    addReview(bins, 'B', 0.6, false);
    const summary = summarizeCalibration(bins);
    expect(summary.reviews).toBe(4);
    expect(summary.logLoss).toBeCloseTo((2 * -Math.log(0.9) - Math.log(0.6) - Math.log(0.4)) / 4, 10);
    // A: (1 - 0.9)² · 2; B: (0.5 - 0.6)² · 2; over 4 reviews: √(0.04 / 4) = 0.1.
    expect(summary.rmseBins).toBeCloseTo(0.1, 10);
    expect(summary.predicted).toBeCloseTo(0.75, 10);
    expect(summary.actual).toBeCloseTo(0.75, 10);
    expect(reliabilityByPrediction(bins).map((point) => point.n)).toEqual([2, 2]);
    expect(reviewLogLoss(1, false)).toBeGreaterThan(15);
    addReview(bins, 'A', 0.9, true, -1);
    addReview(bins, 'A', 0.9, true, -1);
    expect(Object.keys(bins)).toEqual(['B']);
  });
});

describe('folding answers', () => {
  const scheduler = makeScheduler(normalizeSchedulerSettings());
  const T = Date.UTC(2026, 0, 10, 12);
  const review = (overrides: Partial<ReviewEvent> = {}, before: CardState = { ...newCardState(T - 30 * DAY), state: 2, stability: 30, scheduledDays: 25, reps: 4, lastReview: T - 25 * DAY }): ReviewEvent => ({
    id: 'e',
    cardId: 'p/a/why',
    packId: 'p',
    rating: 3,
    at: T,
    durationMs: 4_000,
    hintsUsed: 0,
    grader: 'self',
    source: 'drill',
    kind: 'why',
    before,
    ...overrides,
  });

  test('facts of a review: its day, first of the day, mature, what the scheduler predicted', () => {
    const facts = answerFacts(review(), scheduler, 4, 0);
    expect(facts).toMatchObject({ firstOfDay: true, inReview: true, mature: true, elapsedDays: 25, reviewNumber: 5, lapses: 0, recalled: true });
    expect(facts.predicted).toBeCloseTo(scheduler.forgetting_curve(25, 30), 12);
    expect(facts.week).toBe(Math.floor(facts.day / 7));
    const again = answerFacts(review({ at: T + 60_000 }, { ...newCardState(T), state: 3, lastReview: T, stability: 2, scheduledDays: 0, reps: 5, lapses: 1 }), scheduler, 4, 0);
    expect(again).toMatchObject({ firstOfDay: false, inReview: false, mature: false });
  });

  test('a day and a week, answer by answer, and back to nothing', () => {
    const first = review();
    const factsFirst = answerFacts(first, scheduler, 4, 0);
    const lapse = review({ id: 'e2', cardId: 'p/b/next-step', kind: 'next-step', rating: 1, correct: false, durationMs: 9_000 }, { ...newCardState(T - 10 * DAY), state: 2, stability: 5, scheduledDays: 5, reps: 2, lastReview: T - 5 * DAY });
    const factsLapse = answerFacts(lapse, scheduler, 4, 0);
    const sim = review({ id: 'e3', cardId: 'p/q/branch/yes', kind: 'branch', source: 'simulation', correct: true, durationMs: 3_000 }, newCardState(T));
    const factsSim = answerFacts(sim, scheduler, 4, 0);
    let day = emptyDay(factsFirst.day);
    day = foldDay(day, first, factsFirst, 1);
    day = foldDay(day, lapse, factsLapse, 1);
    day = foldDay(day, sim, factsSim, 1);
    expect(day.drill).toMatchObject({ answers: 2, correct: 1, timeDs: 130, young: { pass: 0, fail: 1 }, mature: { pass: 1, fail: 0 } });
    expect(day.drill.times.n).toBe(1);
    // A new card's first answer is neither in review nor predicted.
    expect(day.simulation).toMatchObject({ answers: 1, correct: 1, timeDs: 30, young: { pass: 0, fail: 0 }, mature: { pass: 0, fail: 0 } });
    expect(summarizeCalibration(day.calibration).reviews).toBe(2);
    let week = emptyWeek('p', factsFirst.week);
    for (const event of [first, lapse, sim]) week = foldWeek(week, event, 1);
    expect(week.drill).toMatchObject({ answers: 2, correct: 1, whyAnswers: 1, whyCorrect: 1 });
    expect(week.simulation).toMatchObject({ answers: 1, correct: 1 });
    const facts: [ReviewEvent, AnswerFacts][] = [[sim, factsSim], [first, factsFirst], [lapse, factsLapse]];
    for (const [event, f] of facts) day = foldDay(day, event, f, -1);
    for (const [event] of facts) week = foldWeek(week, event, -1);
    expect(day).toEqual(emptyDay(factsFirst.day));
    expect(week).toEqual(emptyWeek('p', factsFirst.week));
  });
});
