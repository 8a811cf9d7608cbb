/**
 * The practice collection reads only what a session needs (the cards due by the end of
 * the study day, changed items' and today's answered cards, the recent answers, a streak
 * asked day by day) instead of every card and event. These tests build random collections
 * in a fake-indexeddb Kata database from the real samples and check that what the bounded
 * read gives — the daily queue, custom queues, streak and next due date — is exactly what
 * the full read of every card, item and event gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createRandom } from '../../../../bench/fixtures/random';
import { parseImportFile } from '../../../../shared/import/parse-file';
import { packItemIndex } from '../../../../shared/library/item-index';
import { planImport } from '../../../../shared/library/plan-import';
import type { CardRecord, ItemRecord, PackRecord, ReviewEvent } from '../../../../shared/model';
import { DAY_MS, studyDay, studyDayEnd, studyDayStart } from '../../../../shared/schedule/day';
import { buildCustomQueue, buildQueue } from '../../../../shared/schedule/queue';
import { makeScheduler, normalizeSchedulerSettings } from '../../../../shared/schedule/scheduler-settings';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories, type Repositories } from '../../../../renderer/storage/index';
import { ensurePackItems, itemsOfPack, loadCollection, streakBefore } from '../../../../renderer/state/practice/practice-collection';
import type { QueueContext } from '../../../../renderer/state/practice/practice-queue';
import { dailyQueue, nextDueOf, sessionQueue, streakAt } from '../../../../renderer/state/practice/practice-queue';
import type { SessionRequest } from '../../../../renderer/state/practice/practice-request';
import { nextDueAfter, practiceStreak } from '../../../../shared/schedule/session-stats';
import { openTestDb } from '../../storage/test-db';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../resources/samples');
const FILES = ['model-deployment-checklist.md', 'inference-outage-runbook.md', 'overfitting-diagnosis.mmd', 'ml-metrics.csv'];
const NOW = Date.UTC(2025, 4, 20, 9, 0, 0);
const TZ = -120;
const settings = normalizeSchedulerSettings({ dayStartHour: 4, newCardsPerDay: 7, maxReviewsPerDay: 15 });
const ctx: QueueContext = { settings, scheduler: makeScheduler(settings), tzOffset: () => TZ };

const opened: KataDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

interface Stored {
  repos: Repositories;
  packs: PackRecord[];
  items: ItemRecord[];
  cards: CardRecord[];
  events: ReviewEvent[];
}

/**
 * The samples imported, then shuffled into a lived-in collection: cards new, learning,
 * in review (due from long ago to weeks ahead), suspended or buried; some items changed
 * by a re-import after their cards' last review; an archived pack; and answers on most of
 * the last few weeks (a streak with gaps), several today.
 */
