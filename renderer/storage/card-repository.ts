import type { CardRecord } from '../../shared/model';
import type { KataDb } from './db';

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
      return range
        .filter((card) => card.buriedUntil <= now && !archived.has(card.packId))
        .limit(limit)
        .toArray();
    });
  }

  async function patch(id: string, changes: Partial<Pick<CardRecord, 'suspended' | 'buriedUntil'>>) {
    if ((await db.cards.update(id, changes)) === 0 && !(await db.cards.get(id))) {
      throw new Error(`No card ${id}`);
    }
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
    byPack: (packId: string): Promise<CardRecord[]> => db.cards.where('packId').equals(packId).toArray(),
    byItem: (itemKey: string): Promise<CardRecord[]> => db.cards.where('itemKey').equals(itemKey).toArray(),
    /** Every card, for "check collection" (replaying events to rebuild card state). */
    all: (): Promise<CardRecord[]> => db.cards.toArray(),
    count: (): Promise<number> => db.cards.count(),
    suspend: (id: string): Promise<void> => patch(id, { suspended: 1 }),
    unsuspend: (id: string): Promise<void> => patch(id, { suspended: 0 }),
    /** Hides the card from the due queue until `until` (epoch ms). */
    bury: (id: string, until: number): Promise<void> => patch(id, { buriedUntil: until }),
  };
}
