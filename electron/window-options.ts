/**
 * The one app window and its options. The constructor comes in as a parameter, so a test
 * hands in the fake and asserts the security-relevant flags rather than trusting review.
 *
 * The options are written as one literal right at `new BrowserWindow(...)` on purpose:
 * electronegativity (scripts/electronegativity.mjs) reads them from the syntax tree at that
 * call and cannot follow them through a helper's return value.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Where the window was and how big, as remembered by window-state.ts. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptionsInput {
  preloadPath: string;
  bounds: WindowBounds;
  /** `nativeTheme.shouldUseDarkColors`: paint the right background before the first frame. */
  darkMode: boolean;
}

export const MIN_WINDOW_WIDTH = 720;
export const MIN_WINDOW_HEIGHT = 520;
export const DARK_BACKGROUND = '#15171c';
export const LIGHT_BACKGROUND = '#f7f7f4';

/** Electron's BrowserWindow, or the test fake: anything built from the options. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** Opens the window: isolated, sandboxed, no Node, no webviews, no spellcheck, remembered bounds. */
export function openAppWindow<W>(BrowserWindow: WindowConstructor<W>, input: WindowOptionsInput): W {
  const { bounds } = input;
  return new BrowserWindow({
    title: 'Kata',
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    // Shown on 'ready-to-show' so the person never sees an empty frame.
    show: false,
    backgroundColor: input.darkMode ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside a drop zone must not navigate the app away.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads its dictionaries from Google's servers: Kata is
      // offline, so there is none (security.ts also switches it off for the session).
      spellcheck: false,
      // A middle click (auxclick) on a link would ask for a new window; window.open is
      // denied anyway (security.ts), this keeps the event from ever firing.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
