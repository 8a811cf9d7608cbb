/** The slice of Electron's `dialog` the file handlers use, so tests can pass a fake. */
import type { BrowserWindow, Dialog } from 'electron';

export interface DialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window dialogs attach to (modal on macOS); null shows a free-standing dialog. */
  getWindow: () => BrowserWindow | null;
}
