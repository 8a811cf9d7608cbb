import type { ItemRecord, PackRecord } from '../../../shared/model';
import { upgradeLegacyItem } from '../../../shared/library/legacy-items';
import type { Migration } from './migration';

/*
 * SHIPPED MIGRATION: DO NOT EDIT (see 001-initial.ts).
 *
 * Items now hold their plain reading in `text` and an inline tree in `inline` (shared/model.ts);
 * before, `text` (and `rationale`, a CSV `answer`) held inline Markdown source. Re-derived here,
 * once, by the importers' own reader (shared/library/legacy-items.ts), rather than tolerated on
 * every read: practice, the re-import diff, matching and check collection then see one shape,
 * and matching on re-import compares plain text with plain text, so an item whose derived id
 * changed with the new reading (`R&amp;D`, an `<a name>` before a step) is still found by its
 * text and keeps its history. No index changes.
 */
export const migration005: Migration = {
  version: 5,
  name: '005-plain-item-text',
  stores: {
    items: 'key, packId, [packId+order]',
  },
  async upgrade(tx) {
    const packs = new Map((await tx.table<PackRecord, string>('packs').toArray()).map((pack) => [pack.id, pack]));
    await tx
      .table<ItemRecord, string>('items')
      .toCollection()
      .modify((item, ref) => {
        const pack = packs.get(item.packId);
        if (pack) ref.value = upgradeLegacyItem(item, pack);
      });
  },
};
