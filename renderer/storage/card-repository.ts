import type { CardRecord, CardState, ReviewEvent } from '../../shared/model';
import { withState } from '../../shared/schedule/card-state';
import { stateDifferences } from '../../shared/schedule/replay';
import type { KataDb } from './db';
import { moveCard } from './rollup-writes';

/** A card's FSRS state rebuilt from its events (shared/schedule replayCard), for `rebuildStates`. */
export type RebuildState = (card: CardRecord, events: ReviewEvent[]) => CardState;

export type CardRepository = ReturnType<typeof createCardRepository>;

/**
 * Cards. An answer changes a card through EventRepository.recordAnswer (event and
 * card together); this repository writes cards outside of answers: imports are in
 * PackRepository.savePackImport, and here are bulk rewrites (check collection),
 * suspend and bury.
 */
export function createCardRepository(db: KataDb) {
  /**
   * Due cards come from the `[suspended+due]` (or `[packId+suspended+due]`) index
   * range, already in due order. Buried cards and cards of archived packs are
   * skipped here, so `limit` counts only cards the person can actually be shown.
   */
  async function due(now: number, limit: number, packId?: string): Promise<CardRecord[]> {
    return db.transaction('r', [db.cards, db.packs], async () => {
      const archived = new Set(await db.packs.where('status').equals('archived').primaryKeys());
      const range =
        packId === undefined
          ? db.cards.where('[suspended+due]').between([0, -Infinity], [0, now], true, true)
          : db.cards
              .where('[packId+suspended+due]')
              .between([packId, 0, -Infinity], [packId, 0, now], true, true);
      const visible = (card: CardRecord): boolean => card.buriedUntil <= now && !archived.has(card.packId);
      // Without a limit, one getAll of the range and a filter here: a filtered Dexie collection
      // walks a cursor, record by record, which is ~1.5x slower on tens of thousands of due cards.
      // With a limit the cursor stops early, which is what a small limit wants.
      if (limit === Infinity) return (await range.toArray()).filter(visible);
      return range.filter(visible).limit(limit).toArray();
    });
  }

  /** Changes a card's suspension or bury; a suspension moves it out of (or back into) its pack's memory sketch. */
  async function patch(id: string, changes: Partial<Pick<CardRecord, 'suspended' | 'buriedUntil'>>) {
    await db.transaction('rw', [db.cards, db.packMemory], async () => {
      const card = await db.cards.get(id);
      if (!card) throw new Error(`No card ${id}`);
      const next = { ...card, ...changes };
      await db.cards.put(next);
      if (changes.suspended !== undefined && changes.suspended !== card.suspended) await moveCard(db, card.packId, card, next);
    });
  }

  return {
    /** Writes all cards in one transaction: all or none. */
    async putMany(cards: CardRecord[]): Promise<void> {
      await db.transaction('rw', db.cards, async () => {
        await db.cards.bulkPut(cards);
      });
    },
    get: (id: string): Promise<CardRecord | undefined> => db.cards.get(id),
    /** Cards for these ids, in the same order; `undefined` where none exists. */
    getMany: (ids: string[]): Promise<(CardRecord | undefined)[]> => db.cards.bulkGet(ids),
    /** Unsuspended, unburied cards of active packs with `due <= now`, earliest due first. */
    dueCards: (now: number, limit = Infinity): Promise<CardRecord[]> => due(now, limit),
    /** The same queue restricted to one pack. */
    dueCardsInPack: (packId: string, now: number, limit = Infinity): Promise<CardRecord[]> =>
      due(now, limit, packId),
    countDue: async (now: number): Promise<number> => (await due(now, Infinity)).length,
    /**
     * Every unsuspended card with `due <= until` (Infinity: all of them) — new cards too (their due is when they were
     * made), buried ones and archived packs' included: one range read of `[suspended+due]`,
     * what the daily queue is built from (the queue itself leaves out what it must).
     */
    unsuspendedDueBy: (until: number): Promise<CardRecord[]> =>
      db.cards.where('[suspended+due]').between([0, -Infinity], [0, until], true, true).toArray(),
    /** One pack's unsuspended cards ("practise this pack now"). */
    unsuspendedInPack: (packId: string): Promise<CardRecord[]> =>
      db.cards.where('[packId+suspended+due]').between([packId, 0, -Infinity], [packId, 0, Infinity], true, true).toArray(),
    /**
     * The earliest-due unsuspended card answered at least once with `due > after`, or
     * undefined: "the next card is due …" without reading the cards due later.
     */
    firstStudiedDueAfter: (after: number): Promise<CardRecord | undefined> =>
      db.cards
        .where('[suspended+due]')
        .between([0, after], [0, Infinity], false, true)
        .filter((card) => card.state !== 0)
        .first(),
    /**
     * The cards of these items: one index read per key, all sent at once in one transaction
     * (Dexie's anyOf walks a single cursor from key to key, several times slower for hundreds).
     */
    async byItems(itemKeys: readonly string[]): Promise<CardRecord[]> {
      if (itemKeys.length === 0) return [];
      const lists = await db.transaction('r', db.cards, () =>
        Promise.all(itemKeys.map((key) => db.cards.where('itemKey').equals(key).toArray())),
      );
      return lists.flat();
    },
    /**
     * Per pack, how many unsuspended cards it has and how many of them are due by `now` (new
     * ones included): counted on the `[packId+suspended+due]` index in ONE read transaction,
     * without reading a card.
     */
    async dueShareByPack(packIds: readonly string[], now: number): Promise<Map<string, { due: number; total: number }>> {
      const index = () => db.cards.where('[packId+suspended+due]');
      const counts = await db.transaction('r', db.cards, () =>
        Promise.all(
          packIds.map(async (packId) => ({
            packId,
            due: await index().between([packId, 0, -Infinity], [packId, 0, now], true, true).count(),
            total: await index().between([packId, 0, -Infinity], [packId, 0, Infinity], true, true).count(),
          })),
        ),
      );
      return new Map(counts.map(({ packId, due, total }) => [packId, { due, total }]));
    },
    /**
     * How many unsuspended cards are due in each `[from, to)` window, new ones included (their due
     * time is when they were made): counted on the `[suspended+due]` index in ONE read
     * transaction, keys only, without reading a card.
     */
    async dueCountsIn(windows: readonly (readonly [number, number])[]): Promise<number[]> {
      return db.transaction('r', db.cards, () =>
        Promise.all(windows.map(([from, to]) => db.cards.where('[suspended+due]').between([0, from], [0, to], true, false).count())),
      );
    },
    /**
     * The `limit` studied, unsuspended cards that fell due first (the most overdue are the least
     * recalled): walks the `[suspended+due]` index from its start, passing over new cards.
     */
    earliestStudied: (limit: number): Promise<CardRecord[]> =>
      db.cards
        .where('[suspended+due]')
        .between([0, -Infinity], [0, Infinity], true, true)
        .filter((card) => card.state !== 0)
        .limit(limit)
        .toArray(),
    byPack: (packId: string): Promise<CardRecord[]> => db.cards.where('packId').equals(packId).toArray(),
    byItem: (itemKey: string): Promise<CardRecord[]> => db.cards.where('itemKey').equals(itemKey).toArray(),
    /** Every card, for "check collection" (replaying events to rebuild card state). */
    all: (): Promise<CardRecord[]> => db.cards.toArray(),
    count: (): Promise<number> => db.cards.count(),
    /**
     * Up to `limit` cards in id order, after `afterId` (from the first card when
     * undefined): streams the whole table in pages without holding it in memory.
     * Pairs with EventRepository.byCardRange over the same ids.
     */
    pageById: (afterId: string | undefined, limit: number): Promise<CardRecord[]> =>
      (afterId === undefined ? db.cards.orderBy(':id') : db.cards.where(':id').above(afterId)).limit(limit).toArray(),
    /**
     * Check collection's repair: in ONE transaction, re-reads each card and its
     * events, and writes `rebuild(card, events)` where it differs from the stored
     * state. Reading inside the write transaction means an answer given meanwhile
     * is part of the rebuild, never overwritten by a stale one. Unknown ids are
     * skipped. Resolves to the number of cards rewritten.
     */
    async rebuildStates(ids: readonly string[], rebuild: RebuildState): Promise<number> {
      return db.transaction('rw', [db.cards, db.events, db.packMemory], async () => {
        const cards = await db.cards.bulkGet([...ids]);
        const histories = await Promise.all(
          cards.map((card) =>
            card
              ? db.events.where('[cardId+at]').between([card.id, -Infinity], [card.id, Infinity], true, true).toArray()
              : Promise.resolve([]),
          ),
        );
        const changed: CardRecord[] = [];
        cards.forEach((card, index) => {
          if (!card) return;
          const state = rebuild(card, histories[index]!);
          // Float noise is not drift (stateDifferences' tolerance): only real differences are written.
          if (stateDifferences(state, card).length > 0) changed.push(withState(card, state));
        });
        await db.cards.bulkPut(changed);
        const before = new Map(cards.filter((card): card is CardRecord => card !== undefined).map((card) => [card.id, card]));
        for (const card of changed) await moveCard(db, card.packId, before.get(card.id), card);
        return changed.length;
      });
    },
    suspend: (id: string): Promise<void> => patch(id, { suspended: 1 }),
    unsuspend: (id: string): Promise<void> => patch(id, { suspended: 0 }),
    /** Hides the card from the due queue until `until` (epoch ms). */
    bury: (id: string, until: number): Promise<void> => patch(id, { buriedUntil: until }),
  };
}
