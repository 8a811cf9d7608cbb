/** `saveTextFile`: export text (a pack, a report) where the person chooses. */
import { writeFile } from 'node:fs/promises';
import type { WriteSessions } from './write-sessions';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveResult } from '../../shared/ipc';
import type { DialogDeps } from './dialog-deps';

export interface SaveTextFileDeps extends DialogDeps {
  /** Folder the dialog opens in, e.g. `app.getPath('documents')`. */
  defaultDir: () => string;
}

/** Shows the save dialog for `suggestedName`; null when the person cancelled. */
async function askWhere(deps: SaveTextFileDeps, suggestedName: string): Promise<string | null> {
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
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * Builds the `beginSaveFile` handler: the save dialog, then a file written in pieces
 * (appendWrite, finishWrite) that appears under the chosen name only when finished.
 */
export function createBeginSaveFileHandler(
  deps: SaveTextFileDeps & { sessions: WriteSessions },
): (args: { suggestedName: string }) => Promise<{ token: string; path: string } | null> {
  return async ({ suggestedName }) => {
    const chosen = await askWhere(deps, suggestedName);
    if (chosen === null) return null;
    const token = await deps.sessions.begin(chosen, () => ({ path: chosen }));
    return { token, path: chosen };
  };
}

/** Builds the `saveTextFile` handler: a save dialog, then a write; cancel saves nothing. */
export function createSaveTextFileHandler(
  deps: SaveTextFileDeps,
): (args: { suggestedName: string; text: string }) => Promise<SaveResult> {
  return async ({ suggestedName, text }) => {
    const chosen = await askWhere(deps, suggestedName);
    if (chosen === null) return { saved: false };
    await writeFile(chosen, text, 'utf8');
    return { saved: true, path: chosen };
  };
}
