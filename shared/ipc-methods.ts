/**
 * The names on the wire of the renderer <-> main contract, free of zod so the
 * sandboxed preload (which only needs names and channels) stays a few KB instead
 * of bundling the whole schema library. shared/ipc.ts re-exports these and checks,
 * at compile time, that its argument schemas cover exactly this list.
 */

const methodNames = [
  'appInfo',
  'pickImportFiles',
  'saveTextFile',
  // The window as a PDF (the report for a mentor), saved where the person chooses.
  'printToPdf',
  'writeBackup',
  'listBackups',
  'readBackup',
  // Files written in pieces (a collection export, a full backup) and backups read in pieces.
  'beginSaveFile',
  'beginBackupFile',
  'appendWrite',
  'finishWrite',
  'abortWrite',
  'readBackupChunk',
  'removeBackup',
  // Library folders: folders the person chose to watch (desktop app only).
  'addLibraryFolder',
  'listLibraryFolders',
  'removeLibraryFolder',
  'scanLibraryFolder',
  'readLibraryFile',
] as const;

export type IpcMethod = (typeof methodNames)[number];

/** Every method of the contract, in declaration order. */
export const ipcMethods: IpcMethod[] = [...methodNames];

/** The channel name on the wire for a method. */
export function ipcChannel(method: IpcMethod): string {
  return `kata:${method}`;
}

/**
 * Main -> renderer notifications. Each has exactly one named subscription on the
 * bridge (`on<Name>(callback) -> unsubscribe`); the page never sees `ipcRenderer`.
 */
export const ipcEvents = {
  /** A watched library folder changed on disk; the payload is `{ folderId }`. */
  libraryFoldersChanged: 'kata:library-folders-changed',
} as const;
