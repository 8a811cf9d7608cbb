import type { ItemRecord, PackRecord } from '../../../shared/model';
import { packItemIndex } from '../../../shared/library/item-index';
import type { Migration } from './migration';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * Gives every pack its `itemIndex` (PackRecord): the active items' reading order and
 * re-import changes, which imports now write with the items. The daily queue reads it
 * instead of every item of every pack. No index changes: `stores` repeats the packs
 * table as it was, because Dexie needs a table named to hand it to the upgrade.
 */
export const migration002: Migration = {
  version: 2,
  name: '002-pack-item-index',
  stores: {
    packs: 'id, status, sourcePath',
  },
  async upgrade(tx) {
    const packs = tx.table<PackRecord, string>('packs');
    const items = tx.table<ItemRecord, string>('items');
    for (const pack of await packs.toArray()) {
      const own = await items.where('packId').equals(pack.id).toArray();
      await packs.put({ ...pack, itemIndex: packItemIndex(own) });
    }
  },
};
