/**
 * One answer on one card: ts-fsrs computes the next state, Kata keeps the state
 * it had before (architecture.md, "events are the truth"). The event's `before`
 * is the stored state itself — never the ts-fsrs log, and undo never calls
 * `rollback()`, which does not restore the original due date.
 */
import type { FSRS, Grade } from 'ts-fsrs';
import type { CardRecord, CardState, Rating, ReviewEvent } from '../model';
import { fromFsrsCard, stateOf, toFsrsCard, withState } from './card-state';
import { DAY_MS } from './day';

/** What one answer did to a card's state. */
export interface ReviewResult {
  /** The review time given to ts-fsrs (see reviewCard): the event must record this one. */
  at: number;
  rating: Rating;
  before: CardState;
  after: CardState;
}

/** The facts of an answer that are not scheduling: who graded, how long it took, etc. */
export interface AnswerFacts {
  /** The event's id; shared/ has no crypto, so the caller makes it (e.g. `crypto.randomUUID()`). */
  id: string;
  cardId: string;
  packId: string;
  durationMs: number;
  hintsUsed?: number;
  grader: ReviewEvent['grader'];
  source?: ReviewEvent['source'];
  correct?: boolean;
  kind?: ReviewEvent['kind'];
}

/**
 * The next state of a card answered with `rating` at `now` (epoch ms). A review
 * dated before the card's last review (the device clock went back) is taken at
 * the last review time instead: ts-fsrs refuses negative elapsed days, and the
 * event must carry the time actually used so that replay folds the same inputs.
 */
export function reviewCard(scheduler: FSRS, state: CardState, rating: Rating, now: number): ReviewResult {
  const at = state.lastReview !== undefined && now < state.lastReview ? state.lastReview : now;
  const { card } = scheduler.next(toFsrsCard(state), new Date(at), rating as Grade);
  return { at, rating, before: stateOf(state), after: fromFsrsCard(card) };
}

/** The append-only event recording `result`, with `before` as stored (what undo puts back). */
export function buildReviewEvent(result: ReviewResult, facts: AnswerFacts): ReviewEvent {
  const event: ReviewEvent = {
    id: facts.id,
    cardId: facts.cardId,
    packId: facts.packId,
    rating: result.rating,
    at: result.at,
    // A negative or NaN duration (clock jump, lost timer) would poison the usual-time median.
    durationMs: Number.isFinite(facts.durationMs) ? Math.max(0, Math.round(facts.durationMs)) : 0,
    hintsUsed: Math.max(0, Math.floor(facts.hintsUsed ?? 0)),
    grader: facts.grader,
    source: facts.source ?? 'drill',
    before: stateOf(result.before),
  };
  if (facts.correct !== undefined) event.correct = facts.correct;
  if (facts.kind !== undefined) event.kind = facts.kind;
  return event;
}

/**
 * Answer a stored card: the updated record and its event, to be written together
 * in one transaction.
 */
export function answerCard(
  scheduler: FSRS,
  card: CardRecord,
  rating: Rating,
  now: number,
  facts: Omit<AnswerFacts, 'cardId' | 'packId' | 'kind'>,
): { card: CardRecord; event: ReviewEvent } {
  const result = reviewCard(scheduler, card, rating, now);
  return {
    card: withState(card, result.after),
    event: buildReviewEvent(result, { ...facts, cardId: card.id, packId: card.packId, kind: card.kind }),
  };
}

/** Undo an answer: the card as it was before `event` (the caller deletes the event in the same transaction). */
export function undoAnswer(card: CardRecord, event: ReviewEvent): CardRecord {
  return withState(card, event.before);
}

/**
 * Probability of recall of `state` at `now` (0 for a card never answered), from ts-fsrs: what
 * its get_retrievability computes (whole days since the last review, stability to 8 places,
 * the scheduler's forgetting curve) without first converting the card to ts-fsrs's form, as
 * the queue asks it of every due card (test/shared/schedule/review.test.ts checks they agree).
 */
export function retrievability(scheduler: FSRS, state: CardState, now: number): number {
  if (state.state === 0 || state.lastReview === undefined) return 0;
  const elapsedDays = Math.max(Math.floor((now - state.lastReview) / DAY_MS), 0);
  return scheduler.forgetting_curve(elapsedDays, +state.stability.toFixed(8));
}
