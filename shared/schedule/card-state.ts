/**
 * Conversion between Kata's stored card state (epoch milliseconds, so IndexedDB can
 * index it) and ts-fsrs cards (Dates). The boundary is here and nowhere else.
 */
import { createEmptyCard, type Card as FsrsCard } from 'ts-fsrs';
import type { CardState } from '../model';

/** The state of a card that has never been answered, due at `now`. */
export function newCardState(now: number): CardState {
  return fromFsrsCard(createEmptyCard(new Date(now)));
}

/** A ts-fsrs card from a stored state. */
export function toFsrsCard(state: CardState): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.lastReview === undefined ? {} : { last_review: new Date(state.lastReview) }),
  };
}

/** A stored state from a ts-fsrs card. */
export function fromFsrsCard(card: FsrsCard): CardState {
  const state: CardState = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
  };
  if (card.last_review) state.lastReview = card.last_review.getTime();
  return state;
}

/** The names of the CardState fields, in a fixed order (comparison and copying walk them). */
export const CARD_STATE_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview',
] as const satisfies readonly (keyof CardState)[];

/** Only the FSRS state of a card record: what an event stores as `before`. */
export function stateOf(card: CardState): CardState {
  const state: CardState = {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.lastReview !== undefined) state.lastReview = card.lastReview;
  return state;
}

/**
 * `card` with its FSRS state replaced by `state`. Not a plain spread: undoing a
 * card's first answer must remove `lastReview`, which `{ ...card, ...before }` would keep.
 */
export function withState<T extends CardState>(card: T, state: CardState): T {
  const next: T = { ...card, ...stateOf(state) };
  if (state.lastReview === undefined) delete next.lastReview;
  return next;
}
