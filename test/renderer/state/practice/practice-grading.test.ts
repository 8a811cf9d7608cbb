/**
 * Judging answers on the practice screen, and the small pure helpers around it:
 * tolerant typed answers, order distance, the memory clock, the shuffled start
 * of a sequence drill, the session address, and the wording of intervals.
 */
import { describe, expect, test } from 'vitest';
import type { CardSpec } from '../../../../shared/drills/card-spec';
import type { CardRecord, PackRecord } from '../../../../shared/model';
import { newCardState } from '../../../../shared/schedule/card-state';
import { makeScheduler } from '../../../../shared/schedule/scheduler-settings';
import type { PracticeCard } from '../../../../renderer/state/practice/practice-collection';
import { drillKindOf } from '../../../../shared/drills/drill-kind';
import { memoryTimeLimitMs } from '../../../../shared/drills/memory-limit';
import { clozeHint, shuffledOrder } from '../../../../shared/drills/drill-order';
import { gradeAnswer, previewIntervals } from '../../../../shared/schedule/grade-answer';
import { judgeAnswer } from '../../../../shared/drills/judge-answer';
import { practiceStreak } from '../../../../shared/schedule/session-stats';
import { formatDue, formatInterval } from '../../../../renderer/features/practice/format';
import { hashForRequest, requestFromHash } from '../../../../renderer/features/practice/use-practice-request';
import { makeEvent, makeCard, makePack } from '../../storage/test-db';
import { inlineFromPlain as t } from '../../../../shared/text/inline-text';

function cardFor(spec: Partial<CardSpec> & Pick<CardSpec, 'kind' | 'answer'>, extra: Partial<PracticeCard> = {}): PracticeCard {
  const full: CardSpec = { id: 'p/i/x', itemId: 'i', prompt: t('Q'), ...spec };
  return {
    record: makeCard('p', 'i') as CardRecord,
    spec: full,
    pack: makePack('p') as PackRecord,
    drill: drillKindOf(full),
    source: { fileName: 'p.md' },
    ...extra,
  };
}

describe('judging answers', () => {
  test('a typed cloze is compared tolerantly, numbers exactly', () => {
    const card = cardFor({ kind: 'cloze', answer: t('24 hours'), cloze: '24 hours' });
    expect(judgeAnswer(card, { kind: 'text', text: ' 24  Hours. ' }, 3_000)).toEqual({ correct: true });
    expect(judgeAnswer(card, { kind: 'text', text: '42 hours' }, 3_000).correct).toBe(false);
    expect(judgeAnswer(card, { kind: 'text', text: '   ' }, 3_000)).toEqual({ correct: false, detail: 'No answer given' });
  });

  test('a choice is right only when it is the answer', () => {
    const card = cardFor({ kind: 'branch', answer: t('B'), choices: ['A', 'B', 'C'].map(t) });
    expect(card.drill).toBe('choice');
    expect(judgeAnswer(card, { kind: 'choice', index: 1 }, 1_000).correct).toBe(true);
    expect(judgeAnswer(card, { kind: 'choice', index: 0 }, 1_000).correct).toBe(false);
    expect(judgeAnswer(card, { kind: 'choice', index: 7 }, 1_000).correct).toBe(false);
  });

  test('an order is right only when exact; otherwise it says how far off', () => {
    const card = cardFor({ kind: 'sequence', answer: [], sequence: ['a', 'b', 'c', 'd'].map(t) });
    expect(judgeAnswer(card, { kind: 'order', order: [0, 1, 2, 3] }, 1_000)).toEqual({ correct: true });
    expect(judgeAnswer(card, { kind: 'order', order: [1, 0, 2, 3] }, 1_000)).toEqual({
      correct: false,
      detail: '1 of 6 pairs of steps in the wrong order',
    });
  });

  test('a memory item must be exact and in time', () => {
    const card = cardFor({ kind: 'memory', answer: t('Declare the incident') }, { timeLimitMs: 20_000 });
    expect(judgeAnswer(card, { kind: 'text', text: 'declare the incident' }, 19_000).correct).toBe(true);
    const late = judgeAnswer(card, { kind: 'text', text: 'declare the incident' }, 21_000);
    expect(late).toEqual({ correct: false, detail: 'Right words, but after the 20.0 s limit' });
    expect(gradeAnswer(late, { hintsUsed: 0, durationMs: 21_000, usualMs: null, mode: 'graded' })).toEqual({
      rating: 1,
      reason: 'Right words, but after the 20.0 s limit, in 21.0 s: Again',
    });
  });

  test('hints make the best grade Hard; pass/fail mode grades Good', () => {
    expect(gradeAnswer({ correct: true }, { hintsUsed: 1, durationMs: 2_000, usualMs: 5_000, mode: 'graded' }).rating).toBe(2);
    expect(gradeAnswer({ correct: true }, { hintsUsed: 0, durationMs: 1_000, usualMs: 5_000, mode: 'pass-fail' }).rating).toBe(3);
    expect(clozeHint('24 hours', 1)).toBe('2_ _____');
  });

  test('the time limit of a memory item comes from the pack, within bounds', () => {
    expect(memoryTimeLimitMs(makePack('p', { meta: { tags: [], timeLimitMs: 90_000 } }), 3)).toBe(30_000);
    expect(memoryTimeLimitMs(makePack('p', { meta: { tags: [], timeLimitMs: 10_000 } }), 3)).toBe(10_000);
    expect(memoryTimeLimitMs(makePack('p'), 3)).toBe(20_000);
  });
});

