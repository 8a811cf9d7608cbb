/**
 * Judging one answer on screen: whether it is right (tolerant typed comparison,
 * order distance, the memory clock), the automatic grade with its reason, and
 * the next interval each grade would give. Pure functions over shared/.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardKind, CardState, Rating, ReviewEvent } from '../../shared/model';
import type { AutoGrade } from '../../shared/schedule/auto-grade';
import { USUAL_WINDOW, autoGrade, formatSeconds, usualResponseMs } from '../../shared/schedule/auto-grade';
import { answersMatch, orderDistance, sequenceCorrect } from '../../shared/schedule/compare-answer';
import { reviewCard } from '../../shared/schedule/review';
import type { GradingMode } from '../../shared/schedule/scheduler-settings';
import type { PracticeCard } from './practice-collection';

/** What the person gave, per drill. */
export type GivenAnswer =
  /** Index into the card's choices. */
  | { kind: 'choice'; index: number }
  /** Typed (cloze, memory item); empty means "I don't know". */
  | { kind: 'text'; text: string }
  /** Indices into the card's sequence, in the person's order. */
  | { kind: 'order'; order: number[] };

export interface Judgement {
  correct: boolean;
  /** A short note on what was wrong or how far off (shown beside the grade). */
  detail?: string;
}

/** Whether `given` answers `card` correctly; memory items must also be in time. */
export function judgeAnswer(card: PracticeCard, given: GivenAnswer, durationMs: number): Judgement {
  const { spec } = card;
  if (given.kind === 'choice') {
    const chosen = spec.choices?.[given.index];
    return { correct: chosen !== undefined && chosen === spec.answer };
  }
  if (given.kind === 'order') {
    const steps = spec.sequence ?? [];
    const order = given.order.map((index) => steps[index] ?? '');
    if (sequenceCorrect(order, steps)) return { correct: true };
    const pairs = (steps.length * (steps.length - 1)) / 2;
    const wrong = Math.round(orderDistance(order, steps) * pairs);
    return { correct: false, detail: `${wrong} of ${pairs} pairs of steps in the wrong order` };
  }
  const expected = card.drill === 'cloze' ? (spec.cloze ?? spec.answer) : spec.answer;
  if (given.text.trim() === '') return { correct: false, detail: 'No answer given' };
  const matches = answersMatch(given.text, expected);
  if (card.drill === 'memory' && card.timeLimitMs !== undefined && durationMs > card.timeLimitMs) {
    return {
      correct: false,
      detail: matches
        ? `Right words, but after the ${formatSeconds(card.timeLimitMs)} limit`
        : `Not the exact step, and after the ${formatSeconds(card.timeLimitMs)} limit`,
    };
  }
  return matches ? { correct: true } : { correct: false, detail: 'Not the expected answer' };
}

/** The person's usual response time for one card kind, from the events of cards of that kind. */
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
    if ((event.kind ?? kindOfCard.get(event.cardId)) !== kind) continue;
    recent.push(event);
    if ((event.correct ?? event.rating > 1) && event.durationMs > 0) counted += 1;
  }
  return usualResponseMs(recent.reverse());
}

/** practice.md's automatic grade for an objective answer, the memory clock's verdict included in the reason. */
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

/** A small deterministic PRNG (mulberry32) so a shuffle is reproducible in tests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * The order a sequence drill starts in: shuffled, differently on each attempt
 * (seeded by card and attempt), and never already right when it can be wrong.
 */
export function shuffledOrder(steps: readonly string[], seedText: string): number[] {
  const next = random(hashString(seedText));
  const order = steps.map((_, index) => index);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    if (!sequenceCorrect(order.map((i) => steps[i] ?? ''), steps)) return order;
  }
  // Eight shuffles all right (possible only with duplicates or two steps): reverse instead.
  return steps.map((_, index) => steps.length - 1 - index);
}

/** A cloze hint: the first `hints` characters of the answer, the rest as blanks (spaces kept, so the shape shows). */
export function clozeHint(answer: string, hints: number): string {
  return [...answer].map((char, index) => (index < hints || char === ' ' ? char : '_')).join('');
}
