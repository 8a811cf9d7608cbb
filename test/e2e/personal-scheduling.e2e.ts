/**
 * Personal scheduling end to end, in real Chromium with the built app: a year of practice on
 * the samples' cards, training in its worker with fsrs-browser's WebAssembly (cross-origin
 * isolated, as the server and app:// send COOP/COEP), the comparison and the decision shown,
 * Adopt and Go back to defaults each recorded in the scheduler history, the result kept after a
 * reload, and the window responsive while it trains. Cancel ends a run without changing anything.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { seedYearOfPractice } from './personal-helpers';
import { confirmAll } from './library-helpers';

async function schedulerHistory(app: OpenedApp): Promise<{ from: number; parameters: { weights: number[] | null } }[]> {
  return app.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record = await new Promise<{ value: unknown } | undefined>((resolve, reject) => {
      const request = db.transaction('settings').objectStore('settings').get('schedulerHistory');
      request.onsuccess = () => resolve(request.result as { value: unknown } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return (record?.value ?? []) as { from: number; parameters: { weights: number[] | null } }[];
  });
}

describe('personal scheduling (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('trains on a year of practice in a worker, compares, adopts, goes back, keeps the result', { timeout: 300_000 }, async () => {
    app = await openApp({ hash: '#/library' });
    const { page } = app;
    await page.getByRole('button', { name: /^Preview all \d+ samples$/ }).click();
    await confirmAll(page);
    const written = await seedYearOfPractice(page);
    expect(written).toBeGreaterThan(1_000);
    await page.reload();
    await app.goto('#/settings');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const section = page.locator('section.personal-scheduling');
    await section.getByText(/Enough to train/).waitFor({ timeout: 60_000 });
    await section.locator('.workload-chart').waitFor({ timeout: 60_000 });

    // Cancel ends the run: nothing is written.
    await section.getByRole('button', { name: 'Train' }).click();
    await section.getByRole('button', { name: 'Cancel' }).click();
    await section.getByText('Training cancelled; nothing was changed.').waitFor();

    // The main thread's frames while training: the gaps between animation frames.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__gaps = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (now: number): void => {
        w.__gaps.push(now - last);
        last = now;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const worker = page.waitForEvent('worker');
    await section.getByRole('button', { name: 'Train' }).click();
    // Training runs off the main thread: in a worker of its own.
    expect((await worker).url()).toMatch(/personal-worker/);
    await section.locator('.personal-table').waitFor({ timeout: 240_000 });
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__stop = true;
      return w.__gaps;
    });
    // The window kept painting while it trained (how smoothly is the bench's to measure, not a test's).
    expect(gaps.length).toBeGreaterThan(10);

    const cells = await section.locator('.personal-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
    expect(cells.map((row) => row[0])).toEqual(['Log loss', 'RMSE(bins)', 'Held-out answers']);
    for (const row of cells.slice(0, 2)) for (const value of row.slice(1)) expect(value).toMatch(/^0\.\d{3}$/);
    const sentence = (await section.locator('p[role="status"]').textContent()) ?? '';
    expect(sentence).toMatch(/log loss 0\.\d{3} vs 0\.\d{3}, RMSE\(bins\) 0\.\d{3} vs 0\.\d{3}, on [\d,]+ held-out answers/);

    // This learner forgets faster than the defaults assume: the trained parameters do better.
    expect(sentence).toMatch(/^Your own parameters predicted your held-out answers better/);
    await section.getByRole('button', { name: 'Adopt your parameters' }).click();
    await section.getByRole('button', { name: 'Go back to defaults' }).waitFor();
    await section.getByText('These parameters are in force.').waitFor();
    let history = await schedulerHistory(app);
    expect(history.at(-1)?.parameters.weights).toHaveLength(21);
    await section.locator('.workload-chart').waitFor();

    await page.reload();
    await app.goto('#/settings');
    await section.locator('.personal-table').waitFor();
    await section.getByText('These parameters are in force.').waitFor();
    await section.getByRole('button', { name: 'Go back to defaults' }).click();
    await section.getByRole('button', { name: 'Adopt your parameters' }).waitFor();
    history = await schedulerHistory(app);
    expect(history.map((era) => era.parameters.weights?.length ?? null)).toEqual([null, 21, null]);
    expect(app.problems).toEqual([]);
  });
});
