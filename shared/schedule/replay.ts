/**
 * A card's FSRS state is a cache: folding its events through ts-fsrs from the
 * empty card rebuilds it. "Check collection" compares the two and reports drift.
 *
 * Replay is exact, fuzz included, because ts-fsrs 5 seeds its fuzz from the
 * review itself (DefaultInitSeedStrategy: `${reviewTime}_${reps}_${difficulty*stability}`),
 * not from Math.random: the same state answered at the same time with the same
 * rating gets the same due date. That holds only while stored floats are kept
 * bit for bit (IndexedDB does) and each answer is replayed with the parameters
 * it was given under: pass the scheduler in force at each time
 * (scheduler-history.ts), or one scheduler when they never changed. Replayed
 * with other parameters, an answer shows up here as drift in `due`/`scheduledDays`.
 */
import type { FSRS } from 'ts-fsrs';
import type { SchedulerSource } from './scheduler-history';
import type { CardRecord, CardState, ReviewEvent } from '../model';
import { CARD_STATE_FIELDS, newCardState, stateOf } from './card-state';
import { reviewCard } from './review';

/** Relative tolerance for stability and difficulty: only float noise, never a real difference. */
export const FLOAT_EPSILON = 1e-9;

/** Events in the order they were answered. Stable, so equal times keep their stored order. */
function inTimeOrder(events: readonly ReviewEvent[]): ReviewEvent[] {
  return [...events].sort((a, b) => a.at - b.at);
}

/** The state of a card created at `createdAt` after its `events` (any order; they are sorted by time). */
export function replayCard(scheduler: SchedulerSource, createdAt: number, events: readonly ReviewEvent[]): CardState {
  const schedulerAt = typeof scheduler === 'function' ? scheduler : (): FSRS => scheduler;
  let state = newCardState(createdAt);
  for (const event of inTimeOrder(events)) {
    state = reviewCard(schedulerAt(event.at), state, event.rating, event.at).after;
  }
  return state;
}

/** The result of checking one card against its events. */
export type CardCheck =
  | { ok: true }
  | { ok: false; expected: CardState; stored: CardState; differences: string[] };

function sameFloat(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= FLOAT_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function show(field: keyof CardState, value: number | undefined): string {
  if (value === undefined) return 'none';
  if (field === 'due' || field === 'lastReview') return new Date(value).toISOString();
  return String(value);
}

/** Human lines, one per field that differs: `due: stored … , expected …`. */
export function stateDifferences(expected: CardState, stored: CardState): string[] {
  const differences: string[] = [];
  for (const field of CARD_STATE_FIELDS) {
    const want = expected[field];
    const have = stored[field];
    const equal =
      want === undefined || have === undefined
        ? want === have
        : field === 'stability' || field === 'difficulty'
          ? sameFloat(want, have)
          : want === have;
    if (!equal) differences.push(`${field}: stored ${show(field, have)}, expected ${show(field, want)}`);
  }
  return differences;
}

/**
 * Replay `card`'s events (those of other cards are ignored) and compare every
 * state field with the stored one: `due` to the millisecond, floats within
 * FLOAT_EPSILON.
 */
export function checkCard(scheduler: SchedulerSource, card: CardRecord, events: readonly ReviewEvent[]): CardCheck {
  const own = events.filter((event) => event.cardId === card.id);
  const expected = replayCard(scheduler, card.createdAt, own);
  const differences = stateDifferences(expected, card);
  if (differences.length === 0) return { ok: true };
  return { ok: false, expected, stored: stateOf(card), differences };
}