describe('helpers', () => {
  test('a sequence never starts in the right order, and each attempt is shuffled differently', () => {
    const steps = ['a', 'b', 'c', 'd', 'e'];
    const orders = new Set<string>();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const order = shuffledOrder(steps, `card:${attempt}`);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
      expect(order).not.toEqual([0, 1, 2, 3, 4]);
      orders.add(order.join());
    }
    expect(orders.size).toBeGreaterThan(5);
    expect(shuffledOrder(['x', 'y'], 'two')).toEqual([1, 0]);
  });

  test('grade previews are the scheduler’s own intervals, growing with the grade', () => {
    const intervals = previewIntervals(makeScheduler(), newCardState(0), 1_000);
    expect(intervals[1]).toBe(60_000);
    expect(intervals[3]).toBe(600_000);
    expect(intervals[4]).toBeGreaterThan(intervals[3]);
    expect(formatInterval(intervals[1])).toBe('1 min');
    expect(formatInterval(3 * 86_400_000)).toBe('3 d');
    expect(formatInterval(75 * 86_400_000)).toBe('2.5 mo');
    expect(formatDue(1_000 + 25 * 3_600_000, 1_000)).toBe('tomorrow');
  });

  test('the address names the session', () => {
    expect(requestFromHash('#/practice')).toEqual({ mode: 'daily' });
    expect(requestFromHash('#/practice?pack=sample%20x')).toEqual({ mode: 'pack', packId: 'sample x' });
    expect(requestFromHash('#/practice?weakest')).toEqual({ mode: 'weakest', count: 20 });
    expect(hashForRequest({ mode: 'pack', packId: 'a/b' })).toBe('#/practice?pack=a%2Fb');
    // Exactly these cards: ids with slashes, spaces and commas survive the round trip.
    const cards = { mode: 'cards' as const, ids: ['p/a/why', 'p/b c/cloze/0', 'p/x,y/next-step'] };
    expect(requestFromHash(hashForRequest(cards))).toEqual(cards);
  });

  test('the streak counts study days in a row up to today (or yesterday)', () => {
    const day = 86_400_000;
    const noon = (n: number): number => n * day + 12 * 3_600_000;
    const card = makeCard('p', 'i');
    const events = [noon(10), noon(11), noon(12), noon(14)].map((at, i) => makeEvent(card, `e${i}`, at));
    expect(practiceStreak(events, noon(14), 4, 0)).toBe(1);
    expect(practiceStreak(events.slice(0, 3), noon(13), 4, 0)).toBe(3);
    expect(practiceStreak(events.slice(0, 3), noon(15), 4, 0)).toBe(0);
  });
});
