/** Creates the one app window: remembered bounds, hardened options, shown when painted. */
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { openAppWindow } from './window-options';
import { clampToDisplays, loadWindowState, trackWindowState } from './window-state';

export interface MainWindowInput {
  preloadPath: string;
  /** `app://kata/index.html`, or the dev server URL. */
  startUrl: string;
  userDataDir: string;
}

/** Opens the app window and starts loading `startUrl`. */
export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = clampToDisplays(loadWindowState(input.userDataDir), workAreas);
  const window = openAppWindow(BrowserWindow, {
    preloadPath: input.preloadPath,
    bounds: state,
    darkMode: nativeTheme.shouldUseDarkColors,
  });
  trackWindowState(window, input.userDataDir);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.loadURL(input.startUrl).catch((error: unknown) => {
    console.error(`Kata could not load ${input.startUrl}:`, error);
  });
  return window;
}
