/** What a drill shows before it is answered: a sequence's starting order, a cloze's hint. */
import { hash32 } from '../hash';
import { createRandom, shuffled } from '../random';
import { sequenceCorrect } from '../schedule/compare-answer';

/**
 * The order a sequence drill starts in: shuffled, differently on each attempt
 * (seeded by card and attempt), and never already right when it can be wrong.
 */
export function shuffledOrder(steps: readonly string[], seedText: string): number[] {
  const random = createRandom(hash32(seedText));
  let order = steps.map((_, index) => index);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    order = shuffled(order, random);
    if (!sequenceCorrect(order.map((i) => steps[i] ?? ''), steps)) return order;
  }
  // Eight shuffles all right (possible only with duplicates or two steps): reverse instead.
  return steps.map((_, index) => steps.length - 1 - index);
}

/** A cloze hint: the first `hints` characters of the answer, the rest as blanks (spaces kept, so the shape shows). */
export function clozeHint(answer: string, hints: number): string {
  return [...answer].map((char, index) => (index < hints || char === ' ' ? char : '_')).join('');
}
