/**
 * The per-answer paths of a session read only the tail of the event history
 * (today's answers, the last answers of a kind) instead of all of it. These
 * tests check on random collections that they choose exactly what the full
 * scans they replace chose: the same learning cards coming back, in the same
 * order, and the same usual time per kind.
 */
import { describe, expect, test } from 'vitest';
import { createRandom } from '../../../../bench/fixtures/random';
import type { CardKind, CardRecord, ItemRecord, PackRecord, ReviewEvent } from '../../../../shared/model';
import { usualResponseMs } from '../../../../shared/schedule/auto-grade';
import { DAY_MS, studyDayStart } from '../../../../shared/schedule/day';
import { makeScheduler, normalizeSchedulerSettings } from '../../../../shared/schedule/scheduler-settings';
import type { Collection } from '../../../../renderer/state/practice/practice-collection';
import { itemsOfPack } from '../../../../renderer/state/practice/practice-collection';
import { usualTimeForKind } from '../../../../shared/schedule/grade-answer';
import { averageAnswerMs } from '../../../../shared/schedule/session-stats';
import type { QueueContext } from '../../../../renderer/state/practice/practice-queue';
import { eventsSince, learningDueNow } from '../../../../renderer/state/practice/practice-queue';
import type { SessionRequest } from '../../../../renderer/state/practice/practice-request';

const NOW = Date.UTC(2025, 2, 10, 15, 0, 0);
const KINDS: CardKind[] = ['qa', 'cloze', 'memory', 'sequence'];

function collectionOf(seed: number): Collection {
  const rnd = createRandom(seed).next; // seeded, so a failure reproduces
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const packs = ['p1', 'p2', 'p3'].map((id) => ({ id, title: id }) as unknown as PackRecord);
  const items = new Map<string, ItemRecord>();
  const cards = new Map<string, CardRecord>();
  for (let i = 0; i < 150; i += 1) {
    const packId = pick(packs).id;
    const key = `${packId}/i${i}`;
    items.set(key, { key, packId, retired: rnd() < 0.05, order: i } as unknown as ItemRecord);
    const siblings = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < siblings; s += 1) {
      const id = `${key}/c${s}`;
      cards.set(id, {
        id,
        packId,
        itemKey: key,
        kind: pick(KINDS),
        state: pick([0, 1, 2, 3] as const),
        due: NOW + Math.round((rnd() - 0.6) * 2 * 3_600_000),
        suspended: rnd() < 0.05 ? 1 : 0,
        buriedUntil: rnd() < 0.05 ? NOW + DAY_MS : 0,
        createdAt: NOW - 30 * DAY_MS,
      } as unknown as CardRecord);
    }
  }
  const ids = [...cards.keys()];
  // Oldest first, as loaded (by the `at` index) and as answers are appended; some share a time.
  const events: ReviewEvent[] = [];
  let at = NOW - 20 * DAY_MS;
  for (let i = 0; i < 600; i += 1) {
    at += rnd() < 0.1 ? 0 : Math.floor(rnd() * 60 * 60_000);
    if (at > NOW) break;
    events.push({
      id: `e${i}`,
      cardId: rnd() < 0.03 ? 'gone/card' : pick(ids),
      packId: 'p1',
      rating: pick([1, 2, 3, 4] as const),
      at,
      durationMs: rnd() < 0.05 ? 0 : 1000 + Math.floor(rnd() * 20_000),
      hintsUsed: 0,
      grader: rnd() < 0.5 ? 'auto' : 'self',
      source: 'drill',
      ...(rnd() < 0.5 ? { correct: rnd() < 0.7 } : {}),
      before: { state: 2 } as ReviewEvent['before'],
    });
  }
  const kindOfCard = new Map([...cards.values()].map((card) => [card.id, card.kind]));
  const packItems = new Map<string, ItemRecord[]>();
  for (const item of items.values()) packItems.set(item.packId, [...(packItems.get(item.packId) ?? []), item]);
  const queueItems = new Map([...items.values()].map((item) => [item.key, { key: item.key, order: item.order, retired: item.retired }]));
  const day = { index: 0, start: NOW - DAY_MS, end: NOW + DAY_MS };
  return { packs, packById: new Map(packs.map((p) => [p.id, p])), cards, items, packItems, queueItems, events, kindOfCard, day, streakBefore: 0, countStreak: () => Promise.resolve(), nextDueBeyond: undefined };
}

