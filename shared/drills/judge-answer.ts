/**
 * Whether an answer to a drill is right: the chosen option, the order of a sequence
 * (with how far off), a typed value compared tolerantly, and a memory item's clock.
 * Drills and simulation decisions are judged by the same rules.
 */
import { formatSeconds } from '../schedule/auto-grade';
import { answersMatch, orderDistance, sequenceCorrect } from '../schedule/compare-answer';
import { inlinePlain, sameReading } from '../text/inline-text';
import type { CardSpec } from './card-spec';
import type { DrillKind } from './drill-kind';

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

/** What judging needs of a card on screen. */
export interface JudgedCard {
  spec: CardSpec;
  drill: DrillKind;
  /** Memory items only: the clock. */
  timeLimitMs?: number;
}

/** Whether `given` answers `card` correctly; memory items must also be in time. */
export function judgeAnswer(card: JudgedCard, given: GivenAnswer, durationMs: number): Judgement {
  const { spec } = card;
  if (given.kind === 'choice') {
    // Options never read alike (pickChoices), so the one that reads like the answer is it.
    const chosen = spec.choices?.[given.index];
    return { correct: chosen !== undefined && sameReading(chosen, spec.answer) };
  }
  if (given.kind === 'order') {
    const steps = (spec.sequence ?? []).map(inlinePlain);
    const order = given.order.map((index) => steps[index] ?? '');
    if (sequenceCorrect(order, steps)) return { correct: true };
    const pairs = (steps.length * (steps.length - 1)) / 2;
    const wrong = Math.round(orderDistance(order, steps) * pairs);
    return { correct: false, detail: `${wrong} of ${pairs} pairs of steps in the wrong order` };
  }
  // Typed answers are compared with what the person reads, never with markup.
  const expected = card.drill === 'cloze' ? (spec.cloze ?? inlinePlain(spec.answer)) : inlinePlain(spec.answer);
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
