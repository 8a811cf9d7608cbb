import type { ChartLayoutRecord, KataDb } from './db';

export type ChartLayoutRepository = ReturnType<typeof createChartLayoutRepository>;

/** The key of a pack version's chart layout: `${packId}@${packVersion}` (the version is the pack's `importedAt`). */
export function chartLayoutKey(packId: string, packVersion: number): string {
  return `${packId}@${packVersion}`;
}

/**
 * The scenario chart's layout cache (ChartLayoutRecord): one record per pack version, laid
 * out once and read back by later renders. A pack's delete removes its layouts
 * (pack-repository.ts).
 */
export function createChartLayoutRepository(db: KataDb) {
  return {
    /**
     * The stored layout of a pack version, or undefined when there is none or it was made by
     * another version of the layout code (`layoutVersion`): such a layout is to be redone.
     */
    async get(packId: string, packVersion: number, layoutVersion: number): Promise<ChartLayoutRecord | undefined> {
      const record = await db.chartLayouts.get(chartLayoutKey(packId, packVersion));
      return record?.layoutVersion === layoutVersion ? record : undefined;
    },

    /**
     * Stores a layout (replacing one of the same key) and drops the pack's layouts of other
     * versions, in ONE transaction: only the pack as imported now is drawn, so older
     * versions' layouts would only take up space.
     */
    async put(record: ChartLayoutRecord): Promise<void> {
      await db.transaction('rw', db.chartLayouts, async () => {
        await db.chartLayouts
          .where('packId')
          .equals(record.packId)
          .and((stored) => stored.key !== record.key)
          .delete();
        await db.chartLayouts.put(record);
      });
    },
  };
}
