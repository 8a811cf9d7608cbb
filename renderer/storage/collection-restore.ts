/**
 * Restores a collection export (shared/collection-export) in place of the current collection,
 * so that it either happens whole or not at all:
 *   1. a staging database is named in the active pointer's `retired` list (so a crash leaves
 *      nothing but a database deleted at the next start);
 *   2. the file is read, checked and written into the staging database batch by batch; the
 *      verdict on the file (counts, checksum) comes with its last line, and a refused file only
 *      ever touched the staging database;
 *   3. the caches the export leaves out are rebuilt or marked for rebuild, and the browser build's
 *      backups (which live in the collection's database) are carried over;
 *   4. one write makes the staging database the active one; the previous one is retired.
 * The current database is only read, never written, until the swap; the caller reloads the app
 * (every repository and store points at the old database) once this resolves.
 */
import type { Table } from 'dexie';
import type { ReadSummary } from '../../shared/collection-export/read';
import { readCollection } from '../../shared/collection-export/read';
import { TABLE_ORDER } from '../../shared/collection-export/format';
import type { KataDb, KataDbOptions } from './db';
import { openKataDb } from './db';
import { migrations as shippedMigrations } from './migrations/index';
import { CollectionFileError } from '../../shared/collection-export/read';
import { deleteDatabase, idbOptions, updatePointer } from './active-db';
import { createAttemptRepository } from './attempt-repository';
import { ROLLUPS_STALE_KEY } from './rollup-stale';

export type RestorePhase = 'reading' | 'finishing';

export interface RestoreOptions extends Pick<KataDbOptions, 'indexedDB' | 'IDBKeyRange'> {
  /** `records` read and written so far, of `total` (from the check before, when given). */
  onProgress?: (progress: { phase: RestorePhase; records: number; total?: number }) => void;
  /** Records in the file, from the check that came before (for the progress bar). */
  total?: number;
  now?: () => number;
}

export interface RestoreResult {
  /** The database now holding the collection. */
  name: string;
  summary: ReadSummary;
}

const COPY_PAGE = 200;

/** Copies a table page by page (backups can be large records: small pages). */
async function copyTable(from: Table, to: Table): Promise<void> {
  let offset = 0;
  for (;;) {
    const page = await from.orderBy(':id').offset(offset).limit(COPY_PAGE).toArray();
    if (page.length === 0) return;
    await to.bulkPut(page);
    offset += page.length;
  }
}

const LATEST_SCHEMA = shippedMigrations[shippedMigrations.length - 1]!.version;

/** Refuses a file from a database newer than this app's (its records would be misread). */
function refuseNewerSchema(schemaVersion: number): void {
  if (schemaVersion > LATEST_SCHEMA) {
    throw new CollectionFileError(`This export was made by a newer Kata (database version ${schemaVersion}; this Kata knows up to ${LATEST_SCHEMA}). Update Kata to restore it.`);
  }
}

/** Checks an export without writing anything: what it holds, or a CollectionFileError. */
export function checkExport(read: () => AsyncIterable<string>, onProgress?: (records: number) => void): Promise<ReadSummary> {
  return readCollection(read(), { onProgress, onHeader: (header) => refuseNewerSchema(header.schemaVersion) });
}

/** Deleting a database waits for every connection to it to close: wait a little, then leave it to the next start. */
const DELETE_WAIT_MS = 3_000;

/** Replaces `current`'s collection with the export `read()` streams (read once). */
export async function restoreCollection(current: KataDb, read: () => AsyncIterable<string>, options: RestoreOptions = {}): Promise<RestoreResult> {
  const idb = idbOptions(options);
  const now = options.now ?? Date.now;
  const stagingName = `kata-restore-${now()}-${crypto.randomUUID().slice(0, 8)}`;
  await updatePointer(idb, (pointer) => ({ ...pointer, retired: [...pointer.retired, stagingName] }));
  let staging: KataDb | undefined;
  try {
    const latest = LATEST_SCHEMA;
    let fileSchema = latest;
    const summary = await readCollection(read(), {
      onHeader: (header) => {
        refuseNewerSchema(header.schemaVersion);
        fileSchema = header.schemaVersion;
      },
      onBatch: async (table, records) => {
        // Records of an older schema go into a database of that schema, which the migrations then upgrade.
        staging ??= await openKataDb(stagingName, { ...idb, migrations: shippedMigrations.filter((m) => m.version <= fileSchema) });
        await staging.table(table).bulkAdd(records);
      },
      onProgress: (records) => options.onProgress?.({ phase: 'reading', records, total: options.total }),
    });
    options.onProgress?.({ phase: 'finishing', records: 0 });
    staging ??= await openKataDb(stagingName, idb);
    // Counted before any migration (which may add settings of its own).
    for (const table of TABLE_ORDER) {
      const stored = staging.tables.some((t) => t.name === table) ? await staging.table(table).count() : 0;
      if (stored !== summary.counts[table]) {
        throw new Error(`The restore wrote ${stored} records of ${table} where the file holds ${summary.counts[table]}.`);
      }
    }
    if (staging.verno < latest) {
      staging.close();
      staging = await openKataDb(stagingName, idb);
    }
    const target = staging;
    await copyTable(current.backups, target.backups);
    await copyTable(current.backupTexts, target.backupTexts);
    // The rollups are rebuilt from the events in the background when Progress first opens
    // (check collection's fold-only pass); the simulation summaries are small: rebuilt now.
    await target.settings.put({ key: ROLLUPS_STALE_KEY, value: true });
    await createAttemptRepository(target).rebuildStats();
    staging.close();
    const previous = current.name;
    await updatePointer(idb, (pointer) => ({
      ...pointer,
      name: stagingName,
      retired: [...pointer.retired.filter((name) => name !== stagingName), previous],
    }));
    current.close();
    const deleted = deleteDatabase(previous, idb).then(
      () => updatePointer(idb, (pointer) => ({ ...pointer, retired: pointer.retired.filter((name) => name !== previous) })),
      // Still open in another tab: the next start deletes it.
      () => undefined,
    );
    await Promise.race([deleted, new Promise((resolve) => setTimeout(resolve, DELETE_WAIT_MS))]);
    return { name: stagingName, summary };
  } catch (error) {
    staging?.close();
    // Deleted now, or (still listed as retired) at the next start.
    const deleted = await deleteDatabase(stagingName, idb).then(() => true, () => false);
    if (deleted) await updatePointer(idb, (pointer) => ({ ...pointer, retired: pointer.retired.filter((name) => name !== stagingName) })).catch(() => undefined);
    throw error;
  }
}
