import { describe, expect, it } from 'vitest';
import {
  autoGrade,
  EASY_SPEED_FACTOR,
  formatSeconds,
  SLOW_SPEED_FACTOR,
  USUAL_WINDOW,
  usualResponseMs,
  type GradeInput,
} from '../../../shared/schedule/auto-grade';
import { card, event, T0 } from './fixtures';

const base: GradeInput = { correct: true, hintsUsed: 0, durationMs: 6000, usualMs: 6000, mode: 'graded' };

describe('autoGrade', () => {
  it.each<[string, Partial<GradeInput>, number, string]>([
    ['wrong', { correct: false, durationMs: 2000 }, 1, 'Wrong, in 2.0 s: Again'],
    ['wrong even with hints and fast', { correct: false, hintsUsed: 2, durationMs: 100 }, 1, 'Wrong, in 0.1 s: Again'],
    ['right with a hint', { hintsUsed: 1, durationMs: 1000 }, 2, 'Correct with a hint, in 1.0 s: Hard'],
    ['right with hints', { hintsUsed: 3 }, 2, 'Correct with 3 hints, in 6.0 s: Hard'],
    ['right but slower than usual', { durationMs: 9100 }, 2, 'Correct, in 9.1 s — your usual is 6.0 s: Hard'],
    ['right at exactly 1.5 × usual', { durationMs: 9000 }, 3, 'Correct, in 9.0 s — your usual is 6.0 s: Good'],
    ['right at a usual speed', { durationMs: 4100 }, 3, 'Correct, in 4.1 s — your usual is 6.0 s: Good'],
    ['right at exactly 0.6 × usual', { durationMs: 3600 }, 3, 'Correct, in 3.6 s — your usual is 6.0 s: Good'],
    ['right and clearly fast', { durationMs: 3000 }, 4, 'Correct, in 3.0 s — your usual is 6.0 s: Easy'],
    ['right, no usual time yet', { usualMs: null, durationMs: 1000 }, 3, 'Correct, in 1.0 s — speed counts once you have 5 correct answers of this kind: Good'],
    ['pass/fail: right and fast', { mode: 'pass-fail', durationMs: 1000 }, 3, 'Correct, in 1.0 s (pass/fail grading): Good'],
    ['pass/fail: right with a hint, slow', { mode: 'pass-fail', hintsUsed: 1, durationMs: 60000 }, 3, 'Correct, in 1 min 00 s (pass/fail grading): Good'],
    ['pass/fail: wrong', { mode: 'pass-fail', correct: false }, 1, 'Wrong, in 6.0 s: Again'],
  ])('%s', (_name, change, rating, reason) => {
    expect(autoGrade({ ...base, ...change })).toEqual({ rating, reason });
  });

  it('uses the exported thresholds', () => {
    expect(EASY_SPEED_FACTOR).toBe(0.6);
    expect(SLOW_SPEED_FACTOR).toBe(1.5);
  });
});

describe('usualResponseMs', () => {
  const c = card('p/a');
  const answers = (durations: number[], extra = {}) => durations.map((d, i) => event(c, T0 + i * 1000, { durationMs: d, correct: true, ...extra }));

  it('is null with fewer than 5 correct answers', () => {
    expect(usualResponseMs(answers([1000, 2000, 3000, 4000]))).toBeNull();
    expect(usualResponseMs([...answers([1000, 2000, 3000, 4000]), ...answers([5000], { correct: false })])).toBeNull();
  });

  it('is the median of correct answers (odd and even counts)', () => {
    expect(usualResponseMs(answers([5000, 1000, 3000, 2000, 4000]))).toBe(3000);
    expect(usualResponseMs(answers([1000, 2000, 3000, 4000, 5000, 6000]))).toBe(3500);
  });

  it('counts self-graded answers as correct unless Again, and skips untimed ones', () => {
    const selfGraded = answers([1000, 2000, 3000, 4000, 5000], { correct: undefined, rating: 3 });
    const agains = answers([90000, 90000, 90000], { correct: undefined, rating: 1 });
    const untimed = answers([0, 0, 0], {});
    expect(usualResponseMs([...selfGraded, ...agains, ...untimed])).toBe(3000);
  });

  it('uses only the last 50 correct answers', () => {
    const old = answers(Array.from({ length: 60 }, () => 10000));
    const recent = Array.from({ length: USUAL_WINDOW }, (_, i) => event(c, T0 + 1e6 + i, { durationMs: 2000, correct: true }));
    expect(usualResponseMs([...recent, ...old])).toBe(2000);
  });
});

describe('formatSeconds', () => {
  it('shows tenths under a minute, minutes past it', () => {
    expect(formatSeconds(4100)).toBe('4.1 s');
    expect(formatSeconds(59_940)).toBe('59.9 s');
    expect(formatSeconds(59_960)).toBe('1 min 00 s');
    expect(formatSeconds(125_000)).toBe('2 min 05 s');
  });
});
