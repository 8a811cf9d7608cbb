/** Shared by the check-collection tests: a generated collection written into a fake-IndexedDB Kata database. */
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories, type Repositories } from '../../../renderer/storage/index';
import { generateCollection, type CollectionSpec } from '../../../bench/fixtures/collection';
import { openTestDb } from '../storage/test-db';

export interface CollectionDb {
  db: KataDb;
  repositories: Repositories;
}

/** A fresh database holding the generated collection of `spec`, written through Kata's repositories. */
export async function openCollectionDb(label: string, spec: CollectionSpec): Promise<CollectionDb> {
  const db = await openTestDb(label);
  const repositories = createRepositories(db);
  for (const { pack, items, cards, events } of generateCollection(spec)) {
    await repositories.packs.savePackImport(pack, items, cards);
    await repositories.events.addMany(events);
  }
  return { db, repositories };
}
