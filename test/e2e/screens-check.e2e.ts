/**
 * Rules every screen keeps, in both themes, checked at every stop of the screen
 * tour (every screen empty and with packs, the Library's dialogs and import
 * reviews, each practice card kind asked and answered):
 *
 * - nothing is cut off sideways, at 1280×800, at 1024×768 and at the narrowest
 *   supported width (800px): see overflow-check.ts;
 * - no WCAG 2.1 A or AA violation that axe-core finds (colour contrast included).
 *
 * Chromium only: the desktop app renders the same renderer. Soft expectations,
 * so one run lists every stop's problems. A last test plants each kind of problem
 * in the page, so a check that stopped finding anything would fail too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { axeViolations } from './axe-check';
import { horizontalOverflow } from './overflow-check';
import { tourScreens } from './screen-tour';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 800 },
] as const;

describe.each(['light', 'dark'] as const)('every screen, %s theme', (colorScheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp({ colorScheme, viewport: VIEWPORTS[0], hash: '#/library' });
  });

  afterAll(async () => {
    await app?.close();
  });

  test('nothing is cut off sideways, and axe finds no WCAG 2.1 AA violation', { timeout: 600_000 }, async () => {
    const { page } = app;
    const visited: string[] = [];
    for await (const stop of tourScreens(app)) {
      visited.push(stop.name);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        expect.soft(await horizontalOverflow(page), `${stop.name} at ${viewport.width}×${viewport.height}`).toEqual([]);
      }
      await page.setViewportSize(VIEWPORTS[0]);
      expect.soft(await axeViolations(page), `${stop.name}: axe`).toEqual([]);
    }
    // The tour went everywhere it says it goes.
    for (const screen of ['library', 'practice', 'simulate', 'progress', 'settings']) {
      expect(visited).toContain(`${screen}-empty`);
      expect(visited).toContain(screen === 'library' ? 'library-packs' : screen === 'practice' ? 'practice-start' : screen);
    }
    expect(visited).toEqual(expect.arrayContaining(['library-empty-import-review', 'library-import-review', 'practice-summary']));
    expect(app.problems).toEqual([]);
  });
});

describe('the checks themselves', () => {
  test('they report what they are for: clipped text, a box too narrow, a page that scrolls sideways, low contrast', async () => {
    const app = await openApp({ viewport: VIEWPORTS[0], hash: '#/library' });
    try {
      const { page } = app;
      expect(await horizontalOverflow(page)).toEqual([]);
      await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.innerHTML = `
          <div style="width: 120px; overflow: hidden"><span style="white-space: nowrap">a long line that a narrow box cuts off</span></div>
          <p style="width: 60px; white-space: nowrap">words sticking out of their box</p>
          <div style="width: 120px; overflow: auto; white-space: normal"><div style="width: 400px">a panel wider than the box that scrolls</div></div>
          <pre style="width: 120px; overflow-x: auto">a source line that may scroll on purpose</pre>
          <p style="color: #aaa; background: #fff">text too faint to read</p>
          <div style="width: 3000px; height: 4px"></div>`;
        document.querySelector('main')?.append(probe);
      });
      const overflow = (await horizontalOverflow(page)).join('\n');
      expect(overflow).toMatch(/^the page scrolls sideways/m);
      expect(overflow).toContain('text “a long line that a narrow box cuts off” is cut off by div');
      expect(overflow).toMatch(/^p “words sticking out of their box”: content \d+px wide in a 60px box/m);
      expect(overflow).toMatch(/“a panel wider than the box that scrolls”: content 400px wide in a \d+px box \(overflow-x: auto\)/);
      expect(overflow).not.toContain('a source line');
      expect((await axeViolations(page)).join('\n')).toMatch(/^color-contrast \(serious\)/);
    } finally {
      await app.close();
    }
  });
});
