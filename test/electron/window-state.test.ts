import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
} from '../../electron/window-state';
import { buildMenuTemplate } from '../../electron/menu';
import { BrowserWindow as FakeBrowserWindow } from '../mocks/electron';

vi.mock('electron', () => import('../mocks/electron'));

const DISPLAY = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kata-window-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

describe('window state', () => {
  it('falls back to the default for a missing or broken file', async () => {
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"width": "wide"');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips through the file', () => {
    saveWindowState(dir, { x: 5, y: 6, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true });
  });

  it('keeps a visible position and drops one on a display that is gone', () => {
    expect(clampToDisplays({ x: 100, y: 100, width: 1000, height: 700, maximized: false }, [DISPLAY])).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
      maximized: false,
    });
    const offScreen = clampToDisplays({ x: 3000, y: 200, width: 1000, height: 700, maximized: false }, [DISPLAY]);
    expect(offScreen.x).toBeUndefined();
    expect(offScreen.y).toBeUndefined();
  });

  it('caps the size to the largest display and lifts it to the minimum', () => {
    expect(clampToDisplays({ width: 5000, height: 4000, maximized: false }, [DISPLAY])).toMatchObject({
      width: 1920,
      height: 1080,
    });
    expect(clampToDisplays({ width: 10, height: 10, maximized: false }, [DISPLAY])).toMatchObject({
      width: 720,
      height: 520,
    });
  });

  it('saves once after a burst of moves, and on close', async () => {
    vi.useFakeTimers();
    const window = new FakeBrowserWindow();
    trackWindowState(window as unknown as BrowserWindow, dir);
    window.emit('move');
    window.bounds = { x: 1, y: 2, width: 900, height: 600 };
    window.emit('resize');
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      x: 1,
      y: 2,
      width: 900,
      height: 600,
      maximized: false,
    });
    window.maximized = true;
    window.emit('close');
    expect(loadWindowState(dir).maximized).toBe(true);
  });
});

describe('buildMenuTemplate', () => {
  it('has the standard menus, an About item, and dev tools only when unpackaged', () => {
    const onAbout = vi.fn();
    const dev = buildMenuTemplate({ isMac: true, isPackaged: false, onAbout });
    expect(dev.map((item) => item.role ?? item.label)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'View', 'windowMenu', 'help']);
    const devView = dev[3]?.submenu as { role?: string }[];
    expect(devView.map((item) => item.role)).toContain('toggleDevTools');

    const shipped = buildMenuTemplate({ isMac: false, isPackaged: true, onAbout });
    expect(shipped[0]?.role).toBe('fileMenu');
    const shippedView = shipped.find((item) => item.label === 'View')?.submenu as { role?: string }[];
    expect(shippedView.map((item) => item.role)).not.toContain('toggleDevTools');
    const help = shipped.find((item) => item.role === 'help')?.submenu as { label?: string; click?: () => void }[];
    expect(help[0]?.label).toBe('About Kata');
    help[0]?.click?.();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });
});
