/**
 * `pickImportFiles`: the person chooses files; main reads them as text. The main
 * process reads only what the person picked, and refuses big files before reading
 * them so a stray video cannot stall the app.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { IMPORTABLE_EXTENSIONS } from '../../shared/import/importable-files';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc';
import type { PickedFile } from '../../shared/ipc';
import type { DialogDeps } from './dialog-deps';

/** The dialog filter's extensions: the shared list without dots. */
export const IMPORT_EXTENSIONS = IMPORTABLE_EXTENSIONS.map((extension) => extension.slice(1));

const MEBIBYTE = 1024 * 1024;

/**
 * "7.2 MB": one decimal below 10 MB, whole numbers above, rounded up so a file just
 * over the limit never reads as "5 MB" next to "up to 5 MB".
 */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MEBIBYTE;
  const step = mb < 10 ? 10 : 1;
  // The epsilon keeps 7.2 MB from becoming 7.3 through floating-point noise.
  return `${Math.ceil(mb * step - 1e-9) / step} MB`;
}

/** Why a file of `bytes` is refused, e.g. "runbook.md is 7.2 MB; Kata imports files up to 5 MB". */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${formatMegabytes(bytes)}; Kata imports files up to ${formatMegabytes(MAX_IMPORT_FILE_BYTES)}`;
}

/** Reads one picked file, turning every failure into a per-file `error` instead of a rejection. */
export async function readPickedFile(filePath: string): Promise<PickedFile> {
  const name = path.basename(filePath);
  let bytes = 0;
  try {
    const info = await stat(filePath);
    bytes = info.size;
    if (!info.isFile()) return { name, path: filePath, bytes, error: `${name} is not a file` };
    if (bytes > MAX_IMPORT_FILE_BYTES) return { name, path: filePath, bytes, error: tooLargeMessage(name, bytes) };
    const buffer = await readFile(filePath);
    // A NUL byte never occurs in the text formats Kata reads: this is a binary file.
    if (buffer.includes(0)) return { name, path: filePath, bytes, error: `${name} is not a text file` };
    return { name, path: filePath, bytes: buffer.byteLength, text: buffer.toString('utf8') };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { name, path: filePath, bytes, error: `${name} could not be read (${reason})` };
  }
}

/** Builds the `pickImportFiles` handler: a multi-select open dialog, then one result per file. */
export function createPickImportFilesHandler(deps: DialogDeps): () => Promise<PickedFile[]> {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Import into Kata',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Checklists and decision trees', extensions: IMPORT_EXTENSIONS },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = deps.getWindow();
    const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
    if (result.canceled) return [];
    return Promise.all(result.filePaths.map(readPickedFile));
  };
}
