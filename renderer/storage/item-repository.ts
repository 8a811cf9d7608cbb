import type { ItemRecord } from '../../shared/model';
import type { KataDb } from './db';

export type ItemRepository = ReturnType<typeof createItemRepository>;

/** Items are written only by pack imports (PackRepository.savePackImport); this reads them. */
export function createItemRepository(db: KataDb) {
  return {
    /** All items of a pack, retired ones included, in reading order. */
    byPack: (packId: string): Promise<ItemRecord[]> =>
      db.items
        .where('[packId+order]')
        .between([packId, -Infinity], [packId, Infinity], true, true)
        .toArray(),
    get: (key: string): Promise<ItemRecord | undefined> => db.items.get(key),
    /** Items for these keys, in the same order; `undefined` where none exists. */
    getMany: (keys: string[]): Promise<(ItemRecord | undefined)[]> => db.items.bulkGet(keys),
    count: (): Promise<number> => db.items.count(),
  };
}
