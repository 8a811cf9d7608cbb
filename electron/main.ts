/**
 * Main-process entry: one instance, one hardened window, the `app://` protocol,
 * the menu, and the IPC gatekeeper. Everything with logic lives in the modules it
 * imports; this file only wires them together in the order Electron requires.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { ipcEvents } from '../shared/ipc';
import type { LibraryFoldersChange } from '../shared/ipc';
import { APP_ENTRY_URL, APP_ORIGIN, devOriginFrom } from './app-origin';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { LIBRARY_FOLDERS_FILE } from './folders/folder-registry';
import { createLibraryFolders } from './folders/library-folders';
import type { LibraryFolders } from './folders/library-folders';
import { createHandlers } from './handlers/create-handlers';
import { registerHandlers } from './ipc-gatekeeper';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { createSenderCheck } from './sender-check';

// Bundled to dist/electron/main.cjs: the preload sits next to it, the renderer build beside.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

const devUrl = process.env.KATA_DEV_URL;
const devOrigin = app.isPackaged ? null : devOriginFrom(devUrl);
if (devUrl && !devOrigin) console.warn(`Ignoring KATA_DEV_URL=${devUrl}: only a loopback http(s) URL in an unpackaged build is used.`);
const appOrigins: readonly string[] = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
const startUrl = devOrigin && devUrl ? devUrl : APP_ENTRY_URL;

// Tests and side-by-side profiles point Kata at another data folder; must happen before
// the single-instance lock and app ready, which both key on the userData path.
const userDataOverride = process.env.KATA_USER_DATA_DIR;
if (userDataOverride && !app.isPackaged) app.setPath('userData', path.resolve(userDataOverride));

let mainWindow: BrowserWindow | null = null;
/** Created on ready (after the userData override); its watchers are stopped on quit. */
let libraryFolders: LibraryFolders | null = null;

/** Tells the app window that a watched folder changed; it re-scans that folder. */
function notifyLibraryFolderChanged(folderId: string): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  const change: LibraryFoldersChange = { folderId };
  window.webContents.send(ipcEvents.libraryFoldersChanged, change);
}

function showAbout(): void {
  const detail = [
    "Practise your team's checklists and decision trees until they are second nature.",
    '',
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  ].join('\n');
  const options = { type: 'info' as const, title: 'About Kata', message: `Kata ${app.getVersion()}`, detail };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function openMainWindow(): void {
  const window = createMainWindow({ preloadPath, startUrl, userDataDir: app.getPath('userData') });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, appOrigins);
  handleAppProtocol(protocol, rendererDir);
  libraryFolders = createLibraryFolders({
    file: path.join(app.getPath('userData'), LIBRARY_FOLDERS_FILE),
    onChange: notifyLibraryFolderChanged,
  });
  registerHandlers(
    ipcMain,
    createHandlers({
      app,
      dialog,
      getWindow: () => mainWindow,
      platform: process.platform,
      versions: process.versions,
      libraryFolders,
    }),
    createSenderCheck(() => mainWindow, appOrigins),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged, onAbout: showAbout }),
    ),
  );
  openMainWindow();
  // Watching is best effort: a folder that cannot be watched is still re-scanned on focus.
  libraryFolders.watchAll().catch((error: unknown) => console.warn('Kata could not watch its library folders:', error));
}

// Both must happen before 'ready': privileged schemes and the global sandbox
// cannot be changed afterwards.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (see 'second-instance') and leaves.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigins));
  app.on('will-quit', () => libraryFolders?.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('Kata failed to start:', error);
    app.exit(1);
  });
}
