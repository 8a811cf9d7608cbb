/**
 * `printToPdf`: the window as a PDF (the Progress screen's report for a mentor, with the print
 * stylesheet applied), through Chromium's own printing, saved where the person chooses.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveResult } from '../../shared/ipc';
import type { DialogDeps } from './dialog-deps';

export interface PrintToPdfDeps extends DialogDeps {
  /** Folder the dialog opens in, e.g. `app.getPath('documents')`. */
  defaultDir: () => string;
}

/** Builds the handler: render the PDF first (so a failure leaves no file), then the dialog, then the write. */
export function createPrintToPdfHandler(deps: PrintToPdfDeps): (args: { suggestedName: string }) => Promise<SaveResult> {
  return async ({ suggestedName }) => {
    const window = deps.getWindow();
    if (!window) throw new Error('There is no window to save as a PDF.');
    const base = path.basename(suggestedName.replaceAll('\\', '/')).replace(/\.pdf$/i, '') || 'kata-report';
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    const options: SaveDialogOptions = {
      title: 'Save as PDF',
      defaultPath: path.join(deps.defaultDir(), `${base}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const result = await deps.dialog.showSaveDialog(window, options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, pdf);
    return { saved: true, path: result.filePath };
  };
}
