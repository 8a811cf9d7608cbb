/**
 * How long ts-fsrs takes to schedule a day's worth of answers many times over: 10 000
 * reviews (1 000 cards answered 10 times each, at their due dates, with a realistic mix of
 * ratings). Replaying events through FSRS is what "Check collection" does, so this bounds it.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import { defineBenchCase, type BenchOptions } from '../lib/types';

const REVIEWS_PER_CARD = 10;
const START = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Deterministic ratings: mostly Good, some Hard and Easy, a few Again (like a real deck). */
function ratingFor(index: number): Grade {
  const roll = (Math.imul(index + 1, 2654435761) >>> 0) % 100;
  if (roll < 10) return Rating.Again;
  if (roll < 25) return Rating.Hard;
  if (roll < 90) return Rating.Good;
  return Rating.Easy;
}

interface ReviewPlan {
  cards: Card[];
}

function plan(options: BenchOptions): ReviewPlan {
  const cardCount = (options.quick ? 1_000 : 10_000) / REVIEWS_PER_CARD;
  return { cards: Array.from({ length: cardCount }, () => createEmptyCard(new Date(START))) };
}

export const benchCase = defineBenchCase<ReviewPlan>({
  name: 'fsrs: schedule 10 000 reviews',
  unit: 'ms',
  runs: 15,
  setup: plan,
  run({ cards }) {
    const scheduler = fsrs({ enable_fuzz: true });
    let checksum = 0;
    for (let c = 0; c < cards.length; c++) {
      let card = cards[c]!;
      for (let r = 0; r < REVIEWS_PER_CARD; r++) {
        card = scheduler.next(card, card.due, ratingFor(c * REVIEWS_PER_CARD + r)).card;
      }
      checksum += card.stability;
    }
    // Keep the result observable so the loop cannot be optimized away.
    if (!Number.isFinite(checksum)) throw new Error('FSRS produced a non-finite stability');
  },
});
