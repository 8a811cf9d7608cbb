/**
 * The options of the one app window. Pure, so the security-relevant flags are
 * asserted by a test rather than trusted to review.
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

/** BrowserWindow options: isolated, sandboxed, no Node, no webviews, remembered bounds. */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { bounds } = input;
  return {
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
      spellcheck: true,
    },
  };
}
