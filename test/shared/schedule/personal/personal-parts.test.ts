/** The pure parts of personal scheduling: FSRS items from events, the time split, the adoption rule, the workload simulation. */
import { describe, expect, it } from 'vitest';
import type { ReviewEvent } from '../../../../shared/model';
import type { CalibrationSummary } from '../../../../shared/progress/calibration-bins';
import { decideAdoption } from '../../../../shared/schedule/personal/adoption';
import { cardHistory, heldOutCut, splitSizes, trainingSet } from '../../../../shared/schedule/personal/review-history';
import { trainingReadiness } from '../../../../shared/schedule/personal/personal-training';
import { simulateWorkload } from '../../../../shared/schedule/personal/workload';
import { newCardState } from '../../../../shared/schedule/card-state';
import { DAY, HOUR, T0 } from '../fixtures';
import { FAST_FORGETTER, LEARNER_START, eventsByCard, simulateLearner } from './simulated-learner';

const UTC = (): number => 0;

function answer(at: number, rating: 1 | 2 | 3 | 4, source: ReviewEvent['source'] = 'drill'): ReviewEvent {
  return { id: `e${at}`, cardId: 'p/a', packId: 'p', rating, at, durationMs: 1000, hintsUsed: 0, grader: 'self', source, before: newCardState(T0) };
}

describe('card histories', () => {
  it('counts delta_t in study days and makes targets of first-of-day drill answers after the first', () => {
    const events = [
      answer(T0 + 2 * DAY + HOUR, 3),
      answer(T0, 3),
      answer(T0 + 10 * 60_000, 1),
      answer(T0 + DAY, 3, 'simulation'),
    ];
    // Day start 4:00 UTC; T0 is 12:00.
    const history = cardHistory('p/a', events, 4, UTC);
    expect(history.ratings).toEqual([3, 1, 3, 3]);
    expect(history.deltaTs).toEqual([0, 0, 1, 1]);
    expect(history.targets).toEqual([false, false, false, true]);
  });

  it('builds each training item as the card’s reviews up to its target, before the cut only', () => {
    const history = cardHistory('p/a', [answer(T0, 3), answer(T0 + DAY, 3), answer(T0 + 3 * DAY, 1), answer(T0 + 7 * DAY, 3)], 0, UTC);
    const set = trainingSet([history], T0 + 7 * DAY);
    expect([...set.lengths]).toEqual([2, 3]);
    expect([...set.ratings]).toEqual([3, 3, 3, 3, 1]);
    expect([...set.deltaTs]).toEqual([0, 1, 0, 1, 2]);
    expect(splitSizes([history], T0 + 7 * DAY)).toEqual({ training: 2, heldOut: 1 });
    // At most one item: the most recent.
    expect([...trainingSet([history], Infinity, 1).lengths]).toEqual([4]);
  });

  it('holds out the latest fifth of the targets across cards, by answer time', () => {
    const histories = [...eventsByCard(simulateLearner({ seed: 1, trueWeights: FAST_FORGETTER, cards: 60, days: 90 }))].map(([id, events]) =>
      cardHistory(id, events, 0, UTC),
    );
    const cut = heldOutCut(histories)!;
    const { training, heldOut } = splitSizes(histories, cut);
    expect(heldOut / (training + heldOut)).toBeCloseTo(0.2, 2);
    expect(cut).toBeGreaterThan(LEARNER_START);
    expect(trainingReadiness(histories)).toMatchObject({ enough: true, training, heldOut, cut });
  });

  it('is not enough with fewer than 8 training items (fsrs-rs returns its defaults below that)', () => {
    const events = Array.from({ length: 9 }, (_, i) => answer(T0 + i * DAY, 3));
    const readiness = trainingReadiness([cardHistory('p/a', events, 0, UTC)]);
    // 8 targets: 6 to train on, 2 held out.
    expect(readiness).toMatchObject({ enough: false, training: 6, heldOut: 2 });
  });
});

function summary(logLoss: number, rmseBins: number): CalibrationSummary {
  return { reviews: 400, logLoss, rmseBins, predicted: 0.9, actual: 0.9 };
}

describe('adoption', () => {
  const base = { trainedOn: 1600, heldOut: 400, cut: T0 };
  it('adopts only a lower log loss with an RMSE(bins) no higher, and says so with the numbers', () => {
    const better = decideAdoption({ ...base, defaults: summary(0.36, 0.07), personal: summary(0.31, 0.04) });
    expect(better.adopt).toBe(true);
    expect(better.sentence).toBe(
      'Your own parameters predicted your held-out answers better: log loss 0.310 vs 0.360, RMSE(bins) 0.040 vs 0.070, on 400 held-out answers. Adopting them schedules your reviews with them from now on.',
    );
    expect(decideAdoption({ ...base, defaults: summary(0.36, 0.07), personal: summary(0.31, 0.08) })).toMatchObject({ adopt: false, verdict: 'worse-rmse' });
    expect(decideAdoption({ ...base, defaults: summary(0.36, 0.07), personal: summary(0.36, 0.05) })).toMatchObject({ adopt: false, verdict: 'worse-log-loss' });
    expect(decideAdoption({ ...base, heldOut: 0, defaults: summary(0.36, 0.07), personal: summary(0.3, 0.05) })).toMatchObject({ adopt: false, verdict: 'no-held-out' });
  });
});

describe('workload', () => {
  const states = Array.from({ length: 300 }, (_, i) => ({
    ...newCardState(T0),
    state: 2 as const,
    reps: 4,
    stability: 2 + (i % 40),
    difficulty: 5,
    lastReview: T0 - (i % 10) * DAY,
    due: T0 + (i % 15) * DAY,
    scheduledDays: 10,
  }));

  it('asks for more reviews as the desired retention rises, the same for the same seed', () => {
    const points = simulateWorkload(states, {}, { start: T0, retentions: [0.8, 0.9, 0.97] });
    expect(points.map((p) => p.retention)).toEqual([0.8, 0.9, 0.97]);
    expect(points[0]!.perDay).toHaveLength(30);
    expect(points[0]!.perDayMean).toBeLessThan(points[1]!.perDayMean);
    expect(points[1]!.perDayMean).toBeLessThan(points[2]!.perDayMean);
    expect(simulateWorkload(states, {}, { start: T0, retentions: [0.9] })[0]).toEqual(points[1]);
  });

  it('stands a seeded sample in for a larger collection, scaled to its size', () => {
    const all = simulateWorkload(states, {}, { start: T0, retentions: [0.9] })[0]!;
    const sampled = simulateWorkload(states, {}, { start: T0, retentions: [0.9], sample: 150 })[0]!;
    expect(Math.abs(sampled.perDayMean - all.perDayMean) / all.perDayMean).toBeLessThan(0.15);
    // New cards are not reviews yet.
    expect(simulateWorkload([newCardState(T0)], {}, { start: T0, retentions: [0.9] })[0]!.perDayMean).toBe(0);
  });
});
