/**
 * Which cards to practise now, in what order (practice.md, "Drills"):
 *
 * 1. Due reviews first, lowest retrievability first: the memories closest to
 *    being lost. A card whose item changed since its last review (a re-import
 *    rewrote the text) is due now and sorts as if retrievability were 0: what
 *    the person remembers is a text that no longer exists.
 * 2. Then new cards, packs interleaved round-robin (each pack in its reading
 *    order), so one big pack does not crowd out the others.
 * 3. Limits per study day: new cards up to newCardsPerDay minus those introduced
 *    today; reviews up to maxReviewsPerDay minus those done today. Learning and
 *    relearning cards (short-term steps, state 1 or 3) are never cut: a card
 *    half-way through its steps must finish them.
 * 4. Siblings are buried for the day: at most one card per item in the queue,
 *    and none for an item another of whose cards was answered today (the same
 *    card may come back for its next learning step).
 * 5. Suspended cards, buried cards (buriedUntil > now) and retired items' cards are left out.
 *
 * Review-state cards are due for the whole study day they fall in (FSRS intervals
 * are whole days); learning cards are due at their minute.
 */
import type { FSRS } from 'ts-fsrs';
import type { CardKind, CardRecord, ItemRecord, ReviewEvent } from '../model';
import { studyDayEnd, studyDayStart } from './day';
import { retrievability } from './review';
import { makeScheduler, type SchedulerSettings } from './scheduler-settings';

/** What a queue reads of an item: its reading position, and whether it was retired or changed. */
export type QueueItem = Pick<ItemRecord, 'key' | 'order'> & Partial<Pick<ItemRecord, 'retired' | 'changedAt'>>;

/** The settings the daily queue reads. */
export type QueueSettings = Pick<SchedulerSettings, 'newCardsPerDay' | 'maxReviewsPerDay' | 'dayStartHour'>;

/** Everything the daily queue is built from. */
export interface QueueInput {
  /** All cards of the active packs (suspended ones too: today's answers are matched to items through them). */
  cards: readonly CardRecord[];
  /** Their items (or what the queue reads of them), or those by key: reading order, `retired` and `changedAt`. */
  items: readonly QueueItem[] | ReadonlyMap<string, QueueItem>;
  /** Answers since the study day began; earlier ones are ignored, so passing more is harmless. */
  todaysEvents: readonly ReviewEvent[];
  now: number;
  settings: QueueSettings;
  /** `new Date().getTimezoneOffset()` in the renderer. */
  timezoneOffsetMinutes: number;
  /** Order of packs in the new-card round-robin; packs not listed follow in order of first appearance. */
  packOrder?: readonly string[];
  /** Used only for retrievability; built from defaults when absent (retrievability does not depend on settings). */
  scheduler?: FSRS;
}

/** What "today" already holds: counts against the limits and the items answered. */
export interface TodaysCounts {
  /** Cards answered today that were new before the answer. */
  newIntroduced: number;
  /** Answers today on cards in the review state (2) before the answer. */
  reviews: number;
  /** For each item answered today, the ids of its cards answered. */
  answeredItems: Map<string, Set<string>>;
}

/** Counts of today's answers (events from `dayStart` on; others are ignored). */
export function countToday(events: readonly ReviewEvent[], cards: readonly CardRecord[], dayStart: number): TodaysCounts {
  const itemOf = new Map(cards.map((card) => [card.id, card.itemKey]));
  const counts: TodaysCounts = { newIntroduced: 0, reviews: 0, answeredItems: new Map() };
  for (const event of events) {
    if (event.at < dayStart) continue;
    if (event.before.state === 0) counts.newIntroduced += 1;
    if (event.before.state === 2) counts.reviews += 1;
    const itemKey = itemOf.get(event.cardId);
    if (itemKey === undefined) continue;
    const answered = counts.answeredItems.get(itemKey) ?? new Set<string>();
    answered.add(event.cardId);
    counts.answeredItems.set(itemKey, answered);
  }
  return counts;
}

/** True when the card's item was re-imported with a new text after the card's last review. */
export function itemChangedSinceReview(card: CardRecord, item: QueueItem | undefined): boolean {
  return item?.changedAt !== undefined && card.lastReview !== undefined && item.changedAt > card.lastReview;
}

