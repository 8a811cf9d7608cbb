/**
 * The import review end to end, in Chromium: it is a modal dialog (focus moves
 * into it and back out, Escape closes it and writes nothing), and a new import
 * replaces it instead of adding to it.
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
});
