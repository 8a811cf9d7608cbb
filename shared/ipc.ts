/**
 * The one typed contract between the renderer and the main process.
 *
 * Each channel has an argument schema (validated in main by the gatekeeper) and a
 * result type. The preload builds the window's `kata` bridge from `ipcMethods`, so a method
 * exists on the bridge only if it is listed here.
 */
import { z } from './zod';
import type { IpcMethod } from './ipc-methods';
import type { BackupInfo } from './model';

// Names and channels live in a zod-free module so the preload can import them alone.
export { ipcChannel, ipcEvents, ipcMethods } from './ipc-methods';
export type { IpcMethod } from './ipc-methods';

/** Largest file the import dialog hands to the renderer. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** Largest text a save or backup may write. */
export const MAX_WRITE_BYTES = 200 * 1024 * 1024;

/** UTF-8 size of `text`, counted only when its length alone cannot decide against `limit`. */
export function fitsInUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return false;
  // Each UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length * 3 <= limit) return true;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (written as U+FFFD)
    if (bytes > limit) return false;
  }
  return true;
}

/** Text main writes to disk: at most MAX_WRITE_BYTES once encoded, whatever its characters. */
const writableText = z
  .string()
  .max(MAX_WRITE_BYTES)
  .refine((text) => fitsInUtf8Bytes(text, MAX_WRITE_BYTES), `text: more than ${MAX_WRITE_BYTES / 1024 / 1024} MB`);

/** A backup's bare file name as listBackups hands it out: never a path, never `.` or `..`. */
const backupId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,120}$/, 'backup id: letters, digits, dot, dash, underscore')
  .refine((value) => !/^\.+$/.test(value), 'backup id: not only dots');

/** A write session's token (electron/handlers/write-sessions.ts): 32 hex digits. */
const writeToken = z.string().regex(/^[0-9a-f]{32}$/, 'write token: 32 hex digits');
/** Largest piece of a file written in pieces. */
export const MAX_WRITE_CHUNK_BYTES = 32 * 1024 * 1024;

/** A library folder id as the registry hands it out: never a path. */
const libraryFolderId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'folder id: letters, digits, dash, underscore');

/**
 * A file inside a library folder, relative and '/'-separated, as scanLibraryFolder
 * lists it. Checked here so obvious escapes never reach a handler; main resolves the
 * real path and checks it stays inside the folder again.
 */
const libraryRelativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((value) => !value.includes('\0'), 'relative path: no NUL byte')
  .refine((value) => !/^([\\/]|[A-Za-z]:)/.test(value), 'relative path: must not be absolute')
  .refine((value) => !value.split(/[\\/]/).includes('..'), 'relative path: must not contain ..');

/**
 * Every argument object is strict: a key the contract does not name (`__proto__`,
 * `constructor`, a typo, a smuggled option) is refused, not silently dropped, so a caller
 * that sends more than it should finds out.
 */
export const ipcArgSchemas = {
  appInfo: z.tuple([]),
  pickImportFiles: z.tuple([]),
  saveTextFile: z.tuple([
    z.strictObject({
      suggestedName: z.string().min(1).max(255),
      text: writableText,
    }),
  ]),
  printToPdf: z.tuple([z.strictObject({ suggestedName: z.string().min(1).max(255) })]),
  writeBackup: z.tuple([
    z.strictObject({
      name: z.string().min(1).max(120),
      text: writableText,
    }),
  ]),
  listBackups: z.tuple([]),
  readBackup: z.tuple([z.strictObject({ id: backupId })]),
  beginSaveFile: z.tuple([z.strictObject({ suggestedName: z.string().min(1).max(255) })]),
  beginBackupFile: z.tuple([z.strictObject({ name: z.string().min(1).max(120) })]),
  appendWrite: z.tuple([z.strictObject({ token: writeToken, text: z.string().max(MAX_WRITE_CHUNK_BYTES) })]),
  finishWrite: z.tuple([z.strictObject({ token: writeToken })]),
  abortWrite: z.tuple([z.strictObject({ token: writeToken })]),
  readBackupChunk: z.tuple([z.strictObject({ id: backupId, offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) })]),
  removeBackup: z.tuple([z.strictObject({ id: backupId })]),
  addLibraryFolder: z.tuple([]),
  listLibraryFolders: z.tuple([]),
  removeLibraryFolder: z.tuple([z.strictObject({ id: libraryFolderId })]),
  scanLibraryFolder: z.tuple([z.strictObject({ id: libraryFolderId })]),
  readLibraryFile: z.tuple([z.strictObject({ folderId: libraryFolderId, relativePath: libraryRelativePath })]),
} as const satisfies Record<IpcMethod, z.ZodType<unknown[]>>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
  chrome: string;
  userDataPath: string;
}

