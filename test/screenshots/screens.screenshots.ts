/**
 * `npm run screenshots`: a picture of every stop of the screen tour (every screen
 * empty and with packs, the Library's dialogs and import reviews, each practice
 * card kind asked and answered), in both themes, at 1280×800 and 1024×768, into
 * screenshots/ (git-ignored), named `<stop>-<theme>-<width>.png` (a dialog longer
 * than the window adds `-2.png`, `-3.png`… for the rest of it). The empty
 * Library at 1280×800 is also the README's picture (docs/screenshot-<theme>.png).
 *
 * Chromium only: the web build and the desktop app render the same renderer.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from '../e2e/fixture';
import { REPO_ROOT, openApp } from '../e2e/fixture';
import { tourScreens } from '../e2e/screen-tour';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');
const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/**
 * Shows the resting state for a picture (no focus ring left by the last key or click, no
 * hover, the top of the page) and returns what puts focus back: the tour goes on from
 * the keyboard. Inside a dialog the focus stays where the dialog put it.
 */
async function rest(page: Page): Promise<() => Promise<void>> {
  const focused = await page.evaluateHandle(() => document.activeElement);
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest('dialog')) active.blur();
    window.scrollTo(0, 0);
  });
  await page.mouse.move(5, 5);
  return async () => {
    await focused.evaluate((el) => {
      if (el instanceof HTMLElement && el !== document.activeElement) el.focus({ preventScroll: true });
    });
    await focused.dispose();
  };
}

/**
 * Scrolls the part of an open dialog that scrolls (a long import review) one page on;
 * false when it was at its end already (or nothing in the dialog scrolls).
 */
async function scrollDialogPage(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const scroller = [...document.querySelectorAll<HTMLElement>('dialog[open] *')].find(
      (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY),
    );
    if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return false;
    scroller.scrollTop += scroller.clientHeight - 48;
    return true;
  });
}

async function scrollDialogToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('dialog[open] *')) el.scrollTop = 0;
  });
}

describe.each(['light', 'dark'] as const)('screenshots, %s theme', (colorScheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await mkdir(DOCS_DIR, { recursive: true });
    app = await openApp({ colorScheme, viewport: VIEWPORTS[0], hash: '#/library' });
  });

  afterAll(async () => {
    await app?.close();
  });

  test('every stop of the screen tour', async () => {
    const { page } = app;
    for await (const stop of tourScreens(app)) {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        const refocus = await rest(page);
        // A dialog covers the viewport, so the viewport is the picture; a screen is shown whole.
        const name = `${stop.name}-${colorScheme}-${viewport.width}`;
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: !stop.dialog });
        // A dialog longer than the window: the rest of it, a page at a time (name-2.png, name-3.png…).
        for (let part = 2; stop.dialog && (await scrollDialogPage(page)); part += 1) {
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${part}.png`) });
        }
        if (stop.dialog) await scrollDialogToTop(page);
        if (stop.name === 'library-empty' && viewport.width === 1280) {
          await page.screenshot({ path: path.join(DOCS_DIR, `screenshot-${colorScheme}.png`) });
        }
        await refocus();
      }
      await page.setViewportSize(VIEWPORTS[0]);
    }
    if (app.problems.length > 0) throw new Error(`console errors during the tour:\n${app.problems.join('\n')}`);
  });
});
