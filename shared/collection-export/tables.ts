/**
 * The collection export's names, free of zod so that the screens (and the app's first load) can
 * use them without the schemas; format.ts re-exports them with the schemas.
 */
export const COLLECTION_FORMAT = 'kata-collection';
export const COLLECTION_FORMAT_VERSION = 1;
/** `.kata` would be opaque to a person looking in a folder; the content is line-delimited JSON. */
export const COLLECTION_FILE_SUFFIX = '.kata.ndjson';

/**
 * The tables an export holds, in the order it writes them. Settings come first so a streaming
 * reader (kata report) knows the scheduler and the day start before the first answer arrives.
 * Left out, and rebuilt after a restore: the progress rollups (dayRollups, packWeeks, packMemory),
 * the simulation summaries (simulationStats), the diagram layouts (chartLayouts). Left out
 * altogether: the backups themselves and the migrations log (a restored database is created at
 * the current schema and records its own).
 */
export const TABLE_ORDER = ['settings', 'packs', 'items', 'cards', 'events', 'attempts', 'assessments', 'levelHistory'] as const;
export type ExportTable = (typeof TABLE_ORDER)[number];

export type TableCounts = Record<ExportTable, number>;

export function emptyCounts(): TableCounts {
  return Object.fromEntries(TABLE_ORDER.map((table) => [table, 0])) as TableCounts;
}

