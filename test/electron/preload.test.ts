import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcMethods } from '../../shared/ipc';
import { contextBridge, ipcRenderer, resetElectronFake } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

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

  it('exposes window.kata with exactly the methods of the contract', () => {
    expect(exposeCalls).toEqual([['kata', bridge]]);
    expect(Object.keys(bridge).sort()).toEqual([...ipcMethods].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke', () => {
    expect(contextBridge.exposed.size).toBe(1);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on']) expect(bridge).not.toHaveProperty(name);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
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
});
