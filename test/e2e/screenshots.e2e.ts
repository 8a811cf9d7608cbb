/**
 * Pictures of every screen in both themes, to look at (screenshots/, gitignored),
 * and the two README images (docs/). Chromium only: the web build and the
 * desktop app render the same renderer, and the README shows one of them.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, openApp } from './fixture';

const SCREENS = ['library', 'practice', 'simulate', 'progress', 'settings'] as const;
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');
const DOCS_DIR = path.join(REPO_ROOT, 'docs');

describe.each(['light', 'dark'] as const)('screenshots, %s theme', (colorScheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await mkdir(DOCS_DIR, { recursive: true });
    app = await openApp({ colorScheme, viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await app?.close();
  });

  test.each(SCREENS)('%s', async (screen) => {
    await app.goto(`#/${screen}`);
    // Screenshots show the resting state, not a focus ring left by navigation.
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${screen}-${colorScheme}.png`), fullPage: true });
    if (screen === 'library') {
      await app.page.screenshot({ path: path.join(DOCS_DIR, `screenshot-${colorScheme}.png`) });
    }
    expect(app.problems).toEqual([]);
  });

  test('the narrowest supported width (800px)', async () => {
    await app.page.setViewportSize({ width: 800, height: 800 });
    for (const screen of ['library', 'settings'] as const) {
      await app.goto(`#/${screen}`);
      await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${screen}-${colorScheme}-800.png`), fullPage: true });
      const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${screen} scrolls sideways at 800px`).toBeLessThanOrEqual(0);
    }
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });
});
