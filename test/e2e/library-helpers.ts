/** Steps the Library specs share: choosing files, waiting for the preview, confirming it. */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './fixture';

/** The real-world corpus beside the repository (../shared/corpus), as in CI. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export interface MemoryFile {
  name: string;
  text: string;
}

/** Picks files through the browser adapter's file input, as a person would in the file dialog. */
export async function chooseFiles(page: Page, files: string[] | MemoryFile[], button = page.getByRole('button', { name: 'Import files…' })): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  const fileChooser = await chooser;
  if (files.length > 0 && typeof files[0] === 'string') {
    await fileChooser.setFiles(files as string[]);
  } else {
    await fileChooser.setFiles(
      (files as MemoryFile[]).map((file) => ({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) })),
    );
  }
}

/** The import preview, once every file of it is read, parsed and planned. */
export async function reviewReady(page: Page): Promise<Locator> {
  const review = page.locator('.import-review[aria-busy="false"]');
  await review.waitFor();
  return review;
}

/** One file's preview card, by its file name. */
export function previewOf(page: Page, fileName: string): Locator {
  return page.locator('article.import-file', { has: page.locator('.import-file-meta .mono', { hasText: new RegExp(`^${escape(fileName)}$`) }) });
}

/** Confirms every ready file of the preview and waits until the preview has closed. */
export async function confirmAll(page: Page): Promise<void> {
  const review = await reviewReady(page);
  await review.getByRole('button', { name: /^Import( \d+ packs)?$/ }).click();
  await page.locator('.import-review').waitFor({ state: 'detached' });
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The titles in the active packs list, in order. */
export async function packTitles(page: Page): Promise<string[]> {
  return page.locator('.pack-panel .pack-title').allTextContents();
}
