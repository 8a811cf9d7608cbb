/**
 * Reads a collection export (format.ts) line by line and refuses it, with a reason a person can
 * act on, at the first thing wrong: not an export, a newer format, a damaged line, a record of the
 * wrong shape, tables out of order, an early end, counts or a checksum that disagree. Records are
 * handed over in batches of one table as they are read; a caller that writes them (a restore)
 * writes somewhere it can throw away, because the verdict comes only with the last line.
 */
import type { ExportHeader, ExportTable, TableCounts } from './format';
import { COLLECTION_FORMAT, COLLECTION_FORMAT_VERSION, TABLE_ORDER, emptyCounts, headerSchema, recordSchemaFor, trailerSchema } from './format';
import { createChecksum } from './checksum';

/** A file refused: `message` says why, for the person. */
export class CollectionFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CollectionFileError';
  }
}

export interface ReadOptions {
  /** Called with the header once it is checked, before any record. */
  onHeader?: (header: ExportHeader) => void;
  /** Called with up to `batchSize` records of one table, in file order; awaited before reading on. */
  onBatch?: (table: ExportTable, records: Record<string, unknown>[]) => void | Promise<void>;
  batchSize?: number;
  /** Called after each batch with the records read so far. */
  onProgress?: (records: number) => void;
}

export interface ReadSummary {
  header: ExportHeader;
  counts: TableCounts;
  checksum: string;
}

/** Splits text chunks into lines (without their newline; a final line without one included). */
export async function* splitLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function describeForeign(value: unknown): string {
  if (value && typeof value === 'object' && (value as { format?: unknown }).format === 'kata-backup') {
    return 'This is a settings backup from an earlier Kata, not a collection export: it holds settings only.';
  }
  if (value && typeof value === 'object' && (value as { formatName?: unknown }).formatName === 'dexie') {
    return 'This is a raw database export (Dexie), not a Kata collection export.';
  }
  return 'This is not a Kata collection export (its first line is not a Kata header).';
}

function readHeader(line: string | undefined): ExportHeader {
  if (line === undefined || line.trim() === '') throw new CollectionFileError('The file is empty.');
  const value = parseJson(line.replace(/^\uFEFF/, ''));
  if (value === undefined || typeof value !== 'object' || value === null) {
    throw new CollectionFileError('This is not a Kata collection export (its first line is not JSON).');
  }
  if ((value as { format?: unknown }).format !== COLLECTION_FORMAT) throw new CollectionFileError(describeForeign(value));
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > COLLECTION_FORMAT_VERSION) {
    throw new CollectionFileError(
      `This export was made by a newer Kata (format version ${version}; this Kata reads up to ${COLLECTION_FORMAT_VERSION}). Update Kata to restore it.`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new CollectionFileError(`The export's header is not valid (${firstIssue(parsed.error)}).`);
  return parsed.data;
}

/** Reads and checks a whole export; resolves with what it holds, or rejects with a CollectionFileError. */
export async function readCollection(chunks: AsyncIterable<string> | Iterable<string>, options: ReadOptions = {}): Promise<ReadSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 2_000);
  const lines = splitLines(chunks);
  const first = await lines.next();
  const header = readHeader(first.done ? undefined : first.value);
  options.onHeader?.(header);
  const counts = emptyCounts();
  const checksum = createChecksum();
  let tableIndex = 0;
  let batch: Record<string, unknown>[] = [];
  let batchTable: ExportTable = TABLE_ORDER[0];
  let read = 0;
  let lineNumber = 1;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const records = batch;
    batch = [];
    await options.onBatch?.(batchTable, records);
    options.onProgress?.(read);
  };

  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') throw new CollectionFileError(`Line ${lineNumber} is empty: the file was damaged.`);
    const value = parseJson(line);
    if (value === undefined || typeof value !== 'object' || value === null) {
      throw new CollectionFileError(`Line ${lineNumber} is damaged (it is not JSON).`);
    }
    if ('end' in value) {
      const trailer = trailerSchema.safeParse(value);
      if (!trailer.success) throw new CollectionFileError(`The export's last line is not valid (${firstIssue(trailer.error)}).`);
      await flush();
      if ((await lines.next()).done !== true) throw new CollectionFileError(`The file goes on after its end (line ${lineNumber + 1}).`);
      for (const table of TABLE_ORDER) {
        if (trailer.data.counts[table] !== counts[table]) {
          throw new CollectionFileError(`The file says it holds ${trailer.data.counts[table]} records of ${table} but has ${counts[table]}.`);
        }
      }
      const digest = checksum.digest();
      if (digest !== trailer.data.checksum) {
        throw new CollectionFileError("The file's checksum does not match its contents: it was damaged or edited after export.");
      }
      return { header, counts, checksum: digest };
    }
    const { t: table, r: record } = value as { t?: unknown; r?: unknown };
    const index = TABLE_ORDER.indexOf(table as ExportTable);
    if (index === -1) throw new CollectionFileError(`Line ${lineNumber} names no table Kata knows (${JSON.stringify(table)}).`);
    if (index < tableIndex) throw new CollectionFileError(`Line ${lineNumber}: records of ${String(table)} come after ${TABLE_ORDER[tableIndex]}; the file was rearranged.`);
    const parsed = recordSchemaFor(table as ExportTable, header.schemaVersion).safeParse(record);
    if (!parsed.success) throw new CollectionFileError(`Line ${lineNumber}: a record of ${String(table)} is not valid (${firstIssue(parsed.error)}).`);
    if (index !== tableIndex || batchTable !== table || batch.length >= batchSize) await flush();
    tableIndex = index;
    batchTable = table as ExportTable;
    checksum.add(line);
    counts[batchTable] += 1;
    read += 1;
    // The record as written, not as parsed: loose schemas keep unknown keys, but the original is the truth.
    batch.push(record as Record<string, unknown>);
  }
  throw new CollectionFileError(`The file ends early, after line ${lineNumber}: it is incomplete (perhaps cut off while it was copied).`);
}
