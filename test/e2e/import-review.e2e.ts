/**
 * The import review end to end, in Chromium: it is a modal dialog (focus moves
 * into it and back out, Escape closes it and writes nothing), a new import
 * replaces it instead of adding to it, and what it shows for many files at once
 * and for broken ones.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { CORPUS_DIR, chooseFiles, confirmAll, packTitles, previewOf, reviewReady } from './library-helpers';
import { readKataDb } from './practice-helpers';

const ROLLOUT = '# Rollout\n\n## Before\n- [ ] Confirm offline metrics beat the current model\n- [ ] Freeze the feature schema\n';
const DUPLICATE_IDS = '# Rollout\n\n## Before\n- [ ] Freeze the schema {#freeze}\n- [ ] Tell on-call {#freeze}\n';

async function corpusFile(name: string): Promise<{ name: string; text: string }> {
  return { name, text: await readFile(path.join(CORPUS_DIR, 'mermaid', name), 'utf8') };
}

/** Drops one file on the window, as a person dragging it from their file manager would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, fileText]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([fileText!], fileName!, { type: 'text/markdown' }));
      return transfer;
    },
    [name, text],
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

const focusedText = (page: Page): Promise<string | undefined> => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('import review (chromium)', () => {
  const opened: OpenedApp[] = [];
  const open = async (): Promise<OpenedApp> => {
    const app = await openApp({ hash: '#/library' });
    opened.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  test('keyboard: the review opens as a dialog with focus inside, Escape closes it, nothing is imported, focus goes back', async () => {
    const app = await open();
    const { page } = app;
    const opener = page.getByRole('button', { name: 'Preview this sample' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const review = page.getByRole('dialog', { name: 'Review the import' });
    await reviewReady(page);
    // Its description is the summary line, read out when the dialog opens.
    const describedBy = await review.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('1 file ready to import. Nothing is saved until you confirm.');
    // Focus starts on the title, then Tab goes through the dialog's own controls.
    expect(await page.evaluate(() => document.activeElement?.matches('dialog.import-review h2'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Import');
    // The page behind is inert while the review is open: it cannot even take focus.
    const focusBehind = await page.evaluate(() => {
      document.querySelector<HTMLElement>('.empty-state button')?.focus();
      return document.activeElement?.closest('dialog') === null;
    });
    expect(focusBehind).toBe(false);
    // Nor do the screen shortcuts change the screen behind it.
    await page.keyboard.press('Control+2');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/library');
    expect(await review.isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await review.waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('Preview this sample');
    expect(await page.getByRole('heading', { name: 'Import a checklist or a flowchart' }).isVisible()).toBe(true);
    expect(await page.locator('.status-line').textContent()).toBe('');
    expect((await readKataDb(page)).cards).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  test('two imports in a row: the second review shows only the second import’s files', async () => {
    const app = await open();
    const { page } = app;
    await chooseFiles(page, [await corpusFile('24-broken-parens-in-square-label.mmd'), { name: 'facts.csv', text: 'front,back\nQ,A\n' }]);
    const first = await reviewReady(page);
    expect(await first.getByRole('heading', { level: 2 }).textContent()).toBe('Review the import of 2 files');
    expect(await previewOf(page, '24-broken-parens-in-square-label.mmd').locator('.status-badge').textContent()).toBe('Has errors');

    // Files dropped while the review is open start a new review in its place.
    await dropFile(page, 'rollout.md', ROLLOUT);
    await previewOf(page, 'rollout.md').waitFor();
    const second = await reviewReady(page);
    expect(await page.locator('dialog.import-review').count()).toBe(1);
    expect(await second.getByRole('heading', { level: 2 }).textContent()).toBe('Review the import');
    expect(await second.locator('article.import-file h3').allTextContents()).toEqual(['Rollout']);
    expect(await second.textContent()).not.toContain('24-broken');
    expect(await page.evaluate(() => document.activeElement?.matches('dialog.import-review h2'))).toBe(true);

    await confirmAll(page);
    expect(await packTitles(page)).toEqual(['Rollout']);
    expect(await page.locator('.status-line').textContent()).toBe('Imported 1 pack.');
    expect(app.problems).toEqual([]);
  });

  test('every sample at once: one review of seven files, seven packs, and an archived one in its own list', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Preview all 7 samples' }).click();
    const review = await reviewReady(page);
    expect(await review.getByRole('heading', { level: 2 }).textContent()).toBe('Review the import of 7 files');
    expect(await review.locator('.import-review-summary').textContent()).toBe('7 files ready to import. Nothing is saved until you confirm.');
    const files = review.getByRole('list', { name: 'Files in this import' }).getByRole('listitem');
    expect(await files.count()).toBe(7);
    expect(await review.locator('.file-list .status-badge').allTextContents()).toEqual(Array(7).fill('Ready to import'));
    expect(await review.locator('article.import-file .import-file-target').allTextContents()).toEqual(Array(7).fill('New pack'));

    await review.getByRole('button', { name: 'Import 7 packs' }).click();
    await page.locator('.import-review').waitFor({ state: 'detached' });
    // The button that opened the review went with the empty library: focus continues at the list.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('packs-heading');
    expect(await page.locator('.status-line').textContent()).toBe('Imported 7 packs.');
    const titles = [
      'Data quality checklist',
      'Feature drift alert',
      'Inference outage runbook',
      'Ml metrics',
      'ML model debugging checklist',
      'Model deployment checklist',
      'Overfitting diagnosis',
    ];
    expect(await packTitles(page)).toEqual(titles);
    expect(await page.locator('.pack-panel .pack-row').getByRole('link', { name: /^Start practising / }).count()).toBe(7);

    await page.getByRole('button', { name: 'Archive ML model debugging checklist' }).click();
    await expect.poll(() => packTitles(page)).toEqual(titles.filter((title) => title !== 'ML model debugging checklist'));
    expect(await page.locator('.pack-panel h2 .heading-count').textContent()).toBe('6');
    const archived = page.locator('details.archived-panel');
    expect(await archived.locator('summary .heading-count').textContent()).toBe('1');
    await archived.locator('summary').click();
    const row = archived.locator('.pack-row');
    expect(await row.locator('.pack-title').allTextContents()).toEqual(['ML model debugging checklist']);
    expect(await row.locator('.status-badge').textContent()).toBe('Archived');
    // Archived packs are not practised: no Start link, and Unarchive instead of Archive.
    expect(await row.getByRole('link').count()).toBe(0);
    expect(await row.getByRole('button').allTextContents()).toEqual([
      'Re-import… ML model debugging checklist',
      'Unarchive ML model debugging checklist',
      'Delete… ML model debugging checklist',
    ]);
    expect(app.problems).toEqual([]);
  });

  test('broken files say what is wrong and where; the good files beside them still import', async () => {
    const app = await open();
    const { page } = app;
    await chooseFiles(page, [
      await corpusFile('24-broken-parens-in-square-label.mmd'),
      await corpusFile('25-broken-fenced-mmd-file.mmd'),
      { name: 'duplicate-ids.md', text: DUPLICATE_IDS },
      { name: 'facts.csv', text: 'front,back\nWhat is PSI?,Population stability index\n' },
    ]);
    const review = await reviewReady(page);
    expect(await review.locator('.import-review-summary').textContent()).toBe(
      '2 files ready to import. 2 files cannot be imported as it is. Nothing is saved until you confirm.',
    );
    expect(await review.locator('.file-list .status-badge').allTextContents()).toEqual(['Has errors', 'Ready to import', 'Has errors', 'Ready to import']);

    const duplicate = previewOf(page, 'duplicate-ids.md');
    expect(await duplicate.locator('.issues-error .issue-line').allTextContents()).toEqual([
      expect.stringMatching(/^duplicate-ids\.md:5:\d+: duplicate id "freeze" \(first used at line 4\)$/),
    ]);
    const excerpt = duplicate.getByRole('group', { name: 'Line 5 of the file' });
    expect(await excerpt.textContent()).toContain('5 | - [ ] Tell on-call {#freeze}');
    expect(await excerpt.locator('.issue-caret').textContent()).toBe('^');
    for (const broken of [duplicate, previewOf(page, '24-broken-parens-in-square-label.mmd')]) {
      expect(await broken.textContent()).toContain('A file with errors imports nothing. Fix it, then import it again.');
      expect(await broken.getByRole('button').count()).toBe(0);
    }
    expect(await previewOf(page, '25-broken-fenced-mmd-file.mmd').locator('.issues-warning .issue-line').first().textContent()).toMatch(
      /^25-broken-fenced-mmd-file\.mmd:\d+:\d+: warning: /,
    );

    await review.getByRole('button', { name: 'Import 2 packs' }).click();
    await page.locator('.import-review').waitFor({ state: 'detached' });
    expect(await page.locator('.status-line').textContent()).toBe('Imported 2 packs. 2 files not imported.');
    expect(await page.locator('.pack-panel .pack-source').allTextContents()).toEqual(expect.arrayContaining(['facts.csv', '25-broken-fenced-mmd-file.mmd']));
    expect(await page.locator('.pack-panel .pack-row').count()).toBe(2);
    expect(app.problems).toEqual([]);
  });
});
