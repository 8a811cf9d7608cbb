/** The Library store's contract: its state and actions, its options and the repositories it needs. */
import type { StoreApi } from 'zustand/vanilla';
import type { ListReading, PackRecord } from '../../../shared/model';
import type { ParseOptions, ParseResult } from '../../../shared/import/result';
import type { ImportFile } from '../../platform/platform';
import type { RollupContext } from '../../storage/rollup-writes';
import type { Repositories } from '../../storage/index';
import type { ImportSession } from './import-session';

/** Parses one file's text; the app parses in a Web Worker, tests on the main thread. */
export type ParseFile = (name: string, text: string, options?: ParseOptions) => Promise<ParseResult>;

export type LibraryRepositories = Pick<Repositories, 'packs' | 'items' | 'cards' | 'events' | 'importJournal'>;

export interface LibraryStoreOptions {
  parse?: ParseFile;
  now?: () => number;
  /** What a deleted pack's answers are taken out of the day rollups with (the settings in force). */
  rollupContext?: () => RollupContext;
}

export interface ImportOptions {
  /** The pack whose Re-import action chose the files: a single file re-imports into it, whatever its name. */
  reimportOf?: string;
}

export interface LibraryNotice {
  tone: 'success' | 'error';
  text: string;
}

export interface LibraryState {
  active: PackRecord[];
  archived: PackRecord[];
  status: 'idle' | 'loading' | 'ready';
  loadError?: string;
  session: ImportSession | null;
  /** The outcome of the last import or pack action, for a status line. */
  notice?: LibraryNotice;

  load(): Promise<void>;
  /** Previews files the platform has read (file dialog, paste, samples, watched folders), in a new session. */
  startImport(files: ImportFile[], options?: ImportOptions): Promise<void>;
  /** Reads dropped files (same size limit as the file dialog), then previews them in a new session. */
  importDroppedFiles(files: readonly File[]): Promise<void>;
  /** Writes one previewed file (by index) or every ready one; one transaction per pack. */
  confirmImport(which: number | 'all'): Promise<void>;
  /** Drops the session; nothing of it that was not confirmed is written. */
  cancelImport(): void;
  /**
   * Reads one list of a previewed file as steps or as notes (the import review's choice):
   * the file is parsed and planned again; the choice is kept with the pack when it is written.
   */
  readListAs(fileKey: string, listKey: string, reading: ListReading): Promise<void>;
  archive(id: string): Promise<void>;
  unarchive(id: string): Promise<void>;
  deletePack(id: string): Promise<void>;
  /** How many answers a pack's history holds (told before deleting it). */
  countHistory(id: string): Promise<number>;
  dismissNotice(): void;
}

export type LibraryStore = StoreApi<LibraryState>;
