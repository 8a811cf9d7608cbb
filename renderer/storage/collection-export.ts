/**
 * The collection as an export (shared/collection-export): each exported table read in pages of
 * its primary key, one short read transaction per page, so a million answers stream out without
 * being one array and without holding a transaction open while the caller writes the file.
 * An answer given while the export runs is in it or not, whole (each page is consistent).
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { ExportTable } from '../../shared/collection-export/format';
import type { CollectionSource, EncodeOptions } from '../../shared/collection-export/write';
import { encodeCollection } from '../../shared/collection-export/write';
import type { SettingRecord } from '../../shared/model';

/** Records read per page: a few MB of answers. */
export const EXPORT_PAGE_SIZE = 2_000;

async function* pagesOf(table: Table, pageSize: number): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === null || keyPath === undefined) throw new Error(`table ${table.name} has no inbound primary key`);
  let page = await table.orderBy(':id').limit(pageSize).toArray();
  while (page.length > 0) {
    yield page;
    if (page.length < pageSize) return;
    const last = Dexie.getByKeyPath(page[page.length - 1]!, keyPath) as string | number | (string | number)[];
    page = await table.where(':id').above(last).limit(pageSize).toArray();
  }
}

/** Settings under `cache.` describe this database's caches (which the export leaves out). */
const isCacheSetting = (record: SettingRecord): boolean => record.key.startsWith('cache.');

async function* settingsPages(db: Dexie): AsyncGenerator<SettingRecord[]> {
  yield (await db.table<SettingRecord, string>('settings').orderBy(':id').toArray()).filter((record) => !isCacheSetting(record));
}

async function* nothing(): AsyncGenerator<unknown[]> {}

/**
 * The database as a source of export pages: Kata's database, or one opened without a schema at
 * whatever version it is on disk (the backup before a migration), where a table an older schema
 * did not have yet counts as empty.
 */
export function collectionSource(db: Dexie, pageSize: number = EXPORT_PAGE_SIZE): CollectionSource {
  const has = (table: ExportTable): boolean => db.tables.some((t) => t.name === table);
  return {
    schemaVersion: db.verno,
    count: async (table: ExportTable) => {
      if (!has(table)) return 0;
      if (table === 'settings') return (await db.table<SettingRecord, string>('settings').toArray()).filter((record) => !isCacheSetting(record)).length;
      return db.table(table).count();
    },
    pages: (table: ExportTable) => (!has(table) ? nothing() : table === 'settings' ? settingsPages(db) : pagesOf(db.table(table), pageSize)),
  };
}

/** The export file of `db`, as chunks of whole lines (write them in order to a file). */
export function exportCollection(db: Dexie, options: EncodeOptions & { pageSize?: number }): AsyncGenerator<string> {
  return encodeCollection(collectionSource(db, options.pageSize), options);
}
