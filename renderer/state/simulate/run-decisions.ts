/**
 * Storing a decision: the decision is also an answer on the card that asks the same thing
 * (one memory model), so it is written as a `simulation` review event with the card's new
 * state and the decision appended to the attempt, all in one transaction.
 */
import type { FSRS } from 'ts-fsrs';
import type { DecisionRecord } from '../../../shared/model';
import { answerCard } from '../../../shared/schedule/review';
import type { DecisionAnswer } from '../../storage/attempt-repository';

/** The answer `decision` gives its card, or undefined when it has no card or grade. */
export function decisionAnswer(decision: DecisionRecord, scheduler: FSRS, eventId: string): DecisionAnswer | undefined {
  const { cardId, rating } = decision;
  if (cardId === undefined || rating === undefined) return undefined;
  return {
    cardId,
    answer: (stored) =>
      answerCard(scheduler, stored, rating, decision.shownAt + decision.durationMs, {
        id: eventId,
        durationMs: decision.durationMs,
        hintsUsed: decision.hints.length,
        grader: decision.selfJudged ? 'self' : 'auto',
        source: 'simulation',
        correct: decision.correct,
      }),
  };
}