/** A file the person chose to import; `error` is set instead of `text` when it was refused. */
export interface PickedFile {
  name: string;
  path: string;
  bytes: number;
  text?: string;
  error?: string;
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

/** A folder the person chose to watch (desktop app only). */
export interface LibraryFolderInfo {
  id: string;
  /** Absolute, symlinks resolved when the folder was added. */
  path: string;
  /** The folder's own name, for display. */
  name: string;
  addedAt: number;
}

/** One importable file of a library folder; `error` is set instead of `hash` when Kata cannot read it. */
export interface LibraryFolderFile {
  /** Inside the folder, '/'-separated whatever the OS: what readLibraryFile takes. */
  relativePath: string;
  /** Absolute: what an import records as the pack's sourcePath. */
  path: string;
  bytes: number;
  mtimeMs: number;
  /** hashText() of the file's text, comparable with PackRecord.sourceHash. */
  hash?: string;
  error?: string;
}

export interface LibraryFolderScan {
  folder: LibraryFolderInfo;
  /** Sorted by relativePath. */
  files: LibraryFolderFile[];
  /** True when the folder held more than Kata lists (too many files or too deep). */
  truncated: boolean;
  /** Set when the folder itself could not be read (moved, deleted, unmounted). */
  error?: string;
}

/** A library file read for import. */
export interface LibraryFileText {
  name: string;
  path: string;
  bytes: number;
  text: string;
}

/** Payload of `ipcEvents.libraryFoldersChanged`. */
export interface LibraryFoldersChange {
  folderId: string;
}

type ArgsOf<M extends IpcMethod> = z.infer<(typeof ipcArgSchemas)[M]>;

interface IpcResults {
  appInfo: AppInfo;
  pickImportFiles: PickedFile[];
  saveTextFile: SaveResult;
  printToPdf: SaveResult;
  writeBackup: BackupInfo;
  listBackups: BackupInfo[];
  readBackup: { id: string; text: string };
  /** null when the person cancelled the save dialog. */
  beginSaveFile: { token: string; path: string } | null;
  beginBackupFile: { token: string };
  appendWrite: void;
  /** A save's path, or a backup's listing. */
  finishWrite: { path?: string; backup?: BackupInfo };
  abortWrite: void;
  /** `nextOffset` (bytes) is null at the end of the file. */
  readBackupChunk: { text: string; nextOffset: number | null };
  removeBackup: { removed: boolean };
  /** null when the person cancelled the folder dialog. */
  addLibraryFolder: LibraryFolderInfo | null;
  listLibraryFolders: LibraryFolderInfo[];
  removeLibraryFolder: { removed: boolean };
  scanLibraryFolder: LibraryFolderScan;
  readLibraryFile: LibraryFileText;
}

/** The bridge's subscriptions to main-process notifications; each returns its unsubscribe. */
export interface KataBridgeEvents {
  onLibraryFoldersChanged(callback: (change: LibraryFoldersChange) => void): () => void;
}

/** The window's `kata` bridge: every channel as `(args) => Promise<result>`, plus the named subscriptions. */
export type KataBridge = {
  [M in IpcMethod]: (...args: ArgsOf<M>) => Promise<IpcResults[M]>;
} & KataBridgeEvents;

/** What a main-process handler for method M receives and returns. */
export type IpcHandler<M extends IpcMethod> = (
  ...args: ArgsOf<M>
) => Promise<IpcResults[M]> | IpcResults[M];

export type IpcHandlers = { [M in IpcMethod]: IpcHandler<M> };