async function storedCollection(seed: number): Promise<Stored> {
  const rnd = createRandom(seed).next; // seeded, so a failure reproduces
  const db = await openTestDb('practice-collection');
  opened.push(db);
  const repos = createRepositories(db);
  const packs: PackRecord[] = [];
  const items: ItemRecord[] = [];
  const cards: CardRecord[] = [];
  for (const [f, file] of FILES.entries()) {
    const parsed = parseImportFile(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
    if (!parsed.ok) throw new Error(file);
    const plan = planImport(parsed.pack, null, NOW - (40 - f) * DAY_MS);
    const packItems = plan.items.map((item) => (rnd() < 0.1 ? { ...item, changedAt: NOW - Math.floor(rnd() * 5 * DAY_MS) } : item));
    const pack: PackRecord = { ...plan.pack, status: f === 3 && seed % 2 === 0 ? 'archived' : 'active', itemIndex: packItemIndex(packItems) };
    const packCards = plan.cards.map((card): CardRecord => {
      const roll = rnd();
      const due = NOW + Math.round((rnd() - 0.5) * 20 * DAY_MS);
      const state = roll < 0.3 ? 0 : roll < 0.4 ? 1 : roll < 0.45 ? 3 : 2;
      const studied = state === 0 ? {} : { lastReview: due - Math.round((1 + rnd() * 9) * DAY_MS), stability: 1 + rnd() * 30, reps: 3 };
      return {
        ...card,
        state,
        due: state === 0 ? card.createdAt : state === 2 ? due : NOW + Math.round((rnd() - 0.5) * 2 * 3_600_000),
        ...studied,
        suspended: rnd() < 0.08 ? 1 : 0,
        buriedUntil: rnd() < 0.05 ? studyDayEnd(NOW, settings.dayStartHour, TZ) : 0,
      };
    });
    await repos.packs.savePackImport(pack, packItems, packCards);
    packs.push(pack);
    items.push(...packItems);
    cards.push(...packCards);
  }
  const events: ReviewEvent[] = [];
  for (let day = 0; day < 30; day += 1) {
    if (day > 0 && rnd() < 0.15) continue;
    const answers = day === 0 ? 1 + Math.floor(rnd() * 8) : Math.floor(rnd() * 4);
    for (let n = 0; n < answers; n += 1) {
      const card = cards[Math.floor(rnd() * cards.length)] as CardRecord;
      const at = day === 0 ? NOW - Math.floor(rnd() * 4 * 3_600_000) : NOW - day * DAY_MS + Math.floor((rnd() - 0.5) * 8 * 3_600_000);
      events.push({
        id: `e${day}-${n}`,
        cardId: card.id,
        packId: card.packId,
        rating: 3,
        at,
        durationMs: 1_000 + Math.floor(rnd() * 9_000),
        hintsUsed: 0,
        grader: 'self',
        source: 'drill',
        before: { ...card, state: rnd() < 0.3 ? 0 : 2 },
      });
    }
  }
  await repos.events.addMany(events);
  return { repos, packs, items, cards, events };
}

const dayAt = (at: number) => studyDay(at, settings.dayStartHour, TZ);

/** Only the active packs' records, as the full read would take them. */
function activeOnly(stored: Stored) {
  const active = new Set(stored.packs.filter((pack) => pack.status === 'active').map((pack) => pack.id));
  return {
    active,
    cards: stored.cards.filter((card) => active.has(card.packId)),
    items: stored.items.filter((item) => active.has(item.packId)),
    packOrder: [...stored.packs].filter((pack) => active.has(pack.id)).sort((a, b) => a.title.localeCompare(b.title)).map((pack) => pack.id),
  };
}

const ids = (cards: readonly CardRecord[]): string[] => cards.map((card) => card.id);
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const TIMES = [NOW, NOW + 3 * 3_600_000, NOW + 20 * 3_600_000];

describe('the bounded practice collection', () => {
  test('the daily queue is the one built from every card and item', async () => {
    let queued = 0;
    for (const seed of SEEDS) {
      const stored = await storedCollection(seed);
      const full = activeOnly(stored);
      for (const at of TIMES) {
        const c = await loadCollection(stored.repos, { mode: 'daily' }, dayAt(at));
        expect(c.cards.size).toBeLessThan(full.cards.length);
        const expected = buildQueue({
          cards: full.cards,
          items: full.items,
          todaysEvents: stored.events,
          now: at,
          settings,
          timezoneOffsetMinutes: TZ,
          packOrder: full.packOrder,
          scheduler: ctx.scheduler,
        });
        expect(ids(dailyQueue(c, ctx, at)), `seed ${seed} at ${at}`).toEqual(ids(expected));
        queued += expected.length;
      }
    }
    expect(queued).toBeGreaterThan(100);
  });

  test('custom sessions ("this pack now", "my weakest cards") are the ones built from every card and item', async () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const stored = await storedCollection(seed);
      const full = activeOnly(stored);
      const requests: SessionRequest[] = [{ mode: 'pack', packId: full.packOrder[0] as string }, { mode: 'weakest', count: 20 }];
      for (const request of requests) {
        const c = await loadCollection(stored.repos, request, dayAt(NOW));
        const expected = buildCustomQueue({
          cards: full.cards,
          items: full.items,
          now: NOW,
          request: request.mode === 'pack' ? request : { mode: 'weakest', count: 20 },
          scheduler: ctx.scheduler,
        });
        expect(ids(sessionQueue(c, ctx, request, NOW)), `${seed} ${request.mode}`).toEqual(ids(expected));
        expect(expected.length).toBeGreaterThan(0);
      }
    }
  });

  test('the streak and the next due date are the ones read from every event and card', async () => {
    for (const seed of SEEDS) {
      const stored = await storedCollection(seed);
      const full = activeOnly(stored);
      for (const at of TIMES) {
        const c = await loadCollection(stored.repos, { mode: 'daily' }, dayAt(at));
        await c.countStreak();
        expect(streakAt(c, ctx, at), `seed ${seed}`).toBe(practiceStreak(stored.events, at, settings.dayStartHour, TZ));
        const dayStartOf = (time: number): number => studyDayStart(time, settings.dayStartHour, TZ);
        expect(nextDueOf(c, ctx, at)).toBe(nextDueAfter(full.cards, at, dayStartOf));
      }
    }
  });

  test('a streak longer than one batch of days is counted to its first gap', async () => {
    const db = await openTestDb('streak');
    opened.push(db);
    const repos = createRepositories(db);
    const dayStart = studyDayStart(NOW, settings.dayStartHour, TZ);
    const event = (id: string, at: number): ReviewEvent =>
      ({ id, cardId: 'c', packId: 'p', rating: 3, at, durationMs: 1, hintsUsed: 0, grader: 'self', source: 'drill', before: {} }) as ReviewEvent;
    // 40 days in a row before today (one answer each, at the very start or end of its day), then a gap, then more.
    const days = [...Array.from({ length: 40 }, (_, d) => d + 1), 42, 43];
    await repos.events.addMany(days.map((d) => event(`d${d}`, dayStart - d * DAY_MS + (d % 2 === 0 ? 0 : DAY_MS - 1))));
    expect(await streakBefore(repos, dayStart)).toBe(40);
    expect(await streakBefore(repos, dayStart - 41 * DAY_MS)).toBe(2);
    expect(await streakBefore(repos, dayStart - 40 * DAY_MS)).toBe(0);
    expect(await streakBefore(repos, dayStart - 42 * DAY_MS)).toBe(1);
  });

  test("a pack's items are read once, when first needed", async () => {
    const stored = await storedCollection(3);
    const c = await loadCollection(stored.repos, { mode: 'daily' }, dayAt(NOW));
    const packId = c.packs[0]!.id;
    expect(itemsOfPack(c, packId)).toEqual([]);
    await Promise.all([ensurePackItems(stored.repos, c, packId), ensurePackItems(stored.repos, c, packId)]);
    const items = itemsOfPack(c, packId);
    expect(items.map((item) => item.key).sort()).toEqual(stored.items.filter((item) => item.packId === packId).map((item) => item.key).sort());
    expect(c.items.get(items[0]!.key)).toEqual(items[0]);
  });
});
