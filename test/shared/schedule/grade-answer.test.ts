/** Timing statistics read drill answers only: a simulation decision's time is not a card's usual time. */
import { describe, expect, test } from 'vitest';
import type { ReviewEvent } from '../../../shared/model';
import { usualTimeForKind } from '../../../shared/schedule/grade-answer';
import { averageAnswerMs } from '../../../shared/schedule/session-stats';
import { newCardState } from '../../../shared/schedule/card-state';

function answer(i: number, durationMs: number, source: ReviewEvent['source']): ReviewEvent {
  return {
    id: `e${i}`,
    cardId: `p/i${i}/branch/yes`,
    packId: 'p',
    rating: 3,
    at: 1_000 + i,
    durationMs,
    hintsUsed: 0,
    grader: 'auto',
    source,
    correct: true,
    kind: 'branch',
    before: newCardState(0),
  };
}

describe('timing statistics', () => {
  const drills = Array.from({ length: 20 }, (_, i) => answer(i, 2_000, 'drill'));
  // Slow simulation decisions, interleaved after the drills: they must change nothing.
  const withSimulations = [...drills, ...Array.from({ length: 30 }, (_, i) => answer(100 + i, 30_000, 'simulation'))];

  test('the usual time of a card kind ignores simulation decisions', () => {
    expect(usualTimeForKind(drills, new Map(), 'branch')).toBe(2_000);
    expect(usualTimeForKind(withSimulations, new Map(), 'branch')).toBe(2_000);
    // Only simulation answers: no usual time yet.
    expect(usualTimeForKind(withSimulations.slice(20), new Map(), 'branch')).toBeNull();
  });

  test('the average answer time ignores simulation decisions', () => {
    expect(averageAnswerMs(withSimulations)).toBe(2_000);
    expect(averageAnswerMs(withSimulations.slice(20))).toBeNull();
  });
});
