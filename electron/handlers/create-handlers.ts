/** Wires every handler of the contract to its real dependencies (or to fakes in tests). */
import path from 'node:path';
import type { App } from 'electron';
import type { IpcHandlers } from '../../shared/ipc';
import type { BackupInfo } from '../../shared/model';
import { LIBRARY_FOLDERS_FILE } from '../folders/folder-registry';
import { createLibraryFolders } from '../folders/library-folders';
import type { LibraryFolders } from '../folders/library-folders';
import { createAppInfoHandler } from './app-info';
import { BACKUP_DIR_NAME, createBackupHandlers } from './backups';
import type { DialogDeps } from './dialog-deps';
import { createLibraryFolderHandlers } from './library-folders';
import { createPickImportFilesHandler } from './pick-import-files';
import { createPrintToPdfHandler } from './print-to-pdf';
import { createBeginSaveFileHandler, createSaveTextFileHandler } from './save-text-file';
import { createWriteSessions } from './write-sessions';

export interface HandlerDeps extends DialogDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  platform: string;
  versions: { electron?: string; chrome?: string };
  /**
   * The library folders service; main.ts passes the one whose watchers it starts and
   * stops. Without it, one over `<userData>/library-folders.json` that notifies no one.
   */
  libraryFolders?: LibraryFolders;
}

/** One handler per method of shared/ipc.ts; the type makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const sessions = createWriteSessions();
  const backups = createBackupHandlers({ dir: path.join(deps.app.getPath('userData'), BACKUP_DIR_NAME), sessions });
  const saveDeps = { ...deps, defaultDir: () => deps.app.getPath('documents') };
  const libraryFolders =
    deps.libraryFolders ??
    createLibraryFolders({ file: path.join(deps.app.getPath('userData'), LIBRARY_FOLDERS_FILE), onChange: () => {} });
  return {
    appInfo: createAppInfoHandler(deps),
    pickImportFiles: createPickImportFilesHandler(deps),
    saveTextFile: createSaveTextFileHandler(saveDeps),
    printToPdf: createPrintToPdfHandler(saveDeps),
    writeBackup: backups.writeBackup,
    listBackups: backups.listBackups,
    readBackup: backups.readBackup,
    beginSaveFile: createBeginSaveFileHandler({ ...saveDeps, sessions }),
    beginBackupFile: backups.beginBackupFile,
    appendWrite: ({ token, text }) => sessions.append(token, text),
    finishWrite: async ({ token }) => (await sessions.finish(token)) as { path?: string; backup?: BackupInfo },
    abortWrite: ({ token }) => sessions.abort(token),
    readBackupChunk: backups.readBackupChunk,
    removeBackup: backups.removeBackup,
    ...createLibraryFolderHandlers({ dialog: deps.dialog, getWindow: deps.getWindow, folders: libraryFolders }),
  };
}
