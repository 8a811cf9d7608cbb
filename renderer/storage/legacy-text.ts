/**
 * The second half of migration 005: items stored before inline trees are re-derived by the
 * importers' reader, loaded only when a database still holds such items (see the migration).
 * Runs once, in ONE transaction, before the app reads anything; the mark goes with it.
 */
import type { Dexie } from 'dexie';
import type { ItemRecord, PackRecord, SettingRecord } from '../../shared/model';

/** Set by migration 005 on a database whose items hold Markdown source; cleared once re-derived. */
export const LEGACY_TEXT_KEY = 'migration.legacyItemText';

/** Re-derives the items of a database migration 005 marked; does nothing (and loads nothing) otherwise. */
export async function upgradeLegacyItemText(db: Dexie): Promise<void> {
  // Tables by name (db.ts calls this from openKataDb: importing its KataDb type would be a cycle).
  const settings = db.table<SettingRecord, string>('settings');
  const packs = db.table<PackRecord, string>('packs');
  const items = db.table<ItemRecord, string>('items');
  if ((await settings.get(LEGACY_TEXT_KEY))?.value !== true) return;
  const { upgradeLegacyItem } = await import('../../shared/library/legacy-items');
  await db.transaction('rw', [packs, items, settings], async () => {
    const byId = new Map((await packs.toArray()).map((pack) => [pack.id, pack]));
    await items.toCollection().modify((item, ref) => {
      const pack = byId.get(item.packId);
      if (pack) ref.value = upgradeLegacyItem(item, pack);
    });
    await settings.delete(LEGACY_TEXT_KEY);
  });
}
