/**
 * Which database holds the collection. A restore fills a new database and then makes it the
 * active one in a single small write here, so an interrupted restore (a crash, a kill, a refused
 * file) leaves the previous collection active and whole: IndexedDB cannot rename a database, and
 * one transaction over a million records would have to hold them all in memory first.
 *
 * The pointer lives in its own tiny database, written with strict durability. With no pointer the
 * collection is the historic `kata` database (DB_NAME), so existing installs need nothing.
 * Databases left behind (the previous collection after a swap, a half-filled staging database
 * after a crash) are listed in `retired` before they can exist and deleted at the next start.
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { KataDb, KataDbOptions } from './db';
import { DB_NAME, openKataDb } from './db';
import { migrations as shippedMigrations } from './migrations/index';

/** DO NOT CHANGE: the pointer's own database. */
export const ACTIVE_DB_NAME = 'kata-active';
const POINTER_KEY = 'active';

export interface ActivePointer {
  key: typeof POINTER_KEY;
  /** The database holding the collection. */
  name: string;
  /** Databases to delete: a replaced collection, a staging database a restore may have left. */
  retired: string[];
}

type IdbOptions = Pick<KataDbOptions, 'indexedDB' | 'IDBKeyRange'>;

/** Only the keys set: Dexie takes an `indexedDB: undefined` as meaning none. */
export function idbOptions(options: IdbOptions): IdbOptions {
  return {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

class PointerDb extends Dexie {
  declare readonly pointer: Table<ActivePointer, string>;
  constructor(options: IdbOptions) {
    super(ACTIVE_DB_NAME, { ...idbOptions(options), chromeTransactionDurability: 'strict' });
    this.version(1).stores({ pointer: 'key' });
  }
}

let activeName = DB_NAME;

/** The name of the database the app opened (workers open it again by name). */
export function activeDatabaseName(): string {
  return activeName;
}

async function withPointer<T>(options: IdbOptions, job: (db: PointerDb) => Promise<T>): Promise<T> {
  const db = new PointerDb(options);
  try {
    return await job(db);
  } finally {
    db.close();
  }
}

export function readPointer(options: IdbOptions = {}): Promise<ActivePointer> {
  return withPointer(options, async (db) => (await db.pointer.get(POINTER_KEY)) ?? { key: POINTER_KEY, name: DB_NAME, retired: [] });
}

/** Changes the pointer in one transaction. */
export function updatePointer(options: IdbOptions, change: (pointer: ActivePointer) => ActivePointer): Promise<ActivePointer> {
  return withPointer(options, (db) =>
    db.transaction('rw', db.pointer, async () => {
      const next = change((await db.pointer.get(POINTER_KEY)) ?? { key: POINTER_KEY, name: DB_NAME, retired: [] });
      await db.pointer.put(next);
      return next;
    }),
  );
}

/** Deletes a database (never the active one). */
export async function deleteDatabase(name: string, options: IdbOptions = {}): Promise<void> {
  await new Dexie(name, idbOptions(options)).delete();
}

/** Deletes the retired databases and forgets them; a failure is retried at the next start. */
export async function sweepRetired(options: IdbOptions = {}): Promise<string[]> {
  const pointer = await readPointer(options);
  const swept: string[] = [];
  for (const name of pointer.retired) {
    if (name === pointer.name) continue;
    try {
      await deleteDatabase(name, options);
      swept.push(name);
    } catch {
      // Still open elsewhere (another tab): left for the next start.
    }
  }
  if (swept.length > 0 || pointer.retired.includes(pointer.name)) {
    await updatePointer(options, (p) => ({ ...p, retired: p.retired.filter((name) => !swept.includes(name) && name !== p.name) }));
  }
  return swept;
}

/** The Dexie version of database `name` on disk; 0 when there is none. */
async function versionOnDisk(name: string, idb: IdbOptions): Promise<number> {
  const factory = (idb.indexedDB ?? globalThis.indexedDB) as Partial<Pick<IDBFactory, 'databases'>> | undefined;
  if (!factory?.databases) return 0;
  const found = (await factory.databases()).find((info) => info.name === name);
  // Dexie stores version N as IndexedDB version N * 10.
  return found?.version ? found.version / 10 : 0;
}

export interface OpenActiveOptions extends KataDbOptions {
  /**
   * Called with the collection opened as it is on disk (no schema declared) when a migration is
   * about to upgrade it: the backup before the migration. A failure is reported, not fatal (an
   * app that cannot start protects nothing).
   */
  beforeUpgrade?: (onDisk: Dexie) => Promise<void>;
  onBeforeUpgradeError?: (error: unknown) => void;
}

/** Opens the active collection database (creating or upgrading it), after sweeping retired ones. */
export async function openActiveKataDb(options: OpenActiveOptions = {}): Promise<KataDb> {
  const { beforeUpgrade, onBeforeUpgradeError, ...dbOptions } = options;
  const idb = idbOptions(dbOptions);
  await sweepRetired(idb);
  const { name } = await readPointer(idb);
  const latest = (dbOptions.migrations ?? shippedMigrations).at(-1)?.version ?? 0;
  const onDisk = beforeUpgrade ? await versionOnDisk(name, idb).catch(() => 0) : 0;
  if (beforeUpgrade && onDisk > 0 && onDisk < latest) {
    const old = new Dexie(name, idb);
    try {
      await old.open();
      await beforeUpgrade(old);
    } catch (error) {
      onBeforeUpgradeError?.(error);
    } finally {
      old.close();
    }
  }
  const db = await openKataDb(name, dbOptions);
  activeName = name;
  return db;
}