/** The full scan learningDueNow replaced: every event and every card. */
function learningDueNowByFullScan(
  c: Collection,
  ctx: QueueContext,
  request: SessionRequest,
  at: number,
  exclude: ReadonlySet<string>,
): string[] {
  if (request.mode === 'weakest' || request.mode === 'cards') return [];
  const dayStart = studyDayStart(at, ctx.settings.dayStartHour, ctx.tzOffset(at));
  const answeredToday = new Map<string, Set<string>>();
  for (const event of c.events) {
    const itemKey = event.at >= dayStart ? c.cards.get(event.cardId)?.itemKey : undefined;
    if (itemKey !== undefined) answeredToday.set(itemKey, (answeredToday.get(itemKey) ?? new Set()).add(event.cardId));
  }
  const siblingAnswered = (card: CardRecord): boolean =>
    request.mode === 'daily' && [...(answeredToday.get(card.itemKey) ?? [])].some((id) => id !== card.id);
  return [...c.cards.values()]
    .filter(
      (card) =>
        (card.state === 1 || card.state === 3) &&
        card.due <= at &&
        card.suspended === 0 &&
        card.buriedUntil <= at &&
        !exclude.has(card.id) &&
        (request.mode === 'daily' || card.packId === request.packId) &&
        !c.items.get(card.itemKey)?.retired &&
        !siblingAnswered(card),
    )
    .sort((a, b) => a.due - b.due)
    .map((card) => card.id);
}

const settings = normalizeSchedulerSettings({ dayStartHour: 4 });
const ctx: QueueContext = { settings, scheduler: makeScheduler(settings), tzOffset: () => -60 };
const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

describe('the per-answer session paths', () => {
  test('eventsSince returns exactly the events at or after the time', () => {
    for (const seed of SEEDS) {
      const { events } = collectionOf(seed);
      for (const since of [NOW - 25 * DAY_MS, NOW - 3 * DAY_MS, NOW - 3_600_000, NOW + 1]) {
        expect(eventsSince(events, since)).toEqual(events.filter((event) => event.at >= since));
      }
    }
  });

  test('learning cards come back exactly as a full scan of cards and events would choose them', () => {
    const requests: SessionRequest[] = [{ mode: 'daily' }, { mode: 'pack', packId: 'p2' }, { mode: 'weakest', count: 5 }];
    let chosen = 0;
    for (const seed of SEEDS) {
      const c = collectionOf(seed);
      const exclude = new Set([...c.cards.keys()].filter((_, i) => i % 7 === 0));
      for (const request of requests) {
        for (const at of [NOW, NOW + 30 * 60_000, NOW + DAY_MS]) {
          const ids = learningDueNow(c, ctx, request, at, exclude);
          expect(ids).toEqual(learningDueNowByFullScan(c, ctx, request, at, exclude));
          chosen += ids.length;
        }
      }
    }
    expect(chosen).toBeGreaterThan(100);
  });

  test('after answers are appended, the next learning card is the one a full scan picks', () => {
    const c = collectionOf(99);
    let at = NOW;
    const learning = [...c.cards.values()].filter((card) => card.state === 1 && card.suspended === 0);
    for (const [i, card] of learning.slice(0, 20).entries()) {
      at += 45_000;
      // An answer as the store commits it: the card moves on and its event is appended.
      c.cards.set(card.id, { ...card, due: at + (i % 3) * 60_000, state: i % 2 === 0 ? 1 : 2 });
      c.events.push({ ...(c.events.at(-1) as ReviewEvent), id: `answer${i}`, cardId: card.id, at });
      const next = learningDueNow(c, ctx, { mode: 'daily' }, at + 60_000, new Set());
      expect(next).toEqual(learningDueNowByFullScan(c, ctx, { mode: 'daily' }, at + 60_000, new Set()));
    }
  });

  test('the usual time per kind is the one computed from every event of the kind', () => {
    let known = 0;
    for (const seed of SEEDS) {
      const c = collectionOf(seed);
      for (const kind of KINDS) {
        const full = usualResponseMs(c.events.filter((event) => c.kindOfCard.get(event.cardId) === kind));
        expect(usualTimeForKind(c.events, c.kindOfCard, kind)).toBe(full);
        if (full !== null) known += 1;
      }
    }
    expect(known).toBeGreaterThan(50);
  });

  test('the average answer time is the one over the last timed answers of the whole history', () => {
    for (const seed of SEEDS) {
      const { events } = collectionOf(seed);
      for (const count of [0, 5, 50, 250, events.length]) {
        const some = events.slice(0, count);
        const recent = some.filter((event) => event.durationMs > 0).slice(-200);
        const expected =
          recent.length < 10 ? null : recent.reduce((sum, e) => sum + Math.min(e.durationMs, 120_000), 0) / recent.length;
        expect(averageAnswerMs(some)).toBe(expected);
      }
    }
  });

  test('items of a pack are returned as a fresh list each time', () => {
    const c = collectionOf(7);
    const first = itemsOfPack(c, 'p1');
    expect(first).toEqual([...c.items.values()].filter((item) => item.packId === 'p1'));
    first.pop();
    expect(itemsOfPack(c, 'p1')).toHaveLength(first.length + 1);
    expect(itemsOfPack(c, 'nope')).toEqual([]);
  });
});
