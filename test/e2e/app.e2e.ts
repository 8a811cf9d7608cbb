/**
 * The app frame end to end: it loads cleanly, every screen is reachable by mouse
 * and keyboard, the CSP is really enforced, settings persist in IndexedDB, and
 * the theme follows the system unless the Theme setting says otherwise.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp, OpenAppOptions, TargetKind } from './fixture';
import { makeProfileDir, openApp, targets } from './fixture';

const SCREENS = [
  { hash: '#/library', nav: 'Library', shortcut: '1', emptyState: 'Import a checklist or a flowchart' },
  { hash: '#/practice', nav: 'Practice', shortcut: '2', emptyState: 'Nothing to practise yet' },
  { hash: '#/simulate', nav: 'Simulate', shortcut: '3', emptyState: 'No scenarios to walk yet' },
  { hash: '#/progress', nav: 'Progress', shortcut: '4', emptyState: 'No progress to show yet' },
  { hash: '#/settings', nav: 'Settings', shortcut: '5', emptyState: 'Appearance' },
] as const;

/** Relative luminance (0 black … 1 white) of a computed `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const bodyBackground = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function expectScreen(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.waitForFunction((hash) => window.location.hash === hash, screen.hash);
  await expect.poll(() => page.locator('main h1').textContent()).toBe(screen.nav);
  const nav = page.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link', { name: screen.nav }).getAttribute('aria-current')).toBe('page');
  expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
  expect(await page.getByRole('heading', { level: 2, name: screen.emptyState }).isVisible()).toBe(true);
}

describe.each(targets)('app frame (%s)', (target: TargetKind) => {
  const opened: OpenedApp[] = [];
  const open = async (options: OpenAppOptions = {}): Promise<OpenedApp> => {
    const app = await openApp({ target, ...options });
    opened.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  test('loads with no console errors or page errors, on every screen', async () => {
    const app = await open();
    expect(await app.page.locator('main h1').textContent()).toBe('Library');
    for (const screen of SCREENS) {
      await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.nav }).click();
      await expectScreen(app.page, screen);
    }
    expect(app.problems).toEqual([]);
  });

  test('each screen has its heading and an empty state that says how to start', async () => {
    const app = await open();
    const { page } = app;
    await app.goto('#/library');
    expect(await page.getByRole('button', { name: 'Import files…' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Try a sample pack' }).isVisible()).toBe(true);
    const formats = await page.getByRole('list', { name: 'Formats Kata imports' }).textContent();
    for (const extension of ['.md', '.mmd', '.yaml', '.json', '.csv']) expect(formats).toContain(extension);

    await app.goto('#/practice');
    expect(await page.locator('main').textContent()).toContain('Import a checklist, then your daily drills appear here.');

    await app.goto('#/progress');
    const ladder = await page.locator('.ladder').textContent();
    for (const level of ['Observe', 'Guided', 'Assisted', 'Independent', 'Can teach']) expect(ladder).toContain(level);

    await app.goto('#/settings');
    for (const label of ['New cards per day', 'Maximum reviews per day', 'Desired retention', 'Day starts at']) {
      expect(await page.getByLabel(label).isVisible()).toBe(true);
    }
    expect(await page.getByRole('group', { name: 'Theme' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'App info' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'App info' }).locator('.info-list').textContent()).toContain('0.1.0');
  });

  test('keyboard: skip link, Tab to the navigation and Enter, and the Alt/Ctrl shortcuts', async () => {
    const app = await open();
    const { page } = app;

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    for (const screen of SCREENS.slice(1, 3)) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = false;
      for (let presses = 0; presses < 12 && !reached; presses += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          (name) => document.activeElement?.closest('nav[aria-label="Main"]') != null && document.activeElement?.textContent?.startsWith(name) === true,
          screen.nav,
        );
      }
      expect(reached, `Tab reaches ${screen.nav} in the navigation`).toBe(true);
      await page.keyboard.press('Enter');
      await expectScreen(page, screen);
      // Focus moves to the new screen's heading, so reading (and Tab) continue there.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    }

    await page.keyboard.press('Alt+4');
    await expectScreen(page, SCREENS[3]);
    await page.keyboard.press('Control+5');
    await expectScreen(page, SCREENS[4]);
    await page.keyboard.press('Alt+1');
    await expectScreen(page, SCREENS[0]);
    expect(await page.locator('.shortcut-help').textContent()).toMatch(/Alt\+1.*5.*Ctrl\+1.*5/);
    expect(app.problems).toEqual([]);
  });

  test('a reload stays on the same screen', async () => {
    const app = await open({ hash: '#/progress' });
    await app.page.reload();
    await expectScreen(app.page, SCREENS[3]);
  });

  test('the Content-Security-Policy is present and enforced', async () => {
    const app = await open();
    const { page } = app;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("'unsafe-eval'");

    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));

      // From a task of the page's own: code that DevTools evaluates directly is exempt from the eval rule.
      const evalError = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            eval('1');
            resolve('');
          } catch (error) {
            resolve(error instanceof Error ? error.name : String(error));
          }
        }),
      );

      const marker = window as unknown as { kataInlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.kataInlineRan = true;';
      document.body.append(script);

      let fetchError = '';
      try {
        await fetch('https://example.com/');
      } catch (error) {
        fetchError = error instanceof Error ? error.name : String(error);
      }
      // Violation events are dispatched as tasks: give them a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { evalError, inlineRan: marker.kataInlineRan === true, fetchError, violations };
    });

    expect(result.evalError).toBe('EvalError');
    expect(result.inlineRan).toBe(false);
    expect(result.fetchError).toBe('TypeError');
    expect(result.violations).toEqual(expect.arrayContaining(['script-src', 'script-src-elem', 'connect-src']));
  });

  test('a changed setting survives a reload and a restart', async () => {
    const userDataDir = await makeProfileDir();
    try {
      const first = await open({ userDataDir, hash: '#/settings' });
      await first.page.getByLabel('New cards per day').fill('35');
      await first.page.getByLabel('Day starts at').selectOption('6');
      await expect.poll(() => first.page.locator('.screen-lead [role="status"]').textContent()).toBe('Saved.');

      await first.page.reload();
      await expectScreen(first.page, SCREENS[4]);
      expect(await first.page.getByLabel('New cards per day').inputValue()).toBe('35');
      expect(await first.page.getByLabel('Day starts at').inputValue()).toBe('6');
      expect(first.problems).toEqual([]);
      await first.close();
      opened.splice(opened.indexOf(first), 1);

      const second = await open({ userDataDir, hash: '#/practice' });
      expect(await second.page.locator('main').textContent()).toContain('up to 35 new cards');
    } finally {
      await Promise.all(opened.splice(0).map((app) => app.close()));
      await rm(userDataDir, { recursive: true, force: true });
    }
  });

  test('the theme follows prefers-color-scheme, and the Theme setting overrides it', async () => {
    const dark = await open({ colorScheme: 'dark' });
    expect(luminance(await bodyBackground(dark.page))).toBeLessThan(0.1);
    const light = await open({ colorScheme: 'light' });
    expect(luminance(await bodyBackground(light.page))).toBeGreaterThan(0.8);

    await dark.goto('#/settings');
    await dark.page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(async () => luminance(await bodyBackground(dark.page))).toBeGreaterThan(0.8);
    expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await dark.page.reload();
    await dark.page.locator('main h1').waitFor();
    expect(luminance(await bodyBackground(dark.page))).toBeGreaterThan(0.8);

    await dark.page.getByRole('radio', { name: 'System' }).check();
    await expect.poll(async () => luminance(await bodyBackground(dark.page))).toBeLessThan(0.1);
    expect(await dark.page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);

    await light.goto('#/settings');
    await light.page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(async () => luminance(await bodyBackground(light.page))).toBeLessThan(0.1);
  });

  test('making a backup lists it in Settings', async () => {
    const app = await open({ hash: '#/settings' });
    await app.page.getByRole('button', { name: 'Make a backup now' }).click();
    await app.page.getByRole('status').filter({ hasText: /Backup kata-manual made/ }).waitFor();
    // The one made by hand, beside the one the first start made (no backup was a day old).
    const names = app.page.locator('.data-table tbody tr td:first-child');
    await expect.poll(async () => (await names.allTextContents()).sort()).toEqual(['kata-daily', 'kata-manual']);
    expect(app.problems).toEqual([]);
  });

  test.skipIf(target === 'electron')('Import lists the chosen files with their sizes, and refuses one too large', async () => {
    // In Electron the native dialog is the main process's (tested there); here it is the file input.
    const app = await open();
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).click();
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles([
      { name: 'rollout.md', mimeType: 'text/markdown', buffer: Buffer.from('# Rollout\n\n1. Shadow traffic\n') },
      { name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') },
    ]);
    const list = page.locator('.file-list');
    await list.waitFor();
    const text = await list.textContent();
    expect(text).toContain('rollout.md');
    expect(text).toContain('29 bytes');
    expect(text).toContain('huge.csv');
    expect(text).toContain('Kata imports files up to 5 MB');
    expect(app.problems).toEqual([]);
  });
});
