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
import type { KataDb } from './db';

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

async function* settingsPages(db: KataDb): AsyncGenerator<SettingRecord[]> {
  yield (await db.settings.orderBy(':id').toArray()).filter((record) => !isCacheSetting(record));
}

/** The database as a source of export pages. */
export function collectionSource(db: KataDb, pageSize: number = EXPORT_PAGE_SIZE): CollectionSource {
  return {
    schemaVersion: db.verno,
    count: async (table: ExportTable) =>
      table === 'settings' ? (await db.settings.toArray()).filter((record) => !isCacheSetting(record)).length : db.table(table).count(),
    pages: (table: ExportTable) => (table === 'settings' ? settingsPages(db) : pagesOf(db.table(table), pageSize)),
  };
}

/** The export file of `db`, as chunks of whole lines (write them in order to a file). */
export function exportCollection(db: KataDb, options: EncodeOptions & { pageSize?: number }): AsyncGenerator<string> {
  return encodeCollection(collectionSource(db, options.pageSize), options);
}
