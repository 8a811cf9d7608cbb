/**
 * "collection: export" and "collection: restore" over the practice benchmarks' collection
 * (100 000 cards, 1 000 000 answers; --quick: 20 000): the whole export streamed into Blob parts
 * (as the browser build's download builds it), and the restore of that file — checked, written
 * into a staging database, counted, made active — from a Blob read as a stream, as a chosen file
 * is. The restore replaces a throwaway database, never the bench collection, and deletes what it
 * made afterwards. The figures go in the README (issue 12 asks for them); no budget is declared.
 */
import { Dexie } from 'dexie';
import { exportCollection } from '../../renderer/storage/collection-export';
import { restoreCollection } from '../../renderer/storage/collection-restore';
import { ACTIVE_DB_NAME } from '../../renderer/storage/active-db';
import { openKataDb } from '../../renderer/storage/index';
import { fileSource } from '../../renderer/state/collection/collection-service';
import { defineBenchCase } from '../lib/types';
import { benchCollection } from './support/collection';
import { deleteDatabase } from './support/indexeddb';

const THROWAWAY = 'kata-bench-restore-current';
let exported: Promise<Blob> | undefined;

async function exportBlob(quick: boolean): Promise<Blob> {
  const { db } = await benchCollection({ quick });
  const parts: Blob[] = [];
  for await (const chunk of exportCollection(db, { appVersion: 'bench' })) parts.push(new Blob([chunk]));
  const blob = new Blob(parts, { type: 'application/x-ndjson' });
  console.info(`bench: collection export is ${Math.round(blob.size / 1024 / 1024)} MB`);
  return blob;
}

export const benchCases = [
  defineBenchCase({
    name: 'collection: export (1 000 000 answers)',
    unit: 'ms',
    runs: 2,
    setup: (options) => benchCollection(options),
    async run(_collection, options) {
      exported = exportBlob(options.quick);
      await exported;
    },
  }),
  defineBenchCase<{ blob: Blob; name?: string }>({
    name: 'collection: restore (1 000 000 answers)',
    unit: 'ms',
    runs: 2,
    async setup(options) {
      exported ??= exportBlob(options.quick);
      return { blob: await exported };
    },
    async run(state) {
      const current = await openKataDb(THROWAWAY);
      const result = await restoreCollection(current, fileSource(state.blob));
      state.name = result.name;
    },
    async teardown(state) {
      if (state.name) await deleteDatabase(state.name);
      await deleteDatabase(THROWAWAY);
      await new Dexie(ACTIVE_DB_NAME).delete();
    },
  }),
];
