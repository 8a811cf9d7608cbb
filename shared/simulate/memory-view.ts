/**
 * What the engine knows of the person's memory when it draws a scenario: per card, how
 * well it is recalled now; per edge and section, when a simulation last walked it. The
 * same view (with the same seed) draws the same scenario.
 */

/** One card's memory, as the weighting reads it. */
export interface CardMemory {
  /** Probability of recall now (FSRS retrievability; 0 for a card never studied). */
  retrievability: number;
  /** Times forgotten (FSRS lapses). */
  lapses: number;
  /** Relearning after a recent lapse. */
  relearning: boolean;
}

export interface MemoryView {
  cards: ReadonlyMap<string, CardMemory>;
  /** By edge key (`from->to`) or checklist section id: when a simulation last walked it (epoch ms). */
  walkedAt: ReadonlyMap<string, number>;
  /** When the scenario is drawn (epoch ms): "lately" is measured from it. */
  now: number;
}

/** A view with nothing known: every branch counts as weak and never walked. */
export function emptyMemory(now = 0): MemoryView {
  return { cards: new Map(), walkedAt: new Map(), now };
}

/**
 * How weak a card is, 0 (recalled for sure) to 2: what is not recalled, plus recent
 * trouble (lapses, relearning). A card never studied or unknown counts as fully weak.
 */
export function cardWeakness(memory: MemoryView, cardId: string | undefined): number {
  const card = cardId === undefined ? undefined : memory.cards.get(cardId);
  if (!card) return 1;
  const trouble = Math.min(card.lapses, 4) / 8 + (card.relearning ? 0.5 : 0);
  return Math.min(2, 1 - Math.max(0, Math.min(1, card.retrievability)) + trouble);
}

const DAY_MS = 86_400_000;
/** Staleness saturates after this many days: a month unwalked is as stale as a year. */
const STALE_DAYS = 30;

/** How long since `key` was walked, 0 (today) to 1 (a month or more, or never). */
export function staleness(memory: MemoryView, key: string): number {
  const at = memory.walkedAt.get(key);
  if (at === undefined) return 1;
  return Math.max(0, Math.min(1, (memory.now - at) / (STALE_DAYS * DAY_MS)));
}
