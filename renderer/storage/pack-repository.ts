import type { CardRecord, ItemRecord, PackRecord, RecordStatus } from '../../shared/model';
import type { KataDb } from './db';
import type { RollupContext } from './rollup-writes';
import { defaultRollupContext, takeOutOfDays } from './rollup-writes';
import { sketchOf } from '../../shared/progress/card-sketch';
import { markJournalFileWritten } from './import-journal';

export type PackRepository = ReturnType<typeof createPackRepository>;

/** Packs, and the writes that span a whole pack (import, delete). */
export function createPackRepository(db: KataDb) {
  async function listByStatus(status: RecordStatus): Promise<PackRecord[]> {
    const packs = await db.packs.where('status').equals(status).toArray();
    return packs.sort((a, b) => a.title.localeCompare(b.title));
  }

  async function setStatus(id: string, status: RecordStatus): Promise<void> {
    const changed = await db.packs.update(id, { status });
    if (changed === 0 && !(await db.packs.get(id))) throw new Error(`No pack ${id}`);
  }

  return {
    /** Active packs, by title. */
    listActive: (): Promise<PackRecord[]> => listByStatus('active'),
    /** Archived packs, by title. */
    listArchived: (): Promise<PackRecord[]> => listByStatus('archived'),
    get: (id: string): Promise<PackRecord | undefined> => db.packs.get(id),
    /** The pack last imported from this path, for re-import of a watched or re-picked file. */
    findBySourcePath: (sourcePath: string): Promise<PackRecord | undefined> =>
      db.packs.where('sourcePath').equals(sourcePath).first(),
    /** Archived packs keep all their data; their cards leave the due queue. */
    archive: (id: string): Promise<void> => setStatus(id, 'archived'),
    unarchive: (id: string): Promise<void> => setStatus(id, 'active'),

    /**
     * Writes a whole import (first import or re-import) in ONE transaction: a
     * failure anywhere writes nothing. Upserts only: items and cards missing from
     * the arguments stay as they are (re-import retires, never deletes). `journalIndex`: the
     * file's place in the import journal (import-journal.ts), marked written in this same
     * transaction.
     */
    async savePackImport(pack: PackRecord, items: ItemRecord[], cards: CardRecord[], journalIndex?: number): Promise<void> {
      // Checked before writing: a record filed under another pack would survive
      // this pack's deletion and corrupt the other pack's counts.
      const stray = [...items, ...cards].find((r) => r.packId !== pack.id);
      if (stray) throw new Error(`savePackImport: record of pack ${stray.packId} in import of ${pack.id}`);
      await db.transaction('rw', [db.packs, db.items, db.cards, db.packMemory, db.settings], async () => {
        const known = await db.packMemory.get(pack.id);
        await db.packs.put(pack);
        await db.items.bulkPut(items);
        await db.cards.bulkPut(cards);
        // The memory sketch of the pack's cards as they now are: a first import's cards are all
        // in hand; a re-import wrote only what changed, so the pack's cards are read back.
        const all = known ? await db.cards.where('packId').equals(pack.id).toArray() : cards;
        await db.packMemory.put(sketchOf(pack.id, all));
        if (journalIndex !== undefined) await markJournalFileWritten(db, journalIndex);
      });
    },

    /**
     * Deletes a pack with all its items, cards, events, attempts, assessments and caches, in ONE
     * transaction; its answers are taken out of the day rollups (`context`: the scheduler and
     * study day they were folded with).
     */
    async delete(id: string, context: RollupContext = defaultRollupContext()): Promise<void> {
      const tables = [db.packs, db.items, db.cards, db.events, db.attempts, db.assessments, db.simulationStats, db.chartLayouts, db.dayRollups, db.packWeeks, db.packMemory, db.levelHistory];
      await db.transaction('rw', tables, async () => {
        await db.items.where('packId').equals(id).delete();
        await db.cards.where('packId').equals(id).delete();
        await takeOutOfDays(db, await db.events.where('[packId+at]').between([id, -Infinity], [id, Infinity]).toArray(), context);
        await db.events.where('packId').equals(id).delete();
        await db.packWeeks.where('packId').equals(id).delete();
        await db.packMemory.delete(id);
        await db.levelHistory.where('packId').equals(id).delete();
        await db.attempts.where('packId').equals(id).delete();
        await db.assessments.where('packId').equals(id).delete();
        await db.simulationStats.delete(id);
        await db.chartLayouts.where('packId').equals(id).delete();
        await db.packs.delete(id);
      });
    },

    count: (): Promise<number> => db.packs.count(),
  };
}
