/**
 * "storage: write 10 000 cards": Kata's card repository (`putMany`, one transaction) against a
 * raw IndexedDB write of the same records in one transaction, into a separate database
 * whose cards store has the same key path and indexes as Kata's (read from a real Kata
 * database, so the baseline follows schema changes). Both sides start from a new, empty
 * database every run and check afterwards that every record landed.
 */
import { createRepositories, openKataDb, type KataDb, type Repositories } from '../../renderer/storage/index';
import type { CardRecord } from '../../shared/model';
import { defineBenchCase, type BenchOptions } from '../lib/types';
import { makeCards } from './support/cards';
import {
  countRecords,
  createDatabaseWithStore,
  deleteDatabase,
  openExisting,
  readStoreShape,
  transactionDone,
  type StoreShape,
} from './support/indexeddb';

const KATA_DB = 'kata-bench-storage-write';
const RAW_DB = 'kata-bench-storage-write-raw';
const SCHEMA_PROBE_DB = 'kata-bench-schema-probe';
const CARDS_STORE = 'cards';

const cardsBySize = new Map<number, CardRecord[]>();
function cardsFor(options: BenchOptions): CardRecord[] {
  const size = options.quick ? 1_000 : 10_000;
  let cards = cardsBySize.get(size);
  if (!cards) {
    cards = makeCards(size);
    cardsBySize.set(size, cards);
  }
  return cards;
}

let cardsShape: Promise<StoreShape> | undefined;
/** The shape of Kata's cards store, as Kata's own migrations create it. */
function kataCardsShape(): Promise<StoreShape> {
  cardsShape ??= (async () => {
    await deleteDatabase(SCHEMA_PROBE_DB);
    (await openKataDb(SCHEMA_PROBE_DB)).close();
    const raw = await openExisting(SCHEMA_PROBE_DB);
    try {
      return readStoreShape(raw, CARDS_STORE);
    } finally {
      raw.close();
      await deleteDatabase(SCHEMA_PROBE_DB);
    }
  })();
  return cardsShape;
}

function expectCount(actual: number, expected: number, who: string): void {
  if (actual !== expected) throw new Error(`${who} stored ${actual} cards, expected ${expected}`);
}

interface KataState {
  cards: CardRecord[];
  db: KataDb;
  repositories: Repositories;
}

interface RawState {
  cards: CardRecord[];
  db: IDBDatabase;
}

export const benchCase = defineBenchCase<KataState, RawState>({
  name: 'storage: write 10 000 cards',
  unit: 'ms',
  runs: 10,
  budget: { maxRatio: 2 },
  async setup(options) {
    await deleteDatabase(KATA_DB);
    const db = await openKataDb(KATA_DB);
    return { cards: cardsFor(options), db, repositories: createRepositories(db) };
  },
  run: ({ cards, repositories }) => repositories.cards.putMany(cards),
  async teardown({ cards, db, repositories }) {
    try {
      expectCount(await repositories.cards.count(), cards.length, 'putMany');
    } finally {
      db.close();
      await deleteDatabase(KATA_DB);
    }
  },
  baseline: {
    name: 'raw IndexedDB put, one transaction',
    async setup(options) {
      const db = await createDatabaseWithStore(RAW_DB, CARDS_STORE, await kataCardsShape());
      return { cards: cardsFor(options), db };
    },
    run({ cards, db }) {
      const tx = db.transaction(CARDS_STORE, 'readwrite');
      const store = tx.objectStore(CARDS_STORE);
      for (const card of cards) store.put(card);
      return transactionDone(tx);
    },
    async teardown({ cards, db }) {
      try {
        expectCount(await countRecords(db, CARDS_STORE), cards.length, 'raw IndexedDB');
      } finally {
        db.close();
        await deleteDatabase(RAW_DB);
      }
    },
  },
});
