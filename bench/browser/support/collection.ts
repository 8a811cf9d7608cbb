/**
 * The benchmarks' one collection (bench/fixtures/collection.ts: 500 packs, 100 000 cards,
 * 1 000 000 answers, simulation attempts and self-assessments, or the --quick size) in a
 * Kata database of the persistent bench profile, for every case that needs a lifetime of
 * practice. Writing it takes minutes (Chromium's IndexedDB writes ~4 000 records/s here),
 * so it is generated once and reused by later runs: a marker record, written last, names
 * the generator version, seed and sizes, and a database without the right marker (never
 * finished, or made by another generator) is deleted and written again.
 *
 * It is written through Kata's repositories in few, big transactions: one per pack import,
 * answers ~50 000 at a time, attempts and assessments at once. Then the app's own fold-only
 * Check collection pass (createRollupBuilder over every answer and card, and the simulation
 * summaries) builds the rollups, so Progress and Simulate open as on a person's collection.
 */
import {
  COLLECTION_GENERATOR_VERSION,
  COLLECTION_NOW,
  COLLECTION_SEED,
  COLLECTION_SIZES,
  generateCollection,
} from '../../fixtures/collection';
import { DB_NAME, createRepositories, openKataDb, type KataDb, type Repositories } from '../../../renderer/storage/index';
import { checkCollection } from '../../../renderer/features/settings/check-collection';
import type { ReviewEvent, SelfAssessment, SimulationAttempt } from '../../../shared/model';
import { DEFAULT_SCHEDULER_SETTINGS, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
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

/** Answers are added this many at a time: a few big transactions, none too big to hold in memory. */
const EVENT_BATCH = 50_000;

async function generateInto(dbName: string, marker: Marker): Promise<KataDb> {
  await deleteDatabase(dbName);
  const db = await openKataDb(dbName);
  const repositories = createRepositories(db);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  let cards = 0;
  let events = 0;
  let packs = 0;
  let batch: ReviewEvent[] = [];
  const attempts: SimulationAttempt[] = [];
  const assessments: SelfAssessment[] = [];
  say(`writing the collection (${marker.cards} cards, ${marker.events} answers) into ${dbName}; once per profile ...`);
  for (const pack of generateCollection({ cards: marker.cards, events: marker.events, seed: marker.seed })) {
    await repositories.packs.savePackImport(pack.pack, pack.items, pack.cards);
    for (const event of pack.events) batch.push(event);
    attempts.push(...pack.attempts);
    assessments.push(...pack.assessments);
    cards += pack.cards.length;
    packs += 1;
    if (batch.length >= EVENT_BATCH) {
      await repositories.events.addMany(batch);
      events += batch.length;
      batch = [];
      say(`  ${packs} packs, ${cards}/${marker.cards} cards, ${events}/${marker.events} answers (${seconds()} s)`);
    }
  }
  await repositories.events.addMany(batch);
  events += batch.length;
  await repositories.attempts.addMany(attempts);
  await repositories.assessments.addMany(assessments);
  say(`  ${packs} packs, ${cards} cards, ${events} answers, ${attempts.length} attempts, ${assessments.length} self-assessments (${seconds()} s); building the rollups ...`);
  // The app's own rebuild (Check collection without the replay): progress rollups and simulation summaries.
  const report = await checkCollection(repositories, normalizeSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS), { replay: false });
  if (!report.rollupsFresh) throw new Error('the rollups of the bench collection are not fresh after their rebuild');
  // Last: only a complete collection is ever marked as reusable.
  await repositories.settings.set(MARKER_KEY, marker);
  say(`collection written in ${seconds()} s`);
  return db;
}

async function open(quick: boolean): Promise<BenchCollection> {
  const size = quick ? COLLECTION_SIZES.quick : COLLECTION_SIZES.full;
  // The full collection is the app's own database of the bench origin: the cold-start and heap
  // cases open the built app (dist/bench/app/) on it, as a person opens theirs.
  const dbName = quick ? 'kata-bench-practice-quick' : DB_NAME;
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
