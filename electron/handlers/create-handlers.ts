/** Wires every handler of the contract to its real dependencies (or to fakes in tests). */
import path from 'node:path';
import type { App } from 'electron';
import type { IpcHandlers } from '../../shared/ipc';
import { createAppInfoHandler } from './app-info';
import { BACKUP_DIR_NAME, createBackupHandlers } from './backups';
import type { DialogDeps } from './dialog-deps';
import { createPickImportFilesHandler } from './pick-import-files';
import { createSaveTextFileHandler } from './save-text-file';

export interface HandlerDeps extends DialogDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  platform: string;
  versions: { electron?: string; chrome?: string };
}

/** One handler per method of shared/ipc.ts; the type makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const backups = createBackupHandlers({ dir: path.join(deps.app.getPath('userData'), BACKUP_DIR_NAME) });
  return {
    appInfo: createAppInfoHandler(deps),
    pickImportFiles: createPickImportFilesHandler(deps),
    saveTextFile: createSaveTextFileHandler({ ...deps, defaultDir: () => deps.app.getPath('documents') }),
    writeBackup: backups.writeBackup,
    listBackups: backups.listBackups,
    readBackup: backups.readBackup,
  };
}
