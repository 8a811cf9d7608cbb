import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { ipcChannel, ipcMethods } from '../../shared/ipc';
import type { IpcHandlers } from '../../shared/ipc';
import { registerHandlers } from '../../electron/ipc-gatekeeper';
import { createSenderCheck } from '../../electron/sender-check';
import { APP_ORIGIN } from '../../electron/app-origin';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrameMain,
  fakeInvokeEvent,
  ipcMain,
  resetElectronFake,
} from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

function fakeHandlers(): IpcHandlers {
  return {
    appInfo: vi.fn(() => ({
      name: 'Kata',
      version: '0.1.0',
      platform: 'linux',
      electron: '45',
      chrome: '142',
      userDataPath: '/tmp/u',
    })),
    pickImportFiles: vi.fn(async () => []),
    saveTextFile: vi.fn(async () => ({ saved: false })),
    printToPdf: vi.fn(async () => ({ saved: false })),
    writeBackup: vi.fn(async ({ name, text }) => ({ id: 'x.json', name, createdAt: 1, bytes: text.length })),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async ({ id }) => ({ id, text: '{}' })),
    beginSaveFile: vi.fn(async () => null),
    beginBackupFile: vi.fn(async () => ({ token: '0'.repeat(32) })),
    appendWrite: vi.fn(async () => undefined),
    finishWrite: vi.fn(async () => ({})),
    abortWrite: vi.fn(async () => undefined),
    readBackupChunk: vi.fn(async () => ({ text: '', nextOffset: null })),
    removeBackup: vi.fn(async () => ({ removed: false })),
    addLibraryFolder: vi.fn(async () => null),
    listLibraryFolders: vi.fn(async () => []),
    removeLibraryFolder: vi.fn(async () => ({ removed: true })),
    scanLibraryFolder: vi.fn(async ({ id }) => ({
      folder: { id, path: '/docs', name: 'docs', addedAt: 1 },
      files: [],
      truncated: false,
    })),
    readLibraryFile: vi.fn(async ({ relativePath }) => ({ name: relativePath, path: `/docs/${relativePath}`, bytes: 1, text: 'x' })),
  };
}

