/**
 * The bridge: `window.kata` with exactly one named method per channel of
 * shared/ipc.ts, plus one named subscription per main-process notification. The
 * page never sees `ipcRenderer`, so it can only ask for the actions the contract
 * lists (and main still validates each call), and only hear the events it names.
 *
 * Sandboxed preloads may only `require('electron')`; build-electron.mjs bundles
 * this file and its imports into one CJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
// Names come from the zod-free half of the contract: the preload needs no schemas.
import { ipcChannel, ipcEvents, ipcMethods } from '../shared/ipc-methods';
import type { KataBridge, LibraryFoldersChange } from '../shared/ipc';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens on `channel` (ipcRenderer.on in the app); returns what stops listening. */
type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/** Builds the bridge object over `invoke` and `subscribe` (ipcRenderer in the app). */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): KataBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of ipcMethods) {
    const channel = ipcChannel(method);
    bridge[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  bridge.onLibraryFoldersChanged = (callback: (change: LibraryFoldersChange) => void) => {
    if (typeof callback !== 'function') throw new TypeError('onLibraryFoldersChanged needs a callback');
    // Only the folder id crosses over: never the IPC event (it carries the sender).
    return subscribe(ipcEvents.libraryFoldersChanged, (payload) => {
      const folderId = (payload as { folderId?: unknown } | null)?.folderId;
      if (typeof folderId === 'string') callback({ folderId });
    });
  };
  return Object.freeze(bridge) as unknown as KataBridge;
}

contextBridge.exposeInMainWorld(
  'kata',
  buildBridge(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      const onEvent = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, onEvent);
      return () => {
        ipcRenderer.removeListener(channel, onEvent);
      };
    },
  ),
);
