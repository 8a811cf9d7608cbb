/**
 * The Platform port: everything the renderer needs from the machine it runs on.
 *
 * Two adapters implement it — `electron.ts` over `window.kata`, and `browser.ts`
 * over a file input, downloads and IndexedDB. `select-platform.ts` picks one at
 * start-up; nothing else in the renderer may know which one it got.
 */
import type { LibraryFolderFile, LibraryFolderInfo as LibraryFolder, LibraryFolderScan } from '../../shared/ipc';
import type { BackupInfo } from '../../shared/model';
import type { PlatformStorage } from './storage-status';

export type PlatformKind = 'electron' | 'browser';

/** A file the person chose to import. Exactly one of `text` and `error` is set. */
export interface ImportFile {
  name: string;
  /** Size on disk, in bytes. */
  bytes: number;
  text?: string;
  /** Why the file was refused (too large, unreadable) — shown to the person as is. */
  error?: string;
  /** Full path, where the platform knows it (Electron's file dialog). */
  path?: string;
}

/** One line of "App info": a runtime and its version. */
export interface RuntimeVersion {
  name: string;
  version: string;
}

export interface PlatformAppInfo {
  name: string;
  version: string;
  /** Human-readable: "Desktop (linux)", "Web browser (Linux x86_64)". */
  platform: string;
  runtimes: RuntimeVersion[];
  /** Where the app keeps its data, where that is a folder the person can find. */
  dataLocation?: string;
}

export interface SaveOutcome {
  saved: boolean;
  path?: string;
}

export interface BackupText {
  id: string;
  text: string;
}

/**
 * A file written in pieces: nothing appears under its name (or in the backup list) until
 * `close` resolves; `abort` (or a crash) leaves nothing behind.
 */
export interface FileSink<Result> {
  write(chunk: string): Promise<void>;
  close(): Promise<Result>;
  abort(): Promise<void>;
}

/** Where the platform keeps backups, for the words in Settings. */
export type BackupsLocation = 'user-data' | 'browser-files' | 'browser-database';

// Folder records are what the main process sends: one definition, in the IPC contract.
export type { LibraryFolder, LibraryFolderFile, LibraryFolderScan };

/** Library folders: watched folders of importable files. Only the desktop app has them. */
export interface PlatformFolders {
  /** Opens the native folder dialog; null when the person cancelled. */
  add(): Promise<LibraryFolder | null>;
  /** In the order they were added. */
  list(): Promise<LibraryFolder[]>;
  /** Forgets the folder (its files stay on disk); false when it was not registered. */
  remove(id: string): Promise<boolean>;
  scan(id: string): Promise<LibraryFolderScan>;
  /** Reads one listed file, ready for the import flow (`text` and `path` set). Rejects when refused. */
  read(folderId: string, relativePath: string): Promise<ImportFile>;
  /** Calls `callback` with a folder's id when it changed on disk; returns the unsubscribe. */
  onChanged(callback: (folderId: string) => void): () => void;
}

export interface Platform {
  readonly kind: PlatformKind;
  /** Whether folders can be watched for changes (only the desktop app can). */
  readonly supportsFolders: boolean;
  /** Present exactly when `supportsFolders` is true. */
  readonly folders?: PlatformFolders;
  /** Persistent storage (asked for at start-up) and how much room the collection has. */
  readonly storage: PlatformStorage;
  appInfo(): Promise<PlatformAppInfo>;
  /**
   * Ask the person for files to import. Must be called from a user gesture (a click
   * or key press handler) — browsers open a file chooser only then. Resolves with
   * an empty list when the person cancels.
   */
  pickImportFiles(): Promise<ImportFile[]>;
  /** Offer `text` as a file to save; `saved: false` when the person cancelled. */
  saveTextFile(suggestedName: string, text: string): Promise<SaveOutcome>;
  /**
   * Saves what the window shows as a PDF, where the person chooses (print styles applied).
   * Only the desktop app has it; in a browser the page's own print dialog does the same.
   */
  printToPdf?(suggestedName: string): Promise<SaveOutcome>;
  writeBackup(name: string, text: string): Promise<BackupInfo>;
  /** Newest first. */
  listBackups(): Promise<BackupInfo[]>;
  readBackup(id: string): Promise<BackupText>;
  /**
   * Offers a file to save, written in pieces (a collection export): asks where first (the
   * desktop save dialog; the browser downloads it when closed). Null when the person cancelled.
   * Like pickImportFiles, call it from a user gesture.
   */
  saveFileStream(suggestedName: string): Promise<FileSink<SaveOutcome> | null>;
  /** A new backup written in pieces; listed only once closed. */
  backupStream(name: string): Promise<FileSink<BackupInfo>>;
  /** A backup's text, piece by piece (a backup can be far larger than one string should be). */
  readBackupChunks(id: string): AsyncIterable<string>;
  /** Deletes a backup (rotation). */
  removeBackup(id: string): Promise<void>;
  /** Where backups are kept now (the browser asks for OPFS lazily). */
  backupsLocation(): Promise<BackupsLocation>;
}
