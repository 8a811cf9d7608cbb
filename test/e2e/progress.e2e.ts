/**
 * The Progress screen in real Chromium over real IndexedDB: samples imported, a few drill
 * answers and a simulation walked through the UI (the level rated in the debrief), then the
 * screen shows the figures those made (counted again from the database here), a pack rated
 * from the weekly prompt, a target set with its projection, and the Markdown report exported
 * as a download that says the same.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReviewEvent, SelfAssessment } from '../../shared/model';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { gradeAndContinue, importSamples, readKataDb, respond, waitForNext } from './practice-helpers';

const DRILLED = 'sample-model-deployment';
const WALKED = 'sample-feature-drift';

async function readAssessments(page: Page): Promise<SelfAssessment[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<SelfAssessment[]>((resolve, reject) => {
        const request = db.transaction('assessments', 'readonly').objectStore('assessments').getAll();
        request.onsuccess = () => resolve(request.result as SelfAssessment[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Answers `count` cards of the pack from the keyboard, then ends the session. */
async function drill(app: OpenedApp, packId: string, count: number): Promise<void> {
  const { page } = app;
  await app.goto(`#/practice?pack=${packId}`);
  await page.locator('.start-button').click();
  let card = await waitForNext(page, -1);
  for (let i = 0; card && i < count; i += 1) {
    if (card.drill === 'sequence') await page.locator('.sequence-list[role="listbox"]').focus();
    await respond(page, card, 'not sure');
    card = await gradeAndContinue(page, card);
  }
  if (card) await page.keyboard.press('Escape');
  await page.locator('.session-summary').waitFor();
}

describe('progress (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('shows the real figures of a little practice, keeps a rating and a target, and exports the report', { timeout: 180_000 }, async () => {
    app = await openApp({ hash: '#/library' });
    const { page } = app;
    await importSamples(page, ['model-deployment-checklist.md', 'feature-drift-response.yaml']);
    await drill(app, DRILLED, 6);

    // One simulation of the tree at level 1, rated "2 Guided" in its debrief.
    await app.goto('#/simulate');
    await page.locator('.scenario-row', { hasText: 'Feature drift alert' }).getByRole('button', { name: /^Walk/ }).click();
    await page.locator('.briefing').waitFor();
    await page.getByRole('radio', { name: /^1 / }).check();
    await page.getByRole('button', { name: 'Start scenario' }).click();
    while ((await page.locator('.debrief').count()) === 0) {
      await page.locator('.choice-list button').first().waitFor();
      await page.keyboard.press('1');
      await page.locator('.decision-feedback').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.decision, .debrief').first().waitFor();
    }
    await page.getByRole('button', { name: 'Skip' }).click();
    const debriefRating = page.locator('.debrief .self-rating');
    await debriefRating.getByRole('radio', { name: '2 Guided' }).check();
    await debriefRating.getByLabel('Note (optional)').fill('needed the options');
    await debriefRating.getByRole('button', { name: 'Save my rating' }).click();
    await page.getByText('Your rating is saved: 2, Guided.').waitFor();

    // The figures on screen are the database's.
    const { events } = await readKataDb(page);
    const drills = events.filter((e: ReviewEvent) => e.source === 'drill' && e.cardId.startsWith(`${DRILLED}/`));
    const decisions = events.filter((e: ReviewEvent) => e.source === 'simulation');
    expect(drills.length).toBeGreaterThanOrEqual(6);
    expect(decisions.length).toBeGreaterThan(0);

    await app.goto('#/progress');
    await page.getByRole('heading', { name: 'Your packs' }).waitFor();
    const checklist = page.locator('article.pack-progress', { has: page.getByRole('heading', { name: 'Model deployment checklist' }) });
    const tree = page.locator('article.pack-progress', { has: page.getByRole('heading', { name: 'Feature drift alert' }) });
    expect(await tree.locator('.level-badge').textContent()).toMatch(/^Level [12] · (Observe|Guided)$/);
    expect(await tree.textContent()).toContain('1 finished');
    expect(await tree.textContent()).toMatch(/Paths walked: 1 of \d+/);
    expect(await tree.locator('.self-rating-line').textContent()).toContain('2 Guided');
    expect(await tree.locator('.self-rating-line').textContent()).toContain('needed the options');
    expect(await checklist.textContent()).toContain(`of ${drills.length} recent`);
    expect(await checklist.textContent()).toContain('Could I do this alone tonight? Not yet');
    expect(await page.locator('.progress-streak').textContent()).toMatch(/^1 day in a row · 1 day practised/);
    const heat = page.locator('svg.heatmap rect.heat');
    expect(await heat.count()).toBe(365);
    expect(await page.locator('svg.heatmap rect.heat:not(.heat-0)').count()).toBe(1);
    const dailyTable = page.locator('table', { has: page.locator('caption', { hasText: 'Answers and minutes on each of the last 30 days' }) });
    expect(await dailyTable.locator('tbody tr').last().locator('td').first().textContent()).toBe(String(drills.length + decisions.length));
    expect(await page.locator('.weakest-list li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /^Practise these \d+$/ }).getAttribute('href')).toMatch(/^#\/practice\?cards=/);

    // The weekly prompt on the checklist: rated 3 Assisted.
    await checklist.getByRole('radio', { name: '3 Assisted' }).check();
    await checklist.getByRole('button', { name: 'Save my rating' }).click();
    await checklist.locator('.self-rating-line', { hasText: '3 Assisted' }).waitFor();
    const ratings = await readAssessments(page);
    expect(ratings.map((r) => [r.packId, r.level]).sort()).toEqual([
      [WALKED, 2],
      [DRILLED, 3],
    ]);

    // A target, with the projection's honest answer.
    await checklist.getByRole('button', { name: /^Set a target/ }).click();
    await checklist.getByLabel('Level to reach').selectOption('4');
    await checklist.getByRole('button', { name: 'Save the target' }).click();
    await checklist.locator('.target', { hasText: '4 Independent by' }).waitFor();
    expect(await checklist.locator('.target').textContent()).toContain('Not enough practice yet to project.');

    // The report for a mentor, as a Markdown download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kata-progress-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Kata progress report\n/);
    expect(markdown).toContain('Practice streak: 1 day.');
    expect(markdown).toContain('### Model deployment checklist');
    expect(markdown).toContain('### Feature drift alert');
    expect(markdown).toMatch(/- Target: level 4 by \d{4}-\d{2}-\d{2}; Not enough practice yet to project\./);
    expect(markdown).toMatch(new RegExp(`Recent accuracy: drills \\d+ % of ${drills.length},`));
    expect(app.problems).toEqual([]);
  });
});
