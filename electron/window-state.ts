/**
 * Remembers the window's size, position and maximized flag in
 * `<userData>/window-state.json`, so Kata reopens where the person left it, but
 * never off-screen (a monitor may have been unplugged since).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowBounds } from './window-options';

export interface WindowState extends WindowBounds {
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1180, height: 800, maximized: false };
/** How much of the title bar area must stay on a display for a saved position to be kept. */
const MIN_VISIBLE_PX = 80;
const SAVE_DEBOUNCE_MS = 400;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads the saved state; anything missing or malformed yields the default. */
export function loadWindowState(userDataDir: string): WindowState {
  try {
    const raw: unknown = JSON.parse(readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8'));
    if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
    const data = raw as Record<string, unknown>;
    if (!isFiniteNumber(data.width) || !isFiniteNumber(data.height)) return { ...DEFAULT_WINDOW_STATE };
    const state: WindowState = { width: data.width, height: data.height, maximized: data.maximized === true };
    if (isFiniteNumber(data.x) && isFiniteNumber(data.y)) {
      state.x = data.x;
      state.y = data.y;
    }
    return state;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits a saved state to the displays present now: the size is capped to the largest
 * work area, and a position whose top strip is not visible on any display is dropped
 * (the window is then centred).
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.round(Math.min(Math.max(state.width, MIN_WINDOW_WIDTH), maxWidth));
  const height = Math.round(Math.min(Math.max(state.height, MIN_WINDOW_HEIGHT), maxHeight));
  const result: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return result;
  const titleStrip: Rectangle = { x: state.x, y: state.y, width, height: Math.min(height, MIN_VISIBLE_PX) };
  const visible = workAreas.some((area) => {
    const seen = overlap(titleStrip, area);
    return seen.width >= MIN_VISIBLE_PX && seen.height >= titleStrip.height / 2;
  });
  if (visible) {
    result.x = Math.round(state.x);
    result.y = Math.round(state.y);
  }
  return result;
}

/** Writes the state atomically (temp file + rename) so a crash never leaves half a JSON file. */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  const target = path.join(userDataDir, WINDOW_STATE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(state), 'utf8');
    renameSync(temp, target);
  } catch {
    // Losing the window position is not worth interrupting the person for.
  }
}

/** The state worth saving: the restore bounds even while maximized. */
export function captureWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized() };
}

/** Saves the window's state a moment after it stops moving, and once more on close. */
export function trackWindowState(window: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) saveWindowState(userDataDir, captureWindowState(window));
    }, SAVE_DEBOUNCE_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    saveWindowState(userDataDir, captureWindowState(window));
  });
}
