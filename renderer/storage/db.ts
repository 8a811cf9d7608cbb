/**
 * The one place that opens Kata's IndexedDB database. Repositories (./*-repository.ts)
 * are the only code that reads or writes its tables.
 */
import { Dexie } from 'dexie';
import type { DexieOptions, Table, Transaction } from 'dexie';
import type {
  BackupInfo,
  CardRecord,
  ItemRecord,
  PackRecord,
  ReviewEvent,
  SelfAssessment,
  SettingRecord,
  SimulationAttempt,
  SimulationStats,
} from '../../shared/model';
import type { PackMemory } from '../../shared/progress/card-sketch';
import type { DayRollup, PackWeekRollup } from '../../shared/progress/rollup-types';
import type { Migration } from './migrations/migration';
import { migrations as shippedMigrations } from './migrations/index';
import { upgradeLegacyItemText } from './legacy-text';

/** DO NOT CHANGE: renaming the database would orphan every user's data. */
export const DB_NAME = 'kata';

/** Which numbered migration ran on this database, and when. */
export interface MigrationRecord {
  version: number;
  name: string;
  appliedAt: number;
}

/** Body of a browser-build backup; its listing lives in `backups`. */
export interface BackupTextRecord {
  id: string;
  text: string;
}

/**
 * Where the debrief diagram draws each node of one pack version (`${packId}@${importedAt}`):
 * a cache of the layout, computed once off the main thread and reused.
 */
export interface ChartLayoutRecord {
  key: string;
  packId: string;
  /** The layout code's version: a cached layout of an older one is laid out again. */
  layoutVersion: number;
  width: number;
  height: number;
  /** Top-left corner and size of each node, by item id (and of a checklist section's box, by `§` and its id). */
  nodes: Record<string, { x: number; y: number; width: number; height: number }>;
}

/** A pack's level on the ladder as measured on one study day (recorded when it changes). */
export interface LevelRecord {
  packId: string;
  day: number;
  at: number;
  level: 1 | 2 | 3 | 4 | 5;
}

export interface KataDbOptions {
  /** IndexedDB implementation; tests pass fake-indexeddb's. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** Schema history; tests pass extra migrations to exercise upgrades. */
  migrations?: readonly Migration[];
}

export class KataDb extends Dexie {
  // `declare`: Dexie defines these properties itself; a class field would shadow them.
  declare readonly packs: Table<PackRecord, string>;
  declare readonly items: Table<ItemRecord, string>;
  declare readonly cards: Table<CardRecord, string>;
  declare readonly events: Table<ReviewEvent, string>;
  declare readonly attempts: Table<SimulationAttempt, string>;
  declare readonly assessments: Table<SelfAssessment, string>;
  declare readonly simulationStats: Table<SimulationStats, string>;
  declare readonly chartLayouts: Table<ChartLayoutRecord, string>;
  declare readonly dayRollups: Table<DayRollup, number>;
  declare readonly packWeeks: Table<PackWeekRollup, [string, number]>;
  declare readonly packMemory: Table<PackMemory, string>;
  declare readonly levelHistory: Table<LevelRecord, [string, number]>;
  declare readonly settings: Table<SettingRecord, string>;
  declare readonly backups: Table<BackupInfo, string>;
  declare readonly backupTexts: Table<BackupTextRecord, string>;
  declare readonly migrations: Table<MigrationRecord, number>;

  constructor(name: string = DB_NAME, options: KataDbOptions = {}) {
    const { migrations = shippedMigrations, ...dexieOptions } = options;
    super(name, dexieOptions);
    assertIncreasing(migrations);
    for (const migration of migrations) {
      this.version(migration.version)
        .stores({ ...migration.stores })
        // Dexie runs this only for versions above the one on disk, so each
        // migration is recorded exactly when it transforms an existing database.
        .upgrade(async (tx) => {
          try {
            await migration.upgrade?.(tx);
          } catch (error) {
            // Thrown out of the upgrade transaction, this aborts it: the database stays at the version before.
            throw new MigrationFailedError(migration, error);
          }
          await recordMigration(tx, migration);
        });
    }
    // A fresh database is created directly at the latest schema and Dexie runs no
    // upgrade functions; every migration is part of that schema, so record them all.
    this.on('populate', (tx) => {
      const appliedAt = Date.now();
      return tx
        .table<MigrationRecord, number>('migrations')
        .bulkPut(migrations.map(({ version, name }) => ({ version, name, appliedAt })))
        .then(() => undefined);
    });
  }
}

/**
 * The database on disk was written by a newer Kata: its schema is above every migration this
 * code knows. Refused rather than opened: this code would read and write shapes it does not
 * know (Dexie 4 would open it silently at the higher version).
 */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Your library was last opened by a newer version of Kata (its database is at schema ${found}; this version of Kata knows schema ${known} and older). ` +
        'Nothing was changed or deleted. Open it with that newer version of Kata.',
    );
  }
}

/** A migration's upgrade threw: its transaction was aborted, so the database is as the previous version left it. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migration: Pick<Migration, 'version' | 'name'>,
    readonly reason: unknown,
  ) {
    super(
      `Kata could not upgrade your library to schema ${migration.version} (${migration.name}): ${reason instanceof Error ? reason.message : String(reason)}. ` +
        'The upgrade was undone: your library is exactly as the previous version of Kata left it.',
    );
  }
}

/** Opens (creating or upgrading as needed) Kata's database; rejects if it cannot. */
export async function openKataDb(name: string = DB_NAME, options: KataDbOptions = {}): Promise<KataDb> {
  const db = new KataDb(name, options);
  const known = db.verno;
  try {
    await db.open();
  } catch (error) {
    throw migrationFailureIn(error) ?? error;
  }
  // Dexie keeps IndexedDB's version at ten times its own.
  const found = Math.floor(db.backendDB().version / 10);
  if (found > known) {
    db.close();
    throw new NewerDatabaseError(found, known);
  }
  await upgradeLegacyItemText(db);
  return db;
}

/** The MigrationFailedError inside what Dexie rejected `open` with (as is, or as an inner error). */
function migrationFailureIn(error: unknown, depth = 0): MigrationFailedError | undefined {
  if (error instanceof MigrationFailedError) return error;
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { inner, cause } = error as { inner?: unknown; cause?: unknown };
  return migrationFailureIn(inner, depth + 1) ?? migrationFailureIn(cause, depth + 1);
}

function assertIncreasing(list: readonly Migration[]): void {
  if (list.length === 0) throw new Error('KataDb: no migrations');
  list.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) {
      throw new Error(`KataDb: migration ${m.name} has invalid version ${m.version}`);
    }
    if (i > 0 && m.version <= list[i - 1].version) {
      throw new Error(`KataDb: migration versions must increase (${m.name} after ${list[i - 1].name})`);
    }
  });
}

async function recordMigration(tx: Transaction, migration: Migration): Promise<void> {
  await tx.table<MigrationRecord, number>('migrations').put({
    version: migration.version,
    name: migration.name,
    appliedAt: Date.now(),
  });
}