/**
 * Which of a new item's cards comes first: recalling the step itself, then its details, then
 * its reasons (siblings are buried, so the others follow on later days).
 */
const INTRODUCTION_ORDER: readonly CardKind[] = ['qa', 'next-step', 'branch', 'cloze', 'memory', 'reverse', 'why', 'sequence'];

/**
 * Reading order of cards within a pack: import time, then the item's position, then the kind
 * (INTRODUCTION_ORDER) and the card id, so it never depends on the order the cards were read in.
 */
function readingOrder(cards: readonly CardRecord[], items: ReadonlyMap<string, QueueItem>): CardRecord[] {
  const position = (card: CardRecord): number => items.get(card.itemKey)?.order ?? Number.MAX_SAFE_INTEGER;
  const rank = (card: CardRecord): number => INTRODUCTION_ORDER.indexOf(card.kind);
  return [...cards].sort(
    (a, b) => a.createdAt - b.createdAt || position(a) - position(b) || rank(a) - rank(b) || compareIds(a.id, b.id),
  );
}

/** Pack ids in round-robin order: `packOrder` first, then the others as they first appear. */
function packSequence(cards: readonly CardRecord[], packOrder: readonly string[] = []): string[] {
  const present = new Set(cards.map((card) => card.packId));
  const sequence = packOrder.filter((id) => present.has(id));
  for (const card of cards) if (!sequence.includes(card.packId)) sequence.push(card.packId);
  return sequence;
}

/** Cards interleaved across packs, one per pack per round, each pack in reading order. */
export function interleavePacks(
  cards: readonly CardRecord[],
  items: ReadonlyMap<string, QueueItem>,
  packOrder?: readonly string[],
): CardRecord[] {
  const lanes = packSequence(cards, packOrder).map((packId) =>
    readingOrder(
      cards.filter((card) => card.packId === packId),
      items,
    ),
  );
  const result: CardRecord[] = [];
  for (let round = 0; result.length < cards.length; round += 1) {
    for (const lane of lanes) {
      const card = lane[round];
      if (card) result.push(card);
    }
  }
  return result;
}

/** Sort key of a due card: retrievability now, 0 for a card whose item changed. */
function urgency(scheduler: FSRS, card: CardRecord, item: QueueItem | undefined, now: number): number {
  return itemChangedSinceReview(card, item) ? 0 : retrievability(scheduler, card, now);
}

/** Cards sorted by ascending urgency (lowest retrievability first), then earliest due, then id. */
function byRetrievability(
  scheduler: FSRS,
  cards: readonly CardRecord[],
  items: ReadonlyMap<string, QueueItem>,
  now: number,
): CardRecord[] {
  const keyed = cards.map((card) => ({ card, r: urgency(scheduler, card, items.get(card.itemKey), now) }));
  keyed.sort((a, b) => a.r - b.r || a.card.due - b.card.due || compareIds(a.card.id, b.card.id));
  return keyed.map(({ card }) => card);
}

