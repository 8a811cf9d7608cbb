/**
 * The import journal: which files a confirmed import is writing, and which of them are
 * written. Each pack is its own transaction (PackRepository.savePackImport), so an import
 * of several files that Kata does not live to finish (a crash, a kill, a power cut) leaves
 * some packs whole and the rest absent — never half a pack. The journal is written before
 * the first pack; each pack's transaction marks its file written in the same commit; the
 * import clears it when done. A journal found at start therefore says exactly which files
 * of the interrupted import are in the library and which are not.
 *
 * Kept as one record of the settings table (no schema change): small, and read once.
 */
import type { KataDb } from './db';

/** DO NOT CHANGE: a journal left by an older build must still be found. */
export const IMPORT_JOURNAL_KEY = 'importJournal';

export interface ImportJournalFile {
  fileName: string;
  packId: string;
  written: boolean;
}

export interface ImportJournal {
  startedAt: number;
  files: ImportJournalFile[];
}

export type ImportJournalRepository = ReturnType<typeof createImportJournalRepository>;

function isJournal(value: unknown): value is ImportJournal {
  if (typeof value !== 'object' || value === null) return false;
  const { startedAt, files } = value as Partial<ImportJournal>;
  return (
    typeof startedAt === 'number' &&
    Array.isArray(files) &&
    files.every((file: unknown) => typeof file === 'object' && file !== null && typeof (file as ImportJournalFile).fileName === 'string' && typeof (file as ImportJournalFile).written === 'boolean')
  );
}

/** Marks file `index` of the journal written; called inside the pack's own import transaction. */
export async function markJournalFileWritten(db: KataDb, index: number): Promise<void> {
  const record = await db.settings.get(IMPORT_JOURNAL_KEY);
  if (!record || !isJournal(record.value)) return;
  const files = record.value.files.map((file, i) => (i === index ? { ...file, written: true } : file));
  await db.settings.put({ key: IMPORT_JOURNAL_KEY, value: { ...record.value, files } });
}

export function createImportJournalRepository(db: KataDb) {
  return {
    /** Starts the journal of an import about to write `files` (in this order), replacing any older one. */
    async begin(startedAt: number, files: readonly Omit<ImportJournalFile, 'written'>[]): Promise<void> {
      const journal: ImportJournal = { startedAt, files: files.map((file) => ({ ...file, written: false })) };
      await db.settings.put({ key: IMPORT_JOURNAL_KEY, value: journal });
    },
    /** The journal of an import that did not finish, if any. */
    async read(): Promise<ImportJournal | undefined> {
      const record = await db.settings.get(IMPORT_JOURNAL_KEY);
      return record && isJournal(record.value) ? record.value : undefined;
    },
    /** The import finished (or its interruption was told): forget it. */
    async clear(): Promise<void> {
      await db.settings.delete(IMPORT_JOURNAL_KEY);
    },
  };
}
