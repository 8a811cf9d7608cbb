import type { CardRecord, ReviewEvent } from '../../shared/model';
import { undoAnswer } from '../../shared/schedule/review';
import type { KataDb } from './db';
import type { RollupContext } from './rollup-writes';
import { defaultRollupContext, foldAnswer, moveCard, rollupTables } from './rollup-writes';
import { ROLLUPS_STALE_KEY } from './rollup-stale';

export type EventRepository = ReturnType<typeof createEventRepository>;

/** Review events: the append-only truth that card states are a cache of. */
export function createEventRepository(db: KataDb) {
  /**
   * Answers a card from its stored state, in ONE transaction: reads the card, hands it to
   * `answer` (synchronous: an IndexedDB transaction does not wait for other work) and writes
   * the event and updated card it returns. Reading inside the write means the event's
   * `before` is exactly what is stored, with no second transaction to read it first.
   * The progress rollups take the answer in the same transaction (`context`: the scheduler and
   * study day it is folded with). Resolves to what was written, or undefined (writing nothing)
   * when the card no longer exists.
   */
  async function answerStored(
    cardId: string,
    answer: (stored: CardRecord) => { event: ReviewEvent; card: CardRecord },
    context: RollupContext = defaultRollupContext(),
  ): Promise<{ event: ReviewEvent; card: CardRecord } | undefined> {
    return db.transaction('rw', [db.events, db.cards, ...rollupTables(db)], async () => {
      const stored = await db.cards.get(cardId);
      if (!stored) return undefined;
      const written = answer(stored);
      const { event, card } = written;
      if (event.cardId !== cardId || card.id !== cardId || event.packId !== card.packId) {
        throw new Error(`answerStored: the answer is not about card ${cardId}`);
      }
      await db.events.add(event);
      await db.cards.put(card);
      await foldAnswer(db, event, context, 1);
      await moveCard(db, card.packId, stored, card);
      return written;
    });
  }

  return {
    /**
     * Stores one answer: the event and the card's new state in ONE transaction,
     * so the two never disagree after a crash. Rejects (writing nothing) if the
     * card no longer exists or the event id is already used.
     */
    async recordAnswer(event: ReviewEvent, updatedCard: CardRecord, context?: RollupContext): Promise<void> {
      // A card deleted meanwhile (pack deleted) must not be resurrected by its answer.
      const written = await answerStored(updatedCard.id, () => ({ event, card: updatedCard }), context);
      if (!written) throw new Error(`recordAnswer: no card ${updatedCard.id}`);
    },

    answerStored,

    /**
     * Undoes an answer in ONE transaction: deletes the event and puts the card's
     * stored `before` state back exactly (due included; ts-fsrs rollback would not).
     * Only a card's latest answer can be undone: restoring an older `before` would
     * silently discard the answers given after it. The rollups give the answer back in the same
     * transaction (with the `context` it was folded with). Returns the restored card.
     */
    async undoAnswer(eventId: string, context: RollupContext = defaultRollupContext()): Promise<CardRecord> {
      return db.transaction('rw', [db.events, db.cards, ...rollupTables(db)], async () => {
        const event = await db.events.get(eventId);
        if (!event) throw new Error(`undoAnswer: no event ${eventId}`);
        const later = await db.events
          .where('[cardId+at]')
          .between([event.cardId, event.at], [event.cardId, Infinity], false, true)
          .count();
        if (later > 0) throw new Error(`undoAnswer: event ${eventId} is not the card's latest answer`);
        const card = await db.cards.get(event.cardId);
        if (!card) throw new Error(`undoAnswer: no card ${event.cardId}`);
        const restored = undoAnswer(card, event);
        await db.events.delete(eventId);
        await db.cards.put(restored);
        await foldAnswer(db, event, context, -1);
        await moveCard(db, card.packId, card, restored);
        return restored;
      });
    },

    get: (id: string): Promise<ReviewEvent | undefined> => db.events.get(id),
    /** One card's events, oldest first (for FSRS replay and history). */
    byCard: (cardId: string): Promise<ReviewEvent[]> =>
      db.events.where('[cardId+at]').between([cardId, -Infinity], [cardId, Infinity], true, true).toArray(),
    /** One pack's events, oldest first, optionally only those at or after `since`. */
    byPack: (packId: string, since = -Infinity): Promise<ReviewEvent[]> =>
      db.events.where('[packId+at]').between([packId, since], [packId, Infinity], true, true).toArray(),
    /**
     * Events of every card whose id lies in [firstCardId, lastCardId], by card id
     * then time: with CardRepository.pageById, streams the whole history one page
     * of cards at a time (one index range read per page, never all events at once).
     */
    byCardRange: (firstCardId: string, lastCardId: string): Promise<ReviewEvent[]> =>
      db.events
        .where('[cardId+at]')
        .between([firstCardId, -Infinity], [lastCardId, Infinity], true, true)
        .toArray(),
    /**
     * Adds many events in ONE transaction, all or none (an id already stored
     * rejects the lot). For restoring or merging histories and for generated
     * collections; cards are not touched, so the caller writes the matching states. The
     * rollups are marked stale (rebuilt from the events in the background).
     */
    async addMany(events: readonly ReviewEvent[]): Promise<void> {
      await db.transaction('rw', [db.events, db.settings], async () => {
        await db.events.bulkAdd([...events]);
        await db.settings.put({ key: ROLLUPS_STALE_KEY, value: true });
      });
    },
    /** Events with `from <= at < to`, oldest first. */
    between: (from: number, to: number): Promise<ReviewEvent[]> =>
      db.events.where('at').between(from, to, true, false).toArray(),
    /** The latest `limit` events, oldest first. */
    latest: async (limit: number): Promise<ReviewEvent[]> =>
      (await db.events.orderBy('at').reverse().limit(limit).toArray()).reverse(),
    /**
     * For each `[from, to)` window, whether any event lies in it: one key looked up per
     * window, all in one read transaction (a streak asks this of one day after another).
     */
    async anyIn(windows: readonly (readonly [number, number])[]): Promise<boolean[]> {
      return db.transaction('r', db.events, () =>
        Promise.all(
          windows.map(async ([from, to]) => (await db.events.where('at').between(from, to, true, false).limit(1).primaryKeys()).length > 0),
        ),
      );
    },
    /** Every event, oldest first (check collection, export). */
    all: (): Promise<ReviewEvent[]> => db.events.orderBy('at').toArray(),
    count: (): Promise<number> => db.events.count(),
  };
}