/** Items by key: a map as given (a collection keeps one), a list made into one. */
function byKey(items: readonly QueueItem[] | ReadonlyMap<string, QueueItem>): ReadonlyMap<string, QueueItem> {
  return items instanceof Map ? items : new Map((items as readonly QueueItem[]).map((item) => [item.key, item]));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The daily queue: due reviews (lowest retrievability first), then new cards, within the day's limits. */
export function buildQueue(input: QueueInput): CardRecord[] {
  const { cards, now, settings, timezoneOffsetMinutes } = input;
  const scheduler = input.scheduler ?? makeScheduler();
  const items = byKey(input.items);
  const dayStart = studyDayStart(now, settings.dayStartHour, timezoneOffsetMinutes);
  const dayEnd = studyDayEnd(now, settings.dayStartHour, timezoneOffsetMinutes);
  const today = countToday(input.todaysEvents, cards, dayStart);

  const available = cards.filter((card) => {
    if (card.suspended === 1 || card.buriedUntil > now || items.get(card.itemKey)?.retired) return false;
    const answered = today.answeredItems.get(card.itemKey);
    // A sibling answered today buries the item; the card's own learning steps do not.
    return !answered || [...answered].every((id) => id === card.id);
  });

  const isDue = (card: CardRecord): boolean => {
    if (card.state === 0) return false;
    if (itemChangedSinceReview(card, items.get(card.itemKey))) return true;
    return card.state === 2 ? card.due < dayEnd : card.due <= now;
  };

  const queue: CardRecord[] = [];
  const taken = new Set<string>();
  let reviewsLeft = Math.max(0, settings.maxReviewsPerDay - today.reviews);
  for (const card of byRetrievability(scheduler, available.filter(isDue), items, now)) {
    if (taken.has(card.itemKey)) continue;
    if (card.state === 2) {
      if (reviewsLeft <= 0) continue;
      reviewsLeft -= 1;
    }
    queue.push(card);
    taken.add(card.itemKey);
  }

  let newLeft = Math.max(0, settings.newCardsPerDay - today.newIntroduced);
  const fresh = available.filter((card) => card.state === 0);
  for (const card of interleavePacks(fresh, items, input.packOrder)) {
    if (newLeft <= 0) break;
    if (taken.has(card.itemKey)) continue;
    queue.push(card);
    taken.add(card.itemKey);
    newLeft -= 1;
  }
  return queue;
}

/**
 * When the next learning or relearning step falls due after `now` (epoch ms), or
 * null: lets the session say "next card in 8 min" instead of "done".
 */
export function nextLearningDue(cards: readonly CardRecord[], now: number): number | null {
  let next: number | null = null;
  for (const card of cards) {
    if (card.suspended === 1 || card.buriedUntil > now || (card.state !== 1 && card.state !== 3)) continue;
    if (card.due > now && (next === null || card.due < next)) next = card.due;
  }
  return next;
}

/** A session the person asks for, outside the daily plan and its limits. */
export type CustomQueueRequest =
  /** "This pack now": every unsuspended card of the pack: due first, then new, then the rest. */
  | { mode: 'pack'; packId: string }
  /** "My N weakest cards" among those answered at least once. */
  | { mode: 'weakest'; count: number; by?: 'retrievability' | 'lapses' }
  /** Exactly these cards, in this order (Progress's "practise these"). */
  | { mode: 'cards'; ids: readonly string[] };

/** What a custom queue is built from. */
export interface CustomQueueInput {
  cards: readonly CardRecord[];
  /** For reading order and changed items, or those by key; optional. */
  items?: readonly QueueItem[] | ReadonlyMap<string, QueueItem>;
  now: number;
  request: CustomQueueRequest;
  scheduler?: FSRS;
}

/**
 * A custom session: limits, bury and siblings ignored (the person asked for it),
 * suspended cards still left out.
 */
export function buildCustomQueue(input: CustomQueueInput): CardRecord[] {
  const { now, request } = input;
  const scheduler = input.scheduler ?? makeScheduler();
  const items = byKey(input.items ?? []);
  const active = input.cards.filter((card) => card.suspended === 0 && !items.get(card.itemKey)?.retired);

  if (request.mode === 'pack') {
    const own = active.filter((card) => card.packId === request.packId);
    const due = own.filter(
      (card) => card.state !== 0 && (card.due <= now || itemChangedSinceReview(card, items.get(card.itemKey))),
    );
    const dueIds = new Set(due.map((card) => card.id));
    const rest = own.filter((card) => card.state !== 0 && !dueIds.has(card.id));
    return [
      ...byRetrievability(scheduler, due, items, now),
      ...readingOrder(
        own.filter((card) => card.state === 0),
        items,
      ),
      ...byRetrievability(scheduler, rest, items, now),
    ];
  }

  if (request.mode === 'cards') {
    const byId = new Map(active.map((card) => [card.id, card]));
    return [...new Set(request.ids)].map((id) => byId.get(id)).filter((card): card is CardRecord => card !== undefined);
  }

  const count = Math.max(0, Math.floor(request.count));
  const keyed = active
    .filter((card) => card.state !== 0)
    .map((card) => ({ card, r: urgency(scheduler, card, items.get(card.itemKey), now) }));
  const byR = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => a.r - b.r;
  const byLapses = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => b.card.lapses - a.card.lapses;
  keyed.sort((a, b) =>
    request.by === 'lapses'
      ? byLapses(a, b) || byR(a, b) || compareIds(a.card.id, b.card.id)
      : byR(a, b) || byLapses(a, b) || compareIds(a.card.id, b.card.id),
  );
  return keyed.slice(0, count).map(({ card }) => card);
}
