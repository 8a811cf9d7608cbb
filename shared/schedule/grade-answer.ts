/**
 * From a judged answer to a grade: the person's usual time for a kind of card, the
 * automatic grade with its reason, and the next interval each grade would give.
 * Drills and simulation decisions are graded by the same rules.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardKind, CardState, Rating, ReviewEvent } from '../model';
import type { Judgement } from '../drills/judge-answer';
import type { AutoGrade } from './auto-grade';
import { USUAL_WINDOW, autoGrade, formatSeconds, usualResponseMs } from './auto-grade';
import { reviewCard } from './review';
import type { GradingMode } from './scheduler-settings';

/**
 * The person's usual response time for one card kind, from their drill answers of that kind.
 * Simulation decisions are left out: they are answered under a scenario's clock after
 * reading a situation, so their times measure something else than recalling a card.
 */
export function usualTimeForKind(
  events: readonly ReviewEvent[],
  kindOfCard: ReadonlyMap<string, CardKind>,
  kind: CardKind,
): number | null {
  // usualResponseMs reads only the last USUAL_WINDOW correct, timed answers: with events oldest
  // first, walking back from the end until that many are found gives it the same answers without
  // looking up the kind of every event of the history (this runs on every objective answer).
  const recent: ReviewEvent[] = [];
  let counted = 0;
  for (let i = events.length - 1; i >= 0 && counted < USUAL_WINDOW; i -= 1) {
    const event = events[i] as ReviewEvent;
    if (event.source === 'simulation' || (event.kind ?? kindOfCard.get(event.cardId)) !== kind) continue;
    recent.push(event);
    if ((event.correct ?? event.rating > 1) && event.durationMs > 0) counted += 1;
  }
  return usualResponseMs(recent.reverse());
}

/** practice.md's automatic grade for an objective answer, the judgement's detail (a late memory item…) in the reason. */
export function gradeAnswer(
  judgement: Judgement,
  facts: { hintsUsed: number; durationMs: number; usualMs: number | null; mode: GradingMode },
): AutoGrade {
  const grade = autoGrade({ correct: judgement.correct, ...facts });
  if (judgement.correct || !judgement.detail) return grade;
  return { rating: grade.rating, reason: `${judgement.detail}, in ${formatSeconds(facts.durationMs)}: Again` };
}

/** Milliseconds from the answer until the card would be due again, per grade. */
export type Intervals = Record<Rating, number>;

export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** The next interval of each grade, computed exactly as the answer will be (same time, same scheduler). */
export function previewIntervals(scheduler: FSRS, state: CardState, at: number): Intervals {
  const interval = (rating: Rating): number => {
    const result = reviewCard(scheduler, state, rating, at);
    return result.after.due - result.at;
  };
  return { 1: interval(1), 2: interval(2), 3: interval(3), 4: interval(4) };
}

/** The grades offered: all four, or Again and Good in pass/fail mode. */
export function gradesFor(mode: GradingMode): readonly Rating[] {
  return mode === 'pass-fail' ? [1, 3] : RATINGS;
}
