/**
 * Pictures of the Library's states in both themes, to look at (screenshots/,
 * gitignored): the packs list, an import preview, a re-import diff, an error
 * preview, the paste dialog and the delete confirmation.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, openApp } from './fixture';
import { CORPUS_DIR, chooseFiles, confirmAll, reviewReady } from './library-helpers';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');
const SAMPLES_DIR = path.join(REPO_ROOT, 'resources', 'samples');

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Screenshots show the resting state, not a focus ring left by the last click. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe.each(['light', 'dark'] as const)('library screenshots, %s theme', (scheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    app = await openApp({ colorScheme: scheme, viewport: { width: 1280, height: 800 }, hash: '#/library' });
  });

  afterAll(async () => {
    await app?.close();
  });

  test('empty library and a first import preview', async () => {
    const { page } = app;
    await blur(page);
    await shoot(page, `library-empty-${scheme}`);
    await page.getByRole('button', { name: 'Preview this sample' }).click();
    await reviewReady(page);
    await blur(page);
    await shoot(page, `library-import-preview-${scheme}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the packs list, with an archived pack', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Preview all 7 samples' }).click();
    await confirmAll(page);
    await page.getByRole('button', { name: 'Archive ML model debugging checklist' }).click();
    await page.locator('details.archived-panel summary').click();
    await blur(page);
    await shoot(page, `library-packs-${scheme}`);
  });

  test('a re-import diff', async () => {
    const { page } = app;
    const original = await readFile(path.join(SAMPLES_DIR, 'inference-outage-runbook.md'), 'utf8');
    const edited = original
      .replace('Switch traffic to the fallback model', 'Switch all traffic to the fallback model')
      .replace('- [ ] Check the feature store\'s freshness and error rate\n', '')
      .replace('## Recover\n', '## Recover\n- [ ] Confirm the fallback model is healthy before returning traffic\n');
    await chooseFiles(page, [{ name: 'inference-outage-runbook.md', text: edited }]);
    await reviewReady(page);
    await blur(page);
    await shoot(page, `library-reimport-diff-${scheme}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('an error preview', async () => {
    const { page } = app;
    const broken = '# Rollout\n\n## Before\n- [ ] Freeze the schema {#freeze}\n- [ ] Tell on-call {#freeze}\n';
    const corpus = async (name: string) => ({ name, text: await readFile(path.join(CORPUS_DIR, 'mermaid', name), 'utf8') });
    await chooseFiles(page, [
      await corpus('24-broken-parens-in-square-label.mmd'),
      await corpus('25-broken-fenced-mmd-file.mmd'),
      { name: 'duplicate-ids.md', text: broken },
    ]);
    await reviewReady(page);
    await blur(page);
    await shoot(page, `library-error-preview-${scheme}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the paste dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text to import' });
    await dialog.getByLabel('Name').fill('pager-triage');
    await dialog.getByLabel('Format').selectOption('.mmd');
    await dialog.getByLabel('Text').fill('flowchart TD\n  a{Customer impact?} -->|yes| b[Page the on-call]\n  a -->|no| c[Open a ticket]\n');
    await shoot(page, `library-paste-dialog-${scheme}`, false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('the packs list and an error preview fit the narrowest supported width (800px)', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 800, height: 800 });
    const text = await readFile(path.join(CORPUS_DIR, 'mermaid', '24-broken-parens-in-square-label.mmd'), 'utf8');
    await chooseFiles(page, [{ name: '24-broken-parens-in-square-label.mmd', text }, { name: 'facts.csv', text: 'front,back\nQ,A\n' }]);
    await reviewReady(page);
    await blur(page);
    await shoot(page, `library-narrow-${scheme}-800`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the Library scrolls sideways at 800px').toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('the delete confirmation', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Delete… Inference outage runbook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Inference outage runbook”?' });
    await dialog.waitFor();
    await dialog.getByLabel('Type delete to confirm').fill('dele');
    await shoot(page, `library-delete-dialog-${scheme}`, false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.problems).toEqual([]);
  });
});
