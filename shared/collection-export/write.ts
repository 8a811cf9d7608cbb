/**
 * Writes a collection export (format.ts) from any source of pages: the app's database in the
 * renderer, a generated collection in tests and the bench. Yields the file as chunks of whole
 * lines, one chunk per page, so the caller streams them to a file and nothing holds the export.
 */
import type { ExportHeader, ExportTable, ExportTrailer, TableCounts } from './format';
import { COLLECTION_FORMAT, COLLECTION_FORMAT_VERSION, TABLE_ORDER, emptyCounts, recordSchemaFor } from './format';
import { createChecksum } from './checksum';

export interface CollectionSource {
  /** The database schema the records come from. */
  schemaVersion: number;
  /** Records in a table now (for the progress bar; what is written is counted as it goes). */
  count(table: ExportTable): Promise<number>;
  /** The table's records, page by page, in a stable order. */
  pages(table: ExportTable): AsyncIterable<readonly unknown[]>;
}

export interface ExportProgress {
  table: ExportTable;
  /** Records written so far, all tables. */
  done: number;
  /** Records counted when the export began, all tables. */
  total: number;
}

export interface EncodeOptions {
  appVersion: string;
  now?: () => number;
  onProgress?: (progress: ExportProgress) => void;
}

/** The export's lines, in chunks each ending with a newline; the trailer comes last. */
export async function* encodeCollection(source: CollectionSource, options: EncodeOptions): AsyncGenerator<string> {
  const expected = emptyCounts();
  for (const table of TABLE_ORDER) expected[table] = await source.count(table);
  const total = TABLE_ORDER.reduce((sum, table) => sum + expected[table], 0);
  const header: ExportHeader = {
    format: COLLECTION_FORMAT,
    formatVersion: COLLECTION_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: new Date((options.now ?? Date.now)()).toISOString(),
    schemaVersion: source.schemaVersion,
    expected,
  };
  yield `${JSON.stringify(header)}\n`;
  const counts: TableCounts = emptyCounts();
  const checksum = createChecksum();
  let done = 0;
  for (const table of TABLE_ORDER) {
    options.onProgress?.({ table, done, total });
    for await (const page of source.pages(table)) {
      let chunk = '';
      for (const record of page) {
        // Never write a file that cannot be read back: the reader checks the same schema.
        const checked = recordSchemaFor(table, source.schemaVersion).safeParse(record);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new Error(`A record of ${table} cannot be exported (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`);
        }
        const line = JSON.stringify({ t: table, r: record });
        checksum.add(line);
        chunk += `${line}\n`;
      }
      counts[table] += page.length;
      done += page.length;
      if (chunk) yield chunk;
      options.onProgress?.({ table, done, total });
    }
  }
  const trailer: ExportTrailer = { end: true, counts, checksum: checksum.digest() };
  yield `${JSON.stringify(trailer)}\n`;
}
