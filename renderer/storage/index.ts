/** Storage entry point: the app opens one database and builds one set of repositories. */
import type { KataDb } from './db';
import { createAssessmentRepository } from './assessment-repository';
import { createAttemptRepository } from './attempt-repository';
import { createBackupRepository } from './backup-repository';
import { createCardRepository } from './card-repository';
import { createChartLayoutRepository } from './chart-layout-repository';
import { createEventRepository } from './event-repository';
import { createImportJournalRepository } from './import-journal';
import { createItemRepository } from './item-repository';
import { createPackRepository } from './pack-repository';
import { createRollupRepository } from './rollup-repository';
import { createSettingsRepository } from './settings-repository';

export { DB_NAME, KataDb, MigrationFailedError, NewerDatabaseError, openKataDb } from './db';
export { activeDatabaseName, openActiveKataDb } from './active-db';
export type { ChartLayoutRecord, KataDbOptions } from './db';
export type { AssessmentRepository } from './assessment-repository';
export type { AttemptRepository } from './attempt-repository';
export type { BackupRepository } from './backup-repository';
export type { CardRepository } from './card-repository';
export type { ChartLayoutRepository } from './chart-layout-repository';
export type { EventRepository } from './event-repository';
export type { ImportJournal, ImportJournalRepository } from './import-journal';
export type { ItemRepository } from './item-repository';
export type { PackRepository } from './pack-repository';
export type { RollupRepository } from './rollup-repository';
export type { SettingsRepository } from './settings-repository';

export type Repositories = ReturnType<typeof createRepositories>;

/** Every repository over one database. */
export function createRepositories(db: KataDb) {
  return {
    packs: createPackRepository(db),
    items: createItemRepository(db),
    importJournal: createImportJournalRepository(db),
    cards: createCardRepository(db),
    events: createEventRepository(db),
    attempts: createAttemptRepository(db),
    assessments: createAssessmentRepository(db),
    settings: createSettingsRepository(db),
    backups: createBackupRepository(db),
    rollups: createRollupRepository(db),
    chartLayouts: createChartLayoutRepository(db),
  };
}
