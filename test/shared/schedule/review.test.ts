import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../../shared/model';
import { fromFsrsCard, newCardState, toFsrsCard, withState } from '../../../shared/schedule/card-state';
import { answerCard, buildReviewEvent, retrievability, reviewCard, undoAnswer } from '../../../shared/schedule/review';
import { makeScheduler } from '../../../shared/schedule/scheduler-settings';
import { card, createdAtArb, DAY, MINUTE, settingsArb, stepsArb, T0 } from './fixtures';

describe('reviewCard', () => {
  it('gives exactly what ts-fsrs gives when called directly, for random histories and settings', () => {
    fc.assert(
      fc.property(settingsArb, createdAtArb, stepsArb, (settings, createdAt, steps) => {
        const ours = makeScheduler(settings);
        const theirs = fsrs(
          generatorParameters({
            request_retention: settings.desiredRetention,
            enable_fuzz: settings.enableFuzz,
            enable_short_term: true,
            learning_steps: settings.learningSteps,
            relearning_steps: settings.relearningSteps,
          }),
        );
        let state: CardState = newCardState(createdAt);
        let native: Card = createEmptyCard(new Date(createdAt));
        let now = createdAt;
        for (const step of steps) {
          now += step.gap;
          state = reviewCard(ours, state, step.rating, now).after;
          native = theirs.next(native, new Date(now), step.rating as Grade).card;
          expect(state).toEqual(fromFsrsCard(native));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('records the stored state as before, not the ts-fsrs log', () => {
    const scheduler = makeScheduler();
    const first = reviewCard(scheduler, newCardState(T0), 3, T0);
    const second = reviewCard(scheduler, first.after, 3, T0 + 10 * MINUTE);
    expect(second.before).toEqual(first.after);
    // The log of ts-fsrs says the card was "due" at its previous due, but its review time is lost.
    expect(second.before.lastReview).toBe(T0);
  });

  it('answers a review dated before the last one at the last review time (clock went back)', () => {
    const scheduler = makeScheduler();
    const first = reviewCard(scheduler, newCardState(T0), 3, T0);
    const back = reviewCard(scheduler, first.after, 3, T0 - 3 * DAY);
    expect(back.at).toBe(T0);
    expect(back.after.lastReview).toBe(T0);
  });
});

describe('buildReviewEvent and answerCard', () => {
  it('builds a full event carrying the facts, with a clean duration', () => {
    const result = reviewCard(makeScheduler(), newCardState(T0), 4, T0 + 5);
    const event = buildReviewEvent(result, {
      id: 'ev-1',
      cardId: 'p/a/next-step',
      packId: 'p',
      durationMs: -20,
      grader: 'auto',
      correct: true,
    });
    expect(event).toEqual({
      id: 'ev-1',
      cardId: 'p/a/next-step',
      packId: 'p',
      rating: 4,
      at: T0 + 5,
      durationMs: 0,
      hintsUsed: 0,
      grader: 'auto',
      source: 'drill',
      correct: true,
      before: newCardState(T0),
    });
  });

  it('keeps the record fields and stores only the state as before', () => {
    const stored = card('p/a', { suspended: 0, buriedUntil: 7, kind: 'cloze' });
    const { card: next, event } = answerCard(makeScheduler(), stored, 3, T0, { id: 'x', durationMs: 1500, grader: 'self' });
    expect(next).toMatchObject({ id: 'p/a', kind: 'cloze', buriedUntil: 7, reps: 1, lastReview: T0 });
    expect(event.before).not.toHaveProperty('id');
    expect(event).toMatchObject({ cardId: 'p/a', packId: 'p', at: T0 });
  });
});

describe('undo', () => {
  it('restoring event.before gives the exact earlier state, due included, at every step', () => {
    fc.assert(
      fc.property(createdAtArb, stepsArb, (createdAt, steps) => {
        const scheduler = makeScheduler();
        let stored = card('p/a', { ...newCardState(createdAt), createdAt });
        let now = createdAt;
        for (const [index, step] of steps.entries()) {
          now += step.gap;
          const previous = stored;
          const answered = answerCard(scheduler, stored, step.rating, now, { id: `e${index}`, durationMs: 1, grader: 'self' });
          expect(undoAnswer(answered.card, answered.event)).toEqual(previous);
          stored = answered.card;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('removes lastReview when undoing the first answer', () => {
    const fresh = card('p/a');
    const { card: answered, event } = answerCard(makeScheduler(), fresh, 3, T0, { id: 'x', durationMs: 1, grader: 'self' });
    expect(answered.lastReview).toBe(T0);
    const undone = withState(answered, event.before);
    expect(undone).not.toHaveProperty('lastReview');
    expect(undone).toEqual(fresh);
  });

  it('would not work with ts-fsrs rollback(): it loses the original due date (why Kata stores before)', () => {
    const scheduler = makeScheduler({ enableFuzz: false });
    // New → learning (due T0+10m) → review (due in days). Answered at T0+12m, two minutes late.
    const one = scheduler.next(createEmptyCard(new Date(T0)), new Date(T0), 3);
    const before = one.card;
    const two = scheduler.next(before, new Date(T0 + 12 * MINUTE), 3);
    const rolledBack = scheduler.rollback(two.card, two.log);
    expect(before.due.getTime()).toBe(T0 + 10 * MINUTE);
    // rollback() puts the review time where the due date was: the original due is gone.
    expect(rolledBack.due.getTime()).toBe(T0 + 12 * MINUTE);
    expect(rolledBack.last_review?.getTime()).toBe(T0);
    expect(fromFsrsCard(rolledBack)).not.toEqual(fromFsrsCard(before));

    const stored = card('p/a', { ...fromFsrsCard(before) });
    const answered = answerCard(scheduler, stored, 3, T0 + 12 * MINUTE, { id: 'x', durationMs: 1, grader: 'self' });
    expect(undoAnswer(answered.card, answered.event)).toEqual(stored);
  });
});

describe('retrievability', () => {
  it('is 0 for a new card and falls with time for a reviewed one', () => {
    const scheduler = makeScheduler();
    expect(retrievability(scheduler, newCardState(T0), T0)).toBe(0);
    const after = reviewCard(scheduler, newCardState(T0), 3, T0).after;
    const soon = retrievability(scheduler, after, T0 + 2 * DAY);
    const late = retrievability(scheduler, after, T0 + 30 * DAY);
    expect(soon).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(0);
  });

  it("is exactly ts-fsrs get_retrievability, for any history, parameters and time", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(fc.record({ rating: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), gap: fc.integer({ min: 0, max: 40 * DAY }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 400 * DAY }),
        (settings, answers, later) => {
          const scheduler = makeScheduler(settings);
          let state = newCardState(T0);
          let at = T0;
          for (const answer of answers) {
            at += answer.gap;
            state = reviewCard(scheduler, state, answer.rating, at).after;
          }
          const now = at + later;
          expect(retrievability(scheduler, state, now)).toBe(scheduler.get_retrievability(toFsrsCard(state), new Date(now), false));
        },
      ),
      { numRuns: 300 },
    );
  });
});
