/**
 * The bridge: `window.kata` with exactly one named method per channel of
 * shared/ipc.ts. The page never sees `ipcRenderer`, so it can only ask for the
 * actions the contract lists (and main still validates each call).
 *
 * Sandboxed preloads may only `require('electron')`; build-electron.mjs bundles
 * this file and its imports into one CJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
// Names come from the zod-free half of the contract: the preload needs no schemas.
import { ipcChannel, ipcMethods } from '../shared/ipc-methods';
import type { KataBridge } from '../shared/ipc';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Builds the bridge object over an `invoke` function (ipcRenderer.invoke in the app). */
export function buildBridge(invoke: Invoke): KataBridge {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of ipcMethods) {
    const channel = ipcChannel(method);
    bridge[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  return Object.freeze(bridge) as unknown as KataBridge;
}

contextBridge.exposeInMainWorld(
  'kata',
  buildBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
