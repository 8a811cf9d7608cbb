/**
 * A seeded simulated learner for the personal-scheduling tests: memory follows FSRS with known
 * "true" parameters, Kata schedules the reviews with its own (default) parameters, and each
 * review's outcome is drawn from the true model's retrievability. Each answer also gets a true
 * rating (how hard recall was: Hard more likely as recall gets less likely), a response time
 * that follows it with noise, and sometimes a hint. `grading: 'auto'` records Kata's automatic
 * grade of that answer (shared/schedule/auto-grade.ts: wrong, hint, slow or fast against the
 * learner's usual time) instead of the true rating; memory itself always moves with the true
 * rating, as a real person's does whatever Kata writes down.
 */
import { fsrs, generatorParameters, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import { createEmptyCard } from 'ts-fsrs';
import type { CardKind, CardState, Rating, ReviewEvent } from '../../../../shared/model';
import { createRandom, type Random } from '../../../../shared/random';
import { autoGrade, usualResponseMs } from '../../../../shared/schedule/auto-grade';
import { newCardState } from '../../../../shared/schedule/card-state';
import { DAY_MS } from '../../../../shared/schedule/day';
import { reviewCard } from '../../../../shared/schedule/review';
import { makeScheduler } from '../../../../shared/schedule/scheduler-settings';

export interface LearnerOptions {
  seed: number;
  /** The learner's true FSRS-6 parameters. */
  trueWeights: readonly number[];
  cards: number;
  days: number;
  newPerDay?: number;
  grading?: 'true' | 'auto';
  /** Kata's parameters while the history is made (null: FSRS's defaults). */
  schedulingWeights?: readonly number[] | null;
  /** Epoch ms of the first day's start (UTC midnight; day start hour 0 in the tests). */
  start?: number;
  /** Share of answers that come from simulations (not targets). */
  simulationShare?: number;
  /** The cards' ids (default `p/card-00000` …), in the order they are introduced; `cards` is then their number. */
  cardIds?: readonly string[];
}

/** 2024-01-01 00:00 UTC. */
export const LEARNER_START = Date.UTC(2024, 0, 1);

interface SimCard {
  id: string;
  kata: CardState;
  memory: FsrsCard;
  introducedDay: number;
}

/** A learner whose true parameters differ from FSRS's defaults: forgets faster at first, with a steeper curve. */
export const FAST_FORGETTER: readonly number[] = [
  0.08, 0.45, 0.9, 3.5, 7.2, 0.6, 2.2, 0.02, 1.3, 0.12, 1.1, 1.9, 0.1, 0.35, 1.9, 0.3, 2.2, 0.5, 0.1, 0.05, 0.4,
];

/** Another learner, the other way: remembers longer than the defaults predict. */
export const SLOW_FORGETTER: readonly number[] = [
  1.2, 3.5, 7.0, 20.0, 5.5, 0.9, 1.5, 0.005, 2.4, 0.1, 0.6, 1.2, 0.05, 0.2, 1.2, 0.7, 1.6, 0.5, 0.1, 0.05, 0.1,
];

function trueRatingOf(recalled: boolean, recall: number, random: Random): Rating {
  if (!recalled) return 1;
  const u = random.next();
  if (u < 0.05 + 0.6 * (1 - recall)) return 2;
  if (u > 0.9 - 0.1 * recall) return 4;
  return 3;
}

/** The response time of an answer with this true rating: ~6 s for Good, slower for Hard, faster for Easy, log-normal noise. */
function durationOf(rating: Rating, random: Random): number {
  const factor = rating === 2 ? 1.8 : rating === 4 ? 0.5 : rating === 1 ? 1.4 : 1;
  const noise = Math.exp(0.25 * (random.next() + random.next() + random.next() - 1.5) * 2);
  return Math.round(6_000 * factor * noise);
}

/** The learner's answers, each as the event Kata would have stored, in time order. */
export function simulateLearner(options: LearnerOptions): ReviewEvent[] {
  const random = createRandom(options.seed);
  const truth = fsrs(generatorParameters({ w: [...options.trueWeights], enable_fuzz: false, enable_short_term: true }));
  const kata = makeScheduler({ weights: options.schedulingWeights ?? null });
  const start = options.start ?? LEARNER_START;
  const newPerDay = options.newPerDay ?? 10;
  const cards: SimCard[] = Array.from({ length: options.cardIds?.length ?? options.cards }, (_, i) => ({
    id: options.cardIds?.[i] ?? `p/card-${String(i).padStart(5, '0')}`,
    kata: newCardState(start),
    memory: createEmptyCard(new Date(start)),
    introducedDay: Math.floor(i / newPerDay),
  }));
  const events: ReviewEvent[] = [];
  for (let day = 0; day < options.days; day += 1) {
    const dayStart = start + day * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    // The learner sits down once a day, between 8:00 and 20:00, and works through what is due.
    const session = dayStart + (8 + random.int(12)) * 3_600_000;
    const queue = cards
      .filter((card) => card.introducedDay <= day && (card.kata.state === 0 ? card.introducedDay === day : card.kata.due < dayEnd))
      .map((card) => ({ card, at: Math.max(session, card.kata.state === 0 ? session : card.kata.due) }));
    let clock = session;
    while (queue.length > 0) {
      queue.sort((a, b) => a.at - b.at);
      const { card, at: dueAt } = queue.shift()!;
      const at = Math.max(clock, dueAt);
      const last = card.memory.last_review?.getTime();
      const recall =
        card.memory.state === 0 || last === undefined ? 0.7 : truth.forgetting_curve(Math.floor((at - last) / DAY_MS), card.memory.stability);
      const recalled = random.next() < recall;
      const trueRating = trueRatingOf(recalled, recall, random);
      const durationMs = durationOf(trueRating, random);
      const hintsUsed = trueRating === 2 && random.chance(0.3) ? 1 : 0;
      let rating: Rating = trueRating;
      if (options.grading === 'auto') {
        const usualMs = usualResponseMs(events.slice(-200));
        rating = autoGrade({ correct: recalled, hintsUsed, durationMs, usualMs, mode: 'graded' }).rating;
      }
      const source = random.chance(options.simulationShare ?? 0) ? 'simulation' : 'drill';
      const result = reviewCard(kata, card.kata, rating, at);
      events.push({
        id: `e-${events.length}`,
        cardId: card.id,
        packId: card.id.split('/')[0] ?? 'p',
        rating,
        at: result.at,
        durationMs,
        hintsUsed,
        grader: options.grading === 'auto' ? 'auto' : 'self',
        source,
        correct: recalled,
        // Kata's card ids end with their kind (pack/item/kind).
        kind: (card.id.split('/')[2] as CardKind | undefined) ?? 'next-step',
        before: result.before,
      });
      card.kata = result.after;
      card.memory = truth.next(card.memory, new Date(at), trueRating as Grade).card;
      clock = at + durationMs;
      // Learning steps due again today come back in this session.
      if (card.kata.due < dayEnd) queue.push({ card, at: card.kata.due });
    }
  }
  return events;
}

/** Events grouped by card id (each group in time order, as the simulation wrote them). */
export function eventsByCard(events: readonly ReviewEvent[]): Map<string, ReviewEvent[]> {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const event of events) {
    const list = byCard.get(event.cardId) ?? [];
    list.push(event);
    byCard.set(event.cardId, list);
  }
  return byCard;
}
