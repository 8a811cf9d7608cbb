import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcEvents, ipcMethods } from '../../shared/ipc';
import { contextBridge, ipcRenderer, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

/** The bridge's named subscriptions to main-process notifications: the only non-invoke members. */
const SUBSCRIPTIONS = ['onLibraryFoldersChanged'];

describe('preload', () => {
  let bridge: Record<string, unknown>;
  let exposeCalls: unknown[][];

  beforeAll(async () => {
    resetElectronFake();
    await import('../../electron/preload');
    // Copied now: the call log is per test, the import happens once.
    exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls];
    bridge = contextBridge.exposed.get('kata') as Record<string, unknown>;
  });

  it('exposes window.kata with exactly the methods of the contract and its one subscription', () => {
    expect(exposeCalls).toEqual([['kata', bridge]]);
    expect(Object.keys(bridge).sort()).toEqual([...ipcMethods, ...SUBSCRIPTIONS].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke', () => {
    expect(contextBridge.exposed.size).toBe(1);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'once', 'removeListener']) expect(bridge).not.toHaveProperty(name);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.on);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each method on its own channel with its arguments', async () => {
    for (const method of ipcMethods) {
      ipcRenderer.invoke.mockClear();
      const call = bridge[method] as (...args: unknown[]) => Promise<unknown>;
      await expect(call({ probe: method })).resolves.toEqual({ channel: ipcChannel(method), args: [{ probe: method }] });
      expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel(method), { probe: method });
    }
  });

  it('onLibraryFoldersChanged hands over only the folder id, and unsubscribes', () => {
    const subscribe = bridge.onLibraryFoldersChanged as (callback: (change: unknown) => void) => () => void;
    const seen: unknown[][] = [];
    const unsubscribe = subscribe((...args: unknown[]) => seen.push(args));
    expect(ipcRenderer.listenerCount(ipcEvents.libraryFoldersChanged)).toBe(1);

    ipcRenderer.emit(ipcEvents.libraryFoldersChanged, { folderId: 'a1b2', smuggled: 'x' });
    // A malformed payload is dropped rather than passed on.
    ipcRenderer.emit(ipcEvents.libraryFoldersChanged, { folderId: 42 });
    ipcRenderer.emit(ipcEvents.libraryFoldersChanged, null);
    ipcRenderer.emit('kata:something-else', { folderId: 'other' });
    expect(seen).toEqual([[{ folderId: 'a1b2' }]]);

    unsubscribe();
    expect(ipcRenderer.listenerCount(ipcEvents.libraryFoldersChanged)).toBe(0);
    ipcRenderer.emit(ipcEvents.libraryFoldersChanged, { folderId: 'late' });
    expect(seen).toHaveLength(1);
  });

  it('refuses a subscription without a callback', () => {
    const subscribe = bridge.onLibraryFoldersChanged as (callback: unknown) => () => void;
    expect(() => subscribe('not a function')).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(ipcEvents.libraryFoldersChanged)).toBe(0);
  });
});
