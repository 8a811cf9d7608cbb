/** The competency metrics, the ladder and its sentences, the tonight answer, against fixtures worked out by hand. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { AttemptResult, CardState } from '../../../shared/model';
import { addCard, estimateRecall, sketchOf } from '../../../shared/progress/card-sketch';
import type { RecallEstimate } from '../../../shared/progress/card-sketch';
import { accuracy, automaticity, independence, personCalibration, whyAccuracy } from '../../../shared/progress/metrics';
import type { PackEvidence } from '../../../shared/progress/ladder';
import { DEFAULT_THRESHOLDS, aloneTonight, placeOnLadder } from '../../../shared/progress/ladder';
import { emptyWeek } from '../../../shared/progress/fold-rollups';
import { addDuration } from '../../../shared/progress/duration-stats';
import type { PackWeekRollup } from '../../../shared/progress/rollup-types';
import { retrievability } from '../../../shared/schedule/review';
import { makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { newCardState } from '../../../shared/schedule/card-state';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const scheduler = makeScheduler(normalizeSchedulerSettings());
const dayOf = (at: number): number => Math.floor(at / DAY);

function week(n: number, drill: [number, number], times: number[] = [], why: [number, number] = [0, 0]): PackWeekRollup {
  const w = emptyWeek('p', n);
  w.drill.answers = drill[0];
  w.drill.correct = drill[1];
  w.drill.whyAnswers = why[0];
  w.drill.whyCorrect = why[1];
  for (const ms of times) addDuration(w.drill.times, ms);
  return w;
}

function result(daysAgo: number, overrides: Partial<AttemptResult> = {}): AttemptResult {
  return { at: NOW - daysAgo * DAY, level: 3, score: 100, correct: true, hints: 0, withinTime: true, ...overrides };
}

describe('recall from the card sketch', () => {
  test('mean retrievability is within 0.02 of the exact mean, mature share exact (random packs)', () => {
    const states = fc.array(
      fc.oneof(
        fc.constant(null),
        fc.record({ stability: fc.double({ min: 0.1, max: 800, noNaN: true }), daysAgo: fc.integer({ min: 0, max: 400 }) }),
      ),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(states, (list) => {
        const cards = list.map((spec): CardState & { suspended: 0 } => {
          if (!spec) return { ...newCardState(NOW - 500 * DAY), suspended: 0 };
          return { ...newCardState(0), state: 2, stability: spec.stability, lastReview: NOW - spec.daysAgo * DAY - 3_600_000, suspended: 0 };
        });
        const estimate = estimateRecall(sketchOf('p', cards), scheduler, NOW);
        const exact = cards.reduce((sum, card) => sum + retrievability(scheduler, card, NOW), 0) / cards.length;
        expect(Math.abs((estimate.meanRetrievability as number) - exact)).toBeLessThan(0.02);
        expect(estimate.matureShare).toBe(cards.filter((card) => card.state === 2 && card.stability >= 21).length / cards.length);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test('an answer moves a card from its old bin to its new one; suspended cards are left out', () => {
    const before: CardState = { ...newCardState(0), state: 2, stability: 3, lastReview: NOW - 3 * DAY };
    const after: CardState = { ...before, stability: 25, lastReview: NOW };
    const memory = sketchOf('p', [{ ...before, suspended: 0 }, { ...before, suspended: 1 }]);
    expect(memory.cards).toBe(1);
    addCard(memory, before, -1);
    addCard(memory, after, 1);
    expect(estimateRecall(memory, scheduler, NOW)).toMatchObject({ cards: 1, studied: 1, matureShare: 1 });
  });
});

describe('metrics', () => {
  const weeks = [week(100, [20, 10], [10_000, 12_000, 14_000, 16_000, 18_000]), week(140, [10, 9], [4_000, 4_000, 5_000, 5_000, 6_000], [4, 4]), week(141, [10, 8], [], [2, 1])];

  test('accuracy counts the last four weeks only, drills and simulations apart', () => {
    expect(accuracy(weeks, 141).drill).toEqual({ answers: 20, correct: 17, share: 0.85 });
    expect(accuracy(weeks, 141).simulation).toEqual({ answers: 0, correct: 0, share: null });
    expect(whyAccuracy(weeks, 141)).toEqual({ answers: 6, correct: 5, share: 5 / 6 });
  });

  test('automaticity: the recent median and CV against the first week’s', () => {
    const a = automaticity(weeks, 141);
    expect(a.samples).toBe(5);
    expect(a.firstWeekSamples).toBe(5);
    expect(a.medianMs).toBeLessThan(a.firstWeekMedianMs as number);
    // First week 10–18 s (mean 14 s, sd 3.16 s: CV 0.226); now 4–6 s (mean 4.8 s, sd 0.84 s: CV 0.174).
    expect(a.firstWeekCv).toBeCloseTo(Math.sqrt(10) / 14, 3);
    expect(a.cv).toBeCloseTo(Math.sqrt(0.7) / 4.8, 3);
  });

  test('independence: right, unaided, in time and at a recall level, among the last ten of 90 days, and on how many days', () => {
    const results = [
      result(200), // too old to be recent, but the first success
      result(20, { hints: 1 }),
      result(10, { level: 2 }),
      result(9, { withinTime: false }),
      result(5),
      result(5, { at: NOW - 5 * DAY + 3_600_000 }),
      result(1),
    ];
    expect(independence(results, NOW, dayOf)).toEqual({ recent: 6, successes: 3, share: 0.5, days: 2, lastSuccessAt: NOW - DAY, firstSuccessAt: NOW - 200 * DAY });
  });

  test('the person’s calibration: Brier score, over-confidence and reliability bins', () => {
    const rated = [result(3, { confidence: 0.9 }), result(2, { confidence: 0.8, correct: false }), result(1, { confidence: 0.5 })];
    const c = personCalibration([...rated, result(0)]);
    expect(c.n).toBe(3);
    // (0.9-1)² + (0.8-0)² + (0.5-1)² = 0.01 + 0.64 + 0.25 = 0.9; / 3 = 0.3.
    expect(c.brier).toBeCloseTo(0.3, 10);
    // Mean confidence 2.2 / 3 = 0.7333, resolved 2 / 3: over-confident by 0.0667.
    expect(c.overconfidence).toBeCloseTo(0.2 / 3, 10);
    expect(c.bins.map((bin) => [bin.from, bin.n])).toEqual([[0.4, 1], [0.8, 2]]);
  });
});

describe('the ladder', () => {
  const recall = (studied: number | null): RecallEstimate => ({ cards: 10, studied: studied === null ? 0 : 10, meanRetrievability: studied, studiedRetrievability: studied, matureShare: 0.5 });
  function evidence(results: AttemptResult[], studied: number | null = 0.9, extra: Partial<PackEvidence> = {}): PackEvidence {
    return {
      kind: 'tree',
      now: NOW,
      recall: recall(studied),
      drillAccuracy: { answers: 0, correct: 0, share: null },
      whyAccuracy: { answers: 0, correct: 0, share: null },
      whyCards: 0,
      automaticity: automaticity([], 0),
      independence: independence(results, NOW, dayOf),
      calibration: personCalibration(results),
      results,
      ...extra,
    };
  }

  test('Observe: imported, not practised', () => {
    const placement = placeOnLadder(evidence([], null));
    expect(placement).toMatchObject({ level: 1, name: 'Observe', why: 'Imported, not practised yet.' });
    expect(placement.next).toBe('For Guided: 2 more simulations with a score of 60 or more (options and hints are fine).');
  });

  test('Guided, and what Assisted needs', () => {
    const placement = placeOnLadder(evidence([result(4, { level: 1, score: 70, correct: false }), result(3, { level: 2, score: 90 })], 0.6));
    expect(placement.level).toBe(2);
    expect(placement.why).toBe('You succeed with options and hints: 2 simulations finished with a score of 60 or more.');
    expect(placement.next).toBe('For Assisted: 2 more simulations at level 3 or above with every decision right (hints allowed); recall of its cards at 70 % (now 60 %).');
  });

  test('Assisted, and "3 more unaided simulations in time, on at least 2 different days"', () => {
    const placement = placeOnLadder(evidence([result(4, { hints: 2 }), result(3, { hints: 1 })]));
    expect(placement.level).toBe(3);
    expect(placement.next).toBe('For Independent: 3 more unaided simulations in time, on at least 2 different days.');
  });

  test('Independent needs the successes on different days', () => {
    const sameDay = [result(2), result(2, { at: NOW - 2 * DAY + 60_000 }), result(2, { at: NOW - 2 * DAY + 120_000 })];
    expect(placeOnLadder(evidence(sameDay)).next).toContain('on 1 more day');
    const placement = placeOnLadder(evidence([result(3), result(2), result(1)], 0.92, { drillAccuracy: { answers: 40, correct: 36, share: 0.9 } }));
    expect(placement.level).toBe(4);
    expect(placement.why).toContain('3 recent simulations right, unaided and in time, on 3 days');
    expect(placement.next).toContain('For Can teach: independence held for 60 days (now 2 days)');
  });

  test('Can teach: held for months, reasons explained, well calibrated', () => {
    const results = [result(90, { confidence: 0.9 }), result(40, { confidence: 0.9 }), result(3, { confidence: 0.9 }), result(2, { confidence: 0.95 }), result(1, { confidence: 0.9 })];
    const placement = placeOnLadder(evidence(results, 0.95, { whyCards: 4, whyAccuracy: { answers: 8, correct: 8, share: 1 } }));
    expect(placement).toMatchObject({ level: 5, name: 'Can teach', next: null });
    // Poorly calibrated: stays Independent, and says so.
    const overconfident = results.map((r, i) => (i < 2 ? { ...r, correct: false, score: 40 } : r));
    expect(placeOnLadder(evidence(overconfident, 0.95, { whyCards: 4, whyAccuracy: { answers: 8, correct: 8, share: 1 } })).next).toMatch(/Brier/);
  });

  test('could I do this alone tonight?', () => {
    const strong = evidence([result(3), result(2), result(1)], 0.92);
    expect(aloneTonight(placeOnLadder(strong), strong)).toEqual({
      answer: 'yes',
      evidence: ['Last done unaided, right and in time yesterday.', 'Your recall of its cards now: 92 %.', 'Latest simulation: score 100, unaided and in time.'],
    });
    const weak = evidence([], 0.5);
    expect(aloneTonight(placeOnLadder(weak), weak).answer).toBe('not yet');
    expect(DEFAULT_THRESHOLDS.independentSimulations).toBe(3);
  });
});
