/**
 * The Settings screen's Storage section in real Chromium: whether the browser granted
 * persistent storage (asked for at start-up) as the browser itself reports it, and how much
 * the collection uses and has free, from navigator.storage.estimate.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { importSamples } from './practice-helpers';

describe('storage (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('Settings shows persistence as the browser reports it, and the bytes used and free', async () => {
    app = await openApp({ hash: '#/library' });
    const { page } = app;
    await importSamples(page, ['model-deployment-checklist.md']);
    await app.goto('#/settings');
    const section = page.getByRole('region', { name: 'Storage' });
    await section.getByTestId('storage-used').waitFor();

    const browser = await page.evaluate(async () => ({ persisted: await navigator.storage.persisted(), ...(await navigator.storage.estimate()) }));
    const persisted = (await section.getByTestId('storage-persisted').textContent()) ?? '';
    expect(persisted).toMatch(browser.persisted ? /^Yes: the browser will not delete/ : /^No: when the disk runs low/);
    expect(await section.getByRole('button', { name: 'Ask for persistent storage' }).count()).toBe(browser.persisted ? 0 : 1);
    expect(await section.getByTestId('storage-used').textContent()).toMatch(/^\d+(\.\d)? (bytes?|KB|MB|GB)$/);
    expect(await section.getByTestId('storage-free').textContent()).toMatch(/^\d+(\.\d)? (bytes?|KB|MB|GB)$/);
    // The collection is in IndexedDB: something is used.
    expect(browser.usage).toBeGreaterThan(0);
    expect(app.problems).toEqual([]);
  });
});
