/**
 * `addLibraryFolder` / `listLibraryFolders` / `removeLibraryFolder` /
 * `scanLibraryFolder` / `readLibraryFile`: folders the person chose to watch.
 * A folder is added only through the native folder dialog, so the renderer can
 * never name a folder for the main process to read.
 */
import type { OpenDialogOptions } from 'electron';
import type { IpcHandler } from '../../shared/ipc';
import type { LibraryFolders } from '../folders/library-folders';
import type { DialogDeps } from './dialog-deps';

export interface LibraryFolderHandlerDeps extends DialogDeps {
  folders: LibraryFolders;
}

export interface LibraryFolderHandlers {
  addLibraryFolder: IpcHandler<'addLibraryFolder'>;
  listLibraryFolders: IpcHandler<'listLibraryFolders'>;
  removeLibraryFolder: IpcHandler<'removeLibraryFolder'>;
  scanLibraryFolder: IpcHandler<'scanLibraryFolder'>;
  readLibraryFile: IpcHandler<'readLibraryFile'>;
}

/** Builds the five library-folder handlers over one LibraryFolders service. */
export function createLibraryFolderHandlers(deps: LibraryFolderHandlerDeps): LibraryFolderHandlers {
  const { folders } = deps;
  return {
    async addLibraryFolder() {
      const options: OpenDialogOptions = {
        title: 'Add a library folder',
        buttonLabel: 'Add folder',
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = deps.getWindow();
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return null;
      return folders.add(chosen);
    },
    listLibraryFolders: () => folders.list(),
    async removeLibraryFolder({ id }) {
      return { removed: await folders.remove(id) };
    },
    scanLibraryFolder: ({ id }) => folders.scan(id),
    readLibraryFile: ({ folderId, relativePath }) => folders.read(folderId, relativePath),
  };
}
