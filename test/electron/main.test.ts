import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcMethods } from '../../shared/ipc';
import type * as ElectronFakeModule from '../mocks/electron';
import {
  app,
  BrowserWindow,
  FakeWebContents,
  ipcMain,
  Menu,
  protocol,
  resetElectronFake,
  session,
} from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

type ElectronFake = typeof ElectronFakeModule;

// Smoke test of the wiring in electron/main.ts against the fake Electron: what is
// registered, in which order, and what the window loads.
describe('main entry', () => {
  let userData: string;
  // Vitest clears call logs before each test, so what the import did is captured here.
  const order: Record<'privileged' | 'sandbox' | 'ready', number> = { privileged: NaN, sandbox: NaN, ready: NaN };
  let menusSet = 0;

  beforeAll(async () => {
    vi.stubEnv('KATA_DEV_URL', '');
    resetElectronFake();
    userData = await mkdtemp(path.join(tmpdir(), 'kata-main-'));
    app.userDataPath = userData;
    // main.ts runs its wiring on import; this file imports it exactly once here.
    await import('../../electron/main');
    order.privileged = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? NaN;
    order.sandbox = app.enableSandbox.mock.invocationCallOrder[0] ?? NaN;
    order.ready = app.whenReady.mock.invocationCallOrder[0] ?? NaN;
    // Let the whenReady().then(start) chain run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    menusSet = Menu.setApplicationMenu.mock.calls.length;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(userData, { recursive: true, force: true });
  });

  it('registers the privileged scheme and the sandbox before waiting for ready', () => {
    expect(order.privileged).toBeLessThan(order.ready);
    expect(order.sandbox).toBeLessThan(order.ready);
  });

  it('serves app:, hardens the session, registers every IPC channel and a menu', () => {
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.beforeRequest).not.toBeNull();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(ipcMethods.map(ipcChannel).sort());
    expect(menusSet).toBe(1);
  });

  it('opens one hardened window on app://kata/index.html with the bundled preload', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0];
    expect(window?.loadedUrl).toBe('app://kata/index.html');
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('hardens every new WebContents and focuses the window on a second launch', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    const window = BrowserWindow.instances[0];
    if (!window) throw new Error('no window');
    const focus = vi.spyOn(window, 'focus');
    app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    // Re-run main.ts; take the fake the same way it does, in case the reset replaced it.
    vi.resetModules();
    const fake = (await import('electron')) as unknown as ElectronFake;
    const windowsBefore = fake.BrowserWindow.instances.length;
    fake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../electron/main');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(windowsBefore);
  });
});
