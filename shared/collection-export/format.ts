/**
 * The collection export format (docs/collection-export.md): one UTF-8 text file of
 * newline-delimited JSON, so a collection of a million answers is written and read one line at a
 * time, in the browser, in Electron and in `kata report`, without a parser holding the whole file.
 *
 *   line 1        the header   {"format":"kata-collection","formatVersion":1,...}
 *   lines 2..n-1  the records  {"t":"events","r":{...}}   (tables in TABLE_ORDER, each contiguous)
 *   line n        the trailer  {"end":true,"counts":{...},"checksum":"..."}
 *
 * The checksum covers every record line (checksum.ts); the trailer's counts say how many records
 * of each table came before it, so a truncated file (no trailer, or counts that disagree) is refused.
 * Readers refuse a formatVersion newer than theirs and ignore header keys they do not know.
 */
import { z } from '../zod';

export { COLLECTION_FILE_SUFFIX, COLLECTION_FORMAT, COLLECTION_FORMAT_VERSION, TABLE_ORDER, emptyCounts } from './tables';
export type { ExportTable, TableCounts } from './tables';
import type { ExportTable } from './tables';
import { COLLECTION_FORMAT, TABLE_ORDER } from './tables';

const count = z.number().int().nonnegative();
const time = z.number().finite();
const id = z.string().min(1);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const headerSchema = z.looseObject({
  format: z.literal(COLLECTION_FORMAT),
  formatVersion: z.number().int().positive(),
  /** The Kata version that wrote the file (for people; readers go by formatVersion). */
  appVersion: z.string(),
  /** ISO time of the export. */
  createdAt: z.string(),
  /** The database schema (Dexie version) the records were read from. */
  schemaVersion: z.number().int().positive(),
  /** Records per table as counted when the export began (progress only; the trailer is the truth). */
  expected: z.record(z.string(), count).optional(),
});
export type ExportHeader = z.infer<typeof headerSchema>;

export const trailerSchema = z.strictObject({
  end: z.literal(true),
  counts: z.strictObject(Object.fromEntries(TABLE_ORDER.map((table) => [table, count])) as Record<ExportTable, typeof count>),
  checksum: z.string().regex(/^[0-9a-f]{16}$/),
});
export type ExportTrailer = z.infer<typeof trailerSchema>;

const cardState = z.looseObject({
  due: z.number(),
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsedDays: z.number().finite(),
  scheduledDays: z.number().finite(),
  learningSteps: z.number().finite(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: z.number().finite().optional(),
});

/**
 * Each record kind's schema: every key and index field with its type, and the fields the
 * scheduler and the report compute with. Loose objects: the rest of a record (a pack's sections,
 * an item's notes) is kept as written, so a newer minor field survives a round trip.
 */
export const recordSchemas = {
  settings: z.looseObject({ key: id, value: z.unknown() }),
  packs: z.looseObject({
    id,
    title: z.string(),
    kind: z.enum(['checklist', 'tree', 'qa']),
    format: z.string(),
    sourceName: z.string(),
    status: z.enum(['active', 'archived']),
    createdAt: time,
    importedAt: time,
    itemCount: count,
    cardCount: count,
    sections: z.array(z.unknown()),
    edges: z.array(z.unknown()),
    meta: z.looseObject({}),
  }),
  items: z.looseObject({ key: id, id, packId: id, kind: z.string(), text: z.string(), order: z.number().finite(), retired: z.boolean() }),
  cards: cardState.extend({
    id,
    packId: id,
    itemKey: id,
    kind: z.string(),
    suspended: z.union([z.literal(0), z.literal(1)]),
    buriedUntil: z.number(),
    createdAt: time,
  }),
  events: z.looseObject({
    id,
    cardId: id,
    packId: id,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    at: time,
    durationMs: z.number().finite().nonnegative(),
    hintsUsed: count,
    grader: z.enum(['auto', 'self']),
    source: z.enum(['drill', 'simulation']),
    correct: z.boolean().optional(),
    before: cardState,
  }),
  attempts: z.looseObject({
    id,
    packId: id,
    packVersion: z.number(),
    kind: z.enum(['tree', 'checklist']),
    seed: z.number(),
    level,
    startedAt: time,
    status: z.enum(['running', 'finished', 'abandoned']),
    timeLimitMs: z.number().finite().nonnegative(),
    hiddenPath: z.array(z.string()),
    path: z.array(z.string()),
    decisions: z.array(z.looseObject({ step: z.number(), correct: z.boolean(), shownAt: z.number(), durationMs: z.number() })),
    hintsUsed: count,
  }),
  assessments: z.looseObject({ id, packId: id, at: time, level }),
  levelHistory: z.looseObject({ packId: id, day: z.number().int(), at: time, level }),
} satisfies Record<ExportTable, z.ZodType>;

/**
 * The database schema the record schemas describe. A file written from an older database (the
 * backup made before a migration) holds records of that schema: they are checked only as objects,
 * restored into a database of their own schema, and migrated there by the app's own migrations.
 */
export const RECORD_SCHEMA_VERSION = 5;

const anyRecord = z.looseObject({});

/** The schema a record of `table` is checked against in a file of `schemaVersion`. */
export function recordSchemaFor(table: ExportTable, schemaVersion: number): z.ZodType {
  return schemaVersion >= RECORD_SCHEMA_VERSION ? recordSchemas[table] : anyRecord;
}

/** One record line: the table, and the record as it is stored. */
export interface RecordLine {
  t: ExportTable;
  r: Record<string, unknown>;
}
