import type { PackMemory } from '../../shared/progress/card-sketch';
import type { BuiltRollups } from '../../shared/progress/rollup-builder';
import type { DayRollup, PackWeekRollup } from '../../shared/progress/rollup-types';
import type { KataDb, LevelRecord } from './db';
import { ROLLUPS_STALE_KEY } from './rollup-stale';

export type RollupRepository = ReturnType<typeof createRollupRepository>;

/**
 * The progress rollups (written by the answer transactions, see rollup-writes.ts) as the
 * Progress screen reads them, their rebuild from the events, and the measured levels.
 */
export function createRollupRepository(db: KataDb) {
  return {
    /** Whether the rollups may not match the events (a migration, bulk-added events): a rebuild is due. */
    async isStale(): Promise<boolean> {
      return (await db.settings.get(ROLLUPS_STALE_KEY))?.value === true;
    },
    async markStale(): Promise<void> {
      await db.settings.put({ key: ROLLUPS_STALE_KEY, value: true });
    },
    /**
     * Replaces every rollup with `built` (from a pass over `events` events and every card), in
     * ONE transaction. An answer given while the pass ran would be missing from it: then the
     * event count differs, the rollups are written anyway (closer than before) but stay marked
     * stale for the next rebuild. Resolves to whether they are now fresh.
     */
    async replaceAll(built: BuiltRollups, events: number): Promise<boolean> {
      return db.transaction('rw', [db.dayRollups, db.packWeeks, db.packMemory, db.settings, db.events], async () => {
        await Promise.all([db.dayRollups.clear(), db.packWeeks.clear(), db.packMemory.clear()]);
        await db.dayRollups.bulkPut(built.days);
        await db.packWeeks.bulkPut(built.weeks);
        await db.packMemory.bulkPut(built.memories);
        const fresh = (await db.events.count()) === events;
        if (fresh) await db.settings.delete(ROLLUPS_STALE_KEY);
        else await db.settings.put({ key: ROLLUPS_STALE_KEY, value: true });
        return fresh;
      });
    },
    /** Every study day with answers (a few thousand records for years of practice). */
    days: (): Promise<DayRollup[]> => db.dayRollups.toArray(),
    /** The study days from `day` on. */
    daysFrom: (day: number): Promise<DayRollup[]> => db.dayRollups.where('day').aboveOrEqual(day).toArray(),
    /** The study days before `day` that have answers (an emptied day rollup is deleted), keys only. */
    practisedDaysBefore: (day: number): Promise<number[]> => db.dayRollups.where('day').below(day).primaryKeys(),
    /** Every pack's weeks from study week `week` on. */
    weeksFrom: (week: number): Promise<PackWeekRollup[]> => db.packWeeks.where('week').aboveOrEqual(week).toArray(),
    /** One pack's weeks, oldest first. */
    weeksOf: (packId: string): Promise<PackWeekRollup[]> =>
      db.packWeeks.where('[packId+week]').between([packId, -Infinity], [packId, Infinity]).toArray(),
    /** Each pack's first week with answers (its own baseline), one key read per pack, in ONE read transaction. */
    async firstWeeks(packIds: readonly string[]): Promise<Map<string, PackWeekRollup>> {
      const firsts = await db.transaction('r', db.packWeeks, () =>
        Promise.all(packIds.map((packId) => db.packWeeks.where('[packId+week]').between([packId, -Infinity], [packId, Infinity]).first())),
      );
      return new Map(firsts.filter((week): week is PackWeekRollup => week !== undefined).map((week) => [week.packId, week]));
    },
    /**
     * Runs `reads` in ONE read transaction over what the Progress screen reads (packs, rollups,
     * simulation summaries, self-assessments, levels, settings): a dozen reads share one
     * transaction instead of opening one each.
     */
    readTogether<T>(reads: () => Promise<T>): Promise<T> {
      return db.transaction('r', [db.packs, db.dayRollups, db.packWeeks, db.packMemory, db.simulationStats, db.assessments, db.levelHistory, db.settings], reads);
    },
    /** Every pack's memory sketch. */
    memories: (): Promise<PackMemory[]> => db.packMemory.toArray(),
    /** Every recorded level, oldest first per pack. */
    levels: (): Promise<LevelRecord[]> => db.levelHistory.toArray(),
    /** Records levels (one per pack and study day; a later one that day replaces it). */
    async recordLevels(records: readonly LevelRecord[]): Promise<void> {
      if (records.length === 0) return;
      await db.transaction('rw', db.levelHistory, async () => {
        await db.levelHistory.bulkPut([...records]);
      });
    },
  };
}
