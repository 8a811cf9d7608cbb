/**
 * The practice benchmarks' collection (bench/fixtures/collection.ts: 100 000 cards and
 * 1 000 000 events, or the --quick size) in a Kata database of the persistent bench
 * profile. Writing it takes minutes (Chromium's IndexedDB writes ~4 000 records/s here),
 * so it is generated once and reused by later runs: a marker record, written last, names
 * the generator version, seed and sizes, and a database without the right marker (never
 * finished, or made by another generator) is deleted and written again.
 */
import {
  COLLECTION_GENERATOR_VERSION,
  COLLECTION_NOW,
  COLLECTION_SEED,
  COLLECTION_SIZES,
  generateCollection,
} from '../../fixtures/collection';
import { createRepositories, openKataDb, type KataDb, type Repositories } from '../../../renderer/storage/index';
import type { BenchOptions } from '../../lib/types';
import { deleteDatabase } from './indexeddb';

/** Key of the marker in the database's settings table (no setting of the app uses a `bench:` key). */
const MARKER_KEY = 'bench:collection';

export interface BenchCollection {
  dbName: string;
  db: KataDb;
  repositories: Repositories;
  cards: number;
  events: number;
  /** The collection's "now": queues are built and answers given at this time. */
  now: number;
}

interface Marker {
  version: number;
  seed: number;
  cards: number;
  events: number;
}

/** Progress lines go to the terminal: scripts/bench.mjs prints `console.info` lines that start with `bench:`. */
function say(message: string): void {
  console.info(`bench: ${message}`);
}

function sameMarker(a: unknown, b: Marker): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const m = a as Partial<Marker>;
  return m.version === b.version && m.seed === b.seed && m.cards === b.cards && m.events === b.events;
}

async function generateInto(dbName: string, marker: Marker): Promise<KataDb> {
  await deleteDatabase(dbName);
  const db = await openKataDb(dbName);
  const repositories = createRepositories(db);
  const started = performance.now();
  let cards = 0;
  let events = 0;
  say(`writing the practice collection (${marker.cards} cards, ${marker.events} events) into ${dbName}; once per profile ...`);
  for (const pack of generateCollection({ cards: marker.cards, events: marker.events, seed: marker.seed })) {
    // Through Kata's repositories, one big transaction for the pack and one for its events.
    await repositories.packs.savePackImport(pack.pack, pack.items, pack.cards);
    await repositories.events.addMany(pack.events);
    cards += pack.cards.length;
    events += pack.events.length;
    const seconds = (performance.now() - started) / 1000;
    say(`  ${cards}/${marker.cards} cards, ${events}/${marker.events} events (${seconds.toFixed(0)} s)`);
  }
  // Last: only a complete collection is ever marked as reusable.
  await repositories.settings.set(MARKER_KEY, marker);
  say(`practice collection written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return db;
}

async function open(quick: boolean): Promise<BenchCollection> {
  const size = quick ? COLLECTION_SIZES.quick : COLLECTION_SIZES.full;
  const dbName = quick ? 'kata-bench-practice-quick' : 'kata-bench-practice';
  const marker: Marker = { version: COLLECTION_GENERATOR_VERSION, seed: COLLECTION_SEED, ...size };
  let db = await openKataDb(dbName);
  const stored = await createRepositories(db).settings.get<unknown>(MARKER_KEY, undefined);
  if (sameMarker(stored, marker)) {
    say(`reusing the practice collection in ${dbName} (${size.cards} cards, ${size.events} events)`);
  } else {
    db.close();
    db = await generateInto(dbName, marker);
  }
  return { dbName, db, repositories: createRepositories(db), ...size, now: COLLECTION_NOW };
}

const opened = new Map<boolean, Promise<BenchCollection>>();

/** The collection for this run's size, generated first if the profile does not hold it yet. */
export function benchCollection(options: BenchOptions): Promise<BenchCollection> {
  let collection = opened.get(options.quick);
  if (!collection) {
    collection = open(options.quick);
    // A failed generation is retried by the next case, not cached.
    collection.catch(() => opened.delete(options.quick));
    opened.set(options.quick, collection);
  }
  return collection;
}
