/** Builders and arbitraries shared by the scheduling tests. */
import fc from 'fast-check';
import type { CardRecord, CardState, ItemRecord, Rating, ReviewEvent } from '../../../shared/model';
import { newCardState } from '../../../shared/schedule/card-state';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 2024-03-01 12:00 UTC. */
export const T0 = Date.UTC(2024, 2, 1, 12);

/** A new card record of pack `packId`, item `itemId`. */
export function card(id: string, extra: Partial<CardRecord> = {}): CardRecord {
  const packId = extra.packId ?? id.split('/')[0] ?? 'p';
  const itemId = id.split('/')[1] ?? id;
  return {
    ...newCardState(extra.createdAt ?? T0 - 30 * DAY),
    id,
    packId,
    itemKey: `${packId}/${itemId}`,
    kind: 'next-step',
    suspended: 0,
    buriedUntil: 0,
    createdAt: T0 - 30 * DAY,
    ...extra,
  };
}

/** A card already in review: last reviewed `ago` ms before T0, with `stability` days. */
export function reviewed(id: string, ago: number, stability: number, extra: Partial<CardRecord> = {}): CardRecord {
  return card(id, {
    state: 2,
    reps: 3,
    stability,
    difficulty: 5,
    lastReview: T0 - ago,
    due: T0 - ago + Math.round(stability) * DAY,
    scheduledDays: Math.round(stability),
    ...extra,
  });
}

/** The item record behind `key` (`pack/item`). */
export function item(key: string, extra: Partial<ItemRecord> = {}): ItemRecord {
  const [packId = 'p', id = key] = key.split('/');
  return {
    id,
    key,
    packId,
    kind: 'step',
    text: id,
    order: 0,
    notes: [],
    keyValues: [],
    memory: false,
    tags: [],
    line: 1,
    col: 1,
    retired: false,
    ...extra,
  };
}

/** Items for every distinct itemKey of `cards`, in order of appearance. */
export function itemsFor(cards: readonly CardRecord[], extra: Record<string, Partial<ItemRecord>> = {}): ItemRecord[] {
  const keys = [...new Set(cards.map((c) => c.itemKey))];
  return keys.map((key, order) => item(key, { order, ...extra[key] }));
}

let eventCount = 0;

/** An answer event on `cardRecord` at `at`, the card having been in state `before` (default: its own state). */
export function event(cardRecord: CardRecord, at: number, extra: Partial<ReviewEvent> = {}): ReviewEvent {
  eventCount += 1;
  return {
    id: `e${eventCount}`,
    cardId: cardRecord.id,
    packId: cardRecord.packId,
    rating: 3,
    at,
    durationMs: 4000,
    hintsUsed: 0,
    grader: 'self',
    source: 'drill',
    before: { ...(cardRecord as CardState) },
    ...extra,
  };
}

/** One answer in a random history: wait `gap` ms, then answer with `rating`. */
export interface Step {
  gap: number;
  rating: Rating;
}

/** Gaps that exercise learning steps (minutes), same-day repeats (hours) and long reviews (days, with fuzz). */
export const gapArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 30 * MINUTE }),
  fc.integer({ min: 0, max: 20 * HOUR }),
  fc.integer({ min: 1 * DAY, max: 400 * DAY }),
);

/** A random answer history. */
export const stepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.record({ gap: gapArb, rating: fc.constantFrom<Rating>(1, 2, 3, 4) }),
  { minLength: 1, maxLength: 25 },
);

/** Random but valid scheduler settings (fuzz mostly on, as in the app). */
export const settingsArb = fc.record({
  desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
  enableFuzz: fc.constantFrom(true, true, true, false),
  learningSteps: fc.constantFrom<('1m' | '10m' | '1h')[][]>(['1m', '10m'], [], ['10m'], ['1m', '10m', '1h']),
  relearningSteps: fc.constantFrom<('10m' | '1h')[][]>(['10m'], [], ['10m', '1h']),
});

/** A creation time between 2020 and 2030. */
export const createdAtArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
