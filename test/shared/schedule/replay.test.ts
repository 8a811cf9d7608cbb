import fc from 'fast-check';
import { createEmptyCard } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardRecord, ReviewEvent } from '../../../shared/model';
import { fromFsrsCard, newCardState } from '../../../shared/schedule/card-state';
import { checkCard, replayCard } from '../../../shared/schedule/replay';
import { answerCard, reviewCard } from '../../../shared/schedule/review';
import { makeScheduler } from '../../../shared/schedule/scheduler-settings';
import { card, createdAtArb, DAY, settingsArb, stepsArb, T0, type Step } from './fixtures';

/** Answer a fresh card live, as the app does: the stored card and its events. */
function live(settings: Parameters<typeof makeScheduler>[0], createdAt: number, steps: Step[]): { stored: CardRecord; events: ReviewEvent[] } {
  const scheduler = makeScheduler(settings);
  let stored = card('p/a', { ...newCardState(createdAt), createdAt });
  const events: ReviewEvent[] = [];
  let now = createdAt;
  for (const [index, step] of steps.entries()) {
    now += step.gap;
    const answered = answerCard(scheduler, stored, step.rating, now, { id: `e${index}`, durationMs: 1000, grader: 'self' });
    stored = answered.card;
    events.push(answered.event);
  }
  return { stored, events };
}

describe('replayCard', () => {
  it('reproduces the live state exactly, fuzz included, with a fresh scheduler and shuffled events', () => {
    fc.assert(
      fc.property(settingsArb, createdAtArb, stepsArb, fc.nat(), (settings, createdAt, steps, shuffleSeed) => {
        const { stored, events } = live(settings, createdAt, steps);
        const shuffled = [...events].sort((a, b) => ((a.at * 31 + shuffleSeed) % 97) - ((b.at * 31 + shuffleSeed) % 97));
        const replayed = replayCard(makeScheduler(settings), createdAt, shuffled);
        const { id: _id, packId: _p, itemKey: _i, kind: _k, suspended: _s, buriedUntil: _b, createdAt: _c, ...state } = stored;
        expect(replayed).toEqual(state);
        expect(checkCard(makeScheduler(settings), stored, events)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('is a fresh card with no events', () => {
    expect(replayCard(makeScheduler(), T0, [])).toEqual(newCardState(T0));
  });
});

describe('fuzz', () => {
  // A card in review, about to be answered after a long interval: a fuzzed interval.
  const longReview = (): ReturnType<typeof fromFsrsCard> => {
    const scheduler = makeScheduler({ enableFuzz: false });
    let state = newCardState(T0);
    for (const [at, rating] of [[T0, 3], [T0 + DAY, 3], [T0 + 10 * DAY, 3]] as const) {
      state = reviewCard(scheduler, state, rating, at).after;
    }
    return state;
  };

  it('is on by default and really moves due dates', () => {
    const state = longReview();
    const at = T0 + 60 * DAY;
    const plain = reviewCard(makeScheduler({ enableFuzz: false }), state, 3, at).after.due;
    const fuzzed = Array.from({ length: 20 }, (_, i) => reviewCard(makeScheduler(), state, 3, at + i * 1000).after.due - i * 1000);
    expect(fuzzed.some((due) => due !== plain)).toBe(true);
  });

  it('is seeded by the review (time, reps, difficulty × stability), not by Math.random', () => {
    const state = longReview();
    const at = T0 + 60 * DAY;
    const original = Math.random;
    try {
      const first = reviewCard(makeScheduler(), state, 3, at).after;
      Math.random = () => 0.999;
      const again = reviewCard(makeScheduler(), state, 3, at).after;
      expect(again).toEqual(first);
    } finally {
      Math.random = original;
    }
    // ts-fsrs's own fresh card agrees (no hidden per-instance state).
    expect(fromFsrsCard(createEmptyCard(new Date(T0)))).toEqual(newCardState(T0));
  });
});

describe('checkCard', () => {
  const history = live({}, T0, [
    { gap: 0, rating: 3 },
    { gap: 10 * 60_000, rating: 3 },
    { gap: 5 * DAY, rating: 2 },
    { gap: 30 * DAY, rating: 1 },
  ]);

  it('accepts a card whose cache matches its events, ignoring other cards’ events', () => {
    const other = { ...history.events[0]!, id: 'other', cardId: 'p/b' };
    expect(checkCard(makeScheduler(), history.stored, [...history.events, other])).toEqual({ ok: true });
  });

  it('reports each drifted field in words', () => {
    const drifted = { ...history.stored, due: history.stored.due + 1, lapses: 7 };
    const check = checkCard(makeScheduler(), drifted, history.events);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.differences).toEqual([
      `due: stored ${new Date(history.stored.due + 1).toISOString()}, expected ${new Date(history.stored.due).toISOString()}`,
      `lapses: stored 7, expected ${history.stored.lapses}`,
    ]);
    expect(check.expected.due).toBe(history.stored.due);
    expect(check.stored.lapses).toBe(7);
  });

  it('tolerates float noise in stability but not a real difference', () => {
    const noisy = { ...history.stored, stability: history.stored.stability * (1 + 1e-12) };
    expect(checkCard(makeScheduler(), noisy, history.events)).toEqual({ ok: true });
    const off = { ...history.stored, stability: history.stored.stability + 0.01 };
    expect(checkCard(makeScheduler(), off, history.events).ok).toBe(false);
  });

  it('notices a missing event and a missing lastReview', () => {
    expect(checkCard(makeScheduler(), history.stored, history.events.slice(0, -1)).ok).toBe(false);
    const { lastReview: _drop, ...noLast } = history.stored;
    const check = checkCard(makeScheduler(), noLast, history.events);
    expect(check.ok === false && check.differences.some((d) => d.startsWith('lastReview: stored none'))).toBe(true);
  });
});
