/**
 * Settings end to end: Check collection runs in its worker from the Settings
 * screen (an empty collection, then a small one with one tampered card that
 * Repair fixes), and the scheduler settings are saved at once and survive a
 * reload. Also takes the Settings screenshots (light and dark) into screenshots/.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { OpenedApp, OpenAppOptions, TargetKind } from './fixture';
import { REPO_ROOT, makeProfileDir, openApp, targets } from './fixture';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');

/**
 * A small collection written straight into the app's database (as an import would
 * leave it: new cards, no answers) plus one card whose stored state claims two
 * reviews that no event records: the drift Check collection must find.
 */
async function seedSmallCollection(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const created = Date.UTC(2025, 4, 1);
    const tx = db.transaction(['packs', 'items', 'cards'], 'readwrite');
    tx.objectStore('packs').put({
      id: 'rollout', title: 'Release rollout', kind: 'checklist', format: 'markdown', sourceName: 'rollout.md',
      meta: { tags: [] }, sections: [], edges: [], status: 'active', createdAt: created, importedAt: created,
      itemCount: 4, cardCount: 4,
    });
    const texts = ['Freeze the feature schema', 'Shadow traffic', 'Compare error rates', 'Promote the canary'];
    texts.forEach((text, order) => {
      const id = `s${order}`;
      tx.objectStore('items').put({
        id, key: `rollout/${id}`, packId: 'rollout', kind: 'step', text, order, notes: [], keyValues: [],
        memory: false, tags: [], line: order + 1, col: 1, retired: false,
      });
      const fresh = {
        id: `rollout/${id}/next-step`, packId: 'rollout', itemKey: `rollout/${id}`, kind: 'next-step', suspended: 0,
        buriedUntil: 0, createdAt: created, due: created, stability: 0, difficulty: 0, elapsedDays: 0,
        scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0,
      };
      // The last card says it was reviewed twice, but no answer of it is stored.
      const tampered = { ...fresh, state: 2, reps: 2, stability: 5.5, difficulty: 4.2, due: created + 5 * 86_400_000, lastReview: created };
      tx.objectStore('cards').put(order === 3 ? tampered : fresh);
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

describe.each(targets)('settings: check collection and scheduling (%s)', (target: TargetKind) => {
  const opened: OpenedApp[] = [];
  const profiles: string[] = [];
  const open = async (options: OpenAppOptions = {}): Promise<OpenedApp> => {
    const app = await openApp({ target, hash: '#/settings', ...options });
    opened.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
    await Promise.all(profiles.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test('Check collection reports an empty collection, finds a tampered card, and Repair fixes it', async () => {
    const app = await open();
    const { page } = app;
    // The client says so (a warning) when it has to check on the main thread: the worker must run.
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const section = page.locator('section.check-collection');
    await expect.poll(() => section.getByRole('heading', { name: 'Check collection' }).isVisible()).toBe(true);
    expect(await section.textContent()).toContain('in force when you gave it');

    await section.getByRole('button', { name: 'Check collection' }).click();
    await section.getByText('Your collection has no cards yet').waitFor();

    await seedSmallCollection(page);
    await section.getByRole('button', { name: 'Check again' }).click();
    await section.getByText('1 card differs from its answers').waitFor();
    // One body per drifted card, one row per field that differs.
    const body = section.locator('table.drift-table tbody');
    expect(await body.count()).toBe(1);
    const first = await body.locator('tr').first().locator('td').allTextContents();
    expect(first[0]).toContain('Promote the canary');
    expect(first[1]).toBe('Release rollout');
    expect(await body.locator('td.drift-field').allTextContents()).toEqual(
      expect.arrayContaining(['Due', 'Stability', 'Reviews', 'State', 'Last review']),
    );
    const stateRow = body.locator('tr', { has: page.locator('td.drift-field', { hasText: /^State$/ }) });
    expect(await stateRow.locator('td.drift-value').allTextContents()).toEqual(['Review', 'New']);

    await section.getByRole('button', { name: 'Repair 1 card' }).click();
    await section.getByText('Repaired 1 card.').waitFor();
    await section.getByRole('button', { name: 'Check again' }).click();
    await section.getByText('All 4 cards match 0 answers.').waitFor();
    expect(await section.locator('table.drift-table').count()).toBe(0);
    expect(warnings.filter((text) => text.includes('main thread'))).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  test('scheduler settings are saved as they change and survive a reload; bad steps get an inline error', async () => {
    const profile = await makeProfileDir();
    profiles.push(profile);
    const app = await open({ userDataDir: profile });
    const { page } = app;

    await page.getByLabel('Maximum interval (days)').fill('365');
    await page.getByLabel('Spread due dates (fuzz)').uncheck();
    const learning = page.getByLabel('Learning steps', { exact: true });
    await learning.fill('2m, 15m 1h');
    await learning.blur();
    expect(await learning.inputValue()).toBe('2m 15m 1h');
    await page.getByRole('radio', { name: 'Pass / fail' }).check();

    const relearning = page.getByLabel('Relearning steps', { exact: true });
    await relearning.fill('5m 1.5h');
    await relearning.blur();
    expect(await relearning.getAttribute('aria-invalid')).toBe('true');
    const error = page.getByRole('alert').filter({ hasText: '“1.5h” is not a step' });
    await error.waitFor();
    expect(await error.textContent()).toContain('Your saved steps (10m) stay in force');
    await expect.poll(() => page.locator('.screen-header').textContent()).toContain('Saved.');

    await app.close();
    opened.splice(opened.indexOf(app), 1);
    const reopened = await open({ userDataDir: profile });
    const again = reopened.page;
    expect(await again.getByLabel('Maximum interval (days)').inputValue()).toBe('365');
    expect(await again.getByLabel('Spread due dates (fuzz)').isChecked()).toBe(false);
    expect(await again.getByLabel('Learning steps', { exact: true }).inputValue()).toBe('2m 15m 1h');
    expect(await again.getByLabel('Relearning steps', { exact: true }).inputValue()).toBe('10m');
    expect(await again.getByRole('radio', { name: 'Pass / fail' }).isChecked()).toBe(true);
    expect(reopened.problems).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('settings screenshot, %s theme', (colorScheme) => {
  test('the Settings screen with a check result', async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const app = await openApp({ colorScheme, hash: '#/settings', viewport: { width: 1280, height: 800 } });
    try {
      await seedSmallCollection(app.page);
      const section = app.page.locator('section.check-collection');
      await section.getByRole('button', { name: 'Check collection' }).click();
      await section.getByText('1 card differs from its answers').waitFor();
      await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, `settings-check-${colorScheme}.png`), fullPage: true });
      expect(app.problems).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