describe('registerHandlers', () => {
  let window: FakeBrowserWindow;
  let handlers: IpcHandlers;

  beforeEach(() => {
    resetElectronFake();
    window = new FakeBrowserWindow();
    handlers = fakeHandlers();
    registerHandlers(
      ipcMain as unknown as IpcMain,
      handlers,
      createSenderCheck(() => window as unknown as BrowserWindow, [APP_ORIGIN]),
    );
  });

  it('registers every method of the contract exactly once', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(ipcMethods.length);
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual(ipcMethods.map(ipcChannel).sort());
  });

  it('lets a well-formed call from the app window reach its handler', async () => {
    const result = await ipcMain.invoke(
      ipcChannel('writeBackup'),
      fakeInvokeEvent(window.webContents),
      { name: 'nightly', text: 'abc' },
    );
    expect(handlers.writeBackup).toHaveBeenCalledWith({ name: 'nightly', text: 'abc' });
    expect(result).toEqual({ id: 'x.json', name: 'nightly', createdAt: 1, bytes: 3 });
    await expect(ipcMain.invoke(ipcChannel('appInfo'), fakeInvokeEvent(window.webContents))).resolves.toMatchObject({
      name: 'Kata',
    });
  });

  it('rejects a call from another WebContents', async () => {
    const foreign = new FakeWebContents('app://kata/index.html');
    await expect(ipcMain.invoke(ipcChannel('listBackups'), fakeInvokeEvent(foreign))).rejects.toThrow(
      /untrusted sender/,
    );
    expect(handlers.listBackups).not.toHaveBeenCalled();
  });

  it('rejects a subframe, a foreign origin and a vanished frame of the app window', async () => {
    const contents = window.webContents;
    const iframe = new FakeWebFrameMain('app://kata/index.html', contents.mainFrame);
    const elsewhere = new FakeWebFrameMain('https://evil.example/');
    for (const frame of [iframe, elsewhere, null]) {
      await expect(ipcMain.invoke(ipcChannel('listBackups'), fakeInvokeEvent(contents, frame))).rejects.toThrow(
        'kata.listBackups: untrusted sender',
      );
    }
    expect(handlers.listBackups).not.toHaveBeenCalled();
  });

  it('rejects calls once the window is gone', async () => {
    window.destroyed = true;
    await expect(ipcMain.invoke(ipcChannel('appInfo'), fakeInvokeEvent(window.webContents))).rejects.toThrow(
      /untrusted sender/,
    );
  });

  it('rejects bad arguments with a message naming the method and the offending path', async () => {
    const event = fakeInvokeEvent(window.webContents);
    await expect(ipcMain.invoke(ipcChannel('readBackup'), event, { id: '../../etc/passwd' })).rejects.toThrow(
      /^kata\.readBackup: invalid arguments \(args\.0\.id: /,
    );
    await expect(ipcMain.invoke(ipcChannel('saveTextFile'), event, { suggestedName: 'a.md' })).rejects.toThrow(
      /kata\.saveTextFile: invalid arguments \(args\.0\.text/,
    );
    await expect(ipcMain.invoke(ipcChannel('appInfo'), event, 'unexpected')).rejects.toThrow(
      /kata\.appInfo: invalid arguments/,
    );
    expect(handlers.readBackup).not.toHaveBeenCalled();
    expect(handlers.saveTextFile).not.toHaveBeenCalled();
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('rejects bad arguments for the library-folder methods before any handler runs', async () => {
    const event = fakeInvokeEvent(window.webContents);
    const invalid: [string, unknown[]][] = [
      ['addLibraryFolder', ['/etc']],
      ['listLibraryFolders', [{}]],
      ['removeLibraryFolder', [{}]],
      ['removeLibraryFolder', [{ id: '../folder' }]],
      ['scanLibraryFolder', [{ id: '/home/someone/docs' }]],
      ['scanLibraryFolder', [{ id: 'x'.repeat(65) }]],
      ['readLibraryFile', [{ folderId: 'abc' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: '' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: 42 }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: '../secret.md' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: 'docs\\..\\..\\secret.md' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: '/etc/passwd.md' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: 'C:\\secret.md' }]],
      ['readLibraryFile', [{ folderId: 'abc', relativePath: 'a.md\0.txt' }]],
      ['readLibraryFile', [{ folderId: '../abc', relativePath: 'a.md' }]],
    ];
    for (const [method, args] of invalid) {
      await expect(ipcMain.invoke(ipcChannel(method as keyof IpcHandlers), event, ...args), `${method} ${JSON.stringify(args)}`).rejects.toThrow(
        new RegExp(`^kata\\.${method}: invalid arguments`),
      );
    }
    expect(handlers.addLibraryFolder).not.toHaveBeenCalled();
    expect(handlers.listLibraryFolders).not.toHaveBeenCalled();
    expect(handlers.removeLibraryFolder).not.toHaveBeenCalled();
    expect(handlers.scanLibraryFolder).not.toHaveBeenCalled();
    expect(handlers.readLibraryFile).not.toHaveBeenCalled();

    await ipcMain.invoke(ipcChannel('readLibraryFile'), event, { folderId: 'abc', relativePath: 'runbooks/deploy.md' });
    expect(handlers.readLibraryFile).toHaveBeenCalledWith({ folderId: 'abc', relativePath: 'runbooks/deploy.md' });
  });

  it('refuses a key the contract does not name instead of dropping it', async () => {
    await expect(
      ipcMain.invoke(ipcChannel('writeBackup'), fakeInvokeEvent(window.webContents), { name: 'n', text: 't', smuggled: true }),
    ).rejects.toThrow(/^kata\.writeBackup: invalid arguments \(args\.0: Unrecognized key: "smuggled"\)/);
    expect(handlers.writeBackup).not.toHaveBeenCalled();
  });
});
