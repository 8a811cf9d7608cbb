/** `saveTextFile`: export text (a pack, a report) where the person chooses. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveResult } from '../../shared/ipc';
import type { DialogDeps } from './dialog-deps';

export interface SaveTextFileDeps extends DialogDeps {
  /** Folder the dialog opens in, e.g. `app.getPath('documents')`. */
  defaultDir: () => string;
}

/** Builds the `saveTextFile` handler: a save dialog, then a write; cancel saves nothing. */
export function createSaveTextFileHandler(
  deps: SaveTextFileDeps,
): (args: { suggestedName: string; text: string }) => Promise<SaveResult> {
  return async ({ suggestedName, text }) => {
    // Only the file name is a suggestion; the folder is the person's choice.
    const name = path.basename(suggestedName.replaceAll('\\', '/')) || 'kata-export.txt';
    const extension = path.extname(name).slice(1);
    const options: SaveDialogOptions = {
      title: 'Save from Kata',
      defaultPath: path.join(deps.defaultDir(), name),
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
    };
    const window = deps.getWindow();
    const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, text, 'utf8');
    return { saved: true, path: result.filePath };
  };
}
