/**
 * Who may call the main process: the top frame of the app's own window, while it
 * shows an app page. An iframe, another window, or a page that somehow navigated
 * elsewhere is refused even though it shares the preload.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isUrlAtOrigin } from './app-origin';
import type { SenderCheck } from './ipc-gatekeeper';

/** Builds the gatekeeper's sender check for the window `getWindow()` returns. */
export function createSenderCheck(getWindow: () => BrowserWindow | null, appOrigins: readonly string[]): SenderCheck {
  return (event: IpcMainInvokeEvent) => {
    const window = getWindow();
    const frame = event.senderFrame;
    if (!window || window.isDestroyed() || !frame) return false;
    if (event.sender !== window.webContents) return false;
    if (frame.parent !== null) return false;
    return isUrlAtOrigin(frame.url, appOrigins);
  };
}
