/**
 * The Library end to end, in Chromium (the file dialog of the web build is a file
 * input; Electron's native dialog is tested in the main process): samples, every
 * file of the real-world corpus, paste, drop, re-import with its diff, archive
 * and delete — each through the preview, and without a console error.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import { CORPUS_DIR, chooseFiles, confirmAll, packTitles, previewOf, reviewReady } from './library-helpers';

const ROLLOUT = `# Rollout

## Before
- [ ] Confirm offline metrics beat the current model
- [ ] Freeze the feature schema
- [ ] Tell the on-call channel

## Ship
1. Shadow traffic for ==24 hours==
2. Ramp to 5%, then 50%, then 100%
`;

const ROLLOUT_EDITED = ROLLOUT.replace('Freeze the feature schema', 'Freeze the feature schema and the label set')
  .replace('- [ ] Tell the on-call channel\n', '')
  .replace('2. Ramp', '2. Page the model owner\n3. Ramp');

function corpusFiles(): string[] {
  return ['checklists', 'mermaid'].flatMap((dir) =>
    readdirSync(path.join(CORPUS_DIR, dir))
      .filter((name) => /\.(md|mmd)$/.test(name))
      .sort()
      .map((name) => path.join(CORPUS_DIR, dir, name)),
  );
}

describe('library (chromium)', () => {
  const opened: OpenedApp[] = [];
  const open = async (): Promise<OpenedApp> => {
    const app = await openApp({ hash: '#/library' });
    opened.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  test('a sample pack: preview from the samples dialog, confirm, and it is in the list', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Try a sample pack' }).click();
    const dialog = page.getByRole('dialog', { name: 'Try a sample pack' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('An on-call runbook with memory items');
    // One radio group: arrows move through the samples.
    const first = dialog.getByRole('radio', { name: /^inference-outage-runbook\.md/ });
    expect(await first.isChecked()).toBe(true);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /^model-deployment-checklist\.md/ }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await dialog.getByRole('button', { name: 'Preview this sample' }).click();
    await dialog.waitFor({ state: 'detached' });

    const review = await reviewReady(page);
    const text = await review.textContent();
    expect(text).toContain('Inference outage runbook');
    expect(text).toContain('New pack');
    expect(text).toMatch(/Items\s*\d+ steps/);
    expect(text).toContain('memory item');
    expect(text).toContain('Immediate actions');
    // Parsed in the Web Worker, not on the page's main thread.
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/parse-worker-[\w-]+\.js$/)]);
    // Nothing is written before the confirmation.
    expect(await page.getByRole('heading', { name: 'Import a checklist or a flowchart' }).isVisible()).toBe(true);

    await confirmAll(page);
    expect(await packTitles(page)).toEqual(['Inference outage runbook']);
    expect(await page.locator('.status-line').textContent()).toBe('Imported 1 pack.');
    const row = page.locator('.pack-row').first();
    expect(await row.textContent()).toMatch(/^Inference outage runbookActiveinference-outage-runbook\.mdChecklist\d+ items\d+ cards.*Imported just now/);
    expect(await row.locator('time').getAttribute('title')).toMatch(/\d{4}/);
    expect(await row.getByRole('link', { name: 'Start practising Inference outage runbook' }).getAttribute('href')).toBe(
      '#/practice?pack=sample-inference-outage',
    );
    await row.getByRole('link', { name: 'Start practising Inference outage runbook' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Practice');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/practice?pack=sample-inference-outage');
    expect(app.problems).toEqual([]);
  });

  test('every file of the corpus: the good ones preview and import, 24 shows its error, 25 its warning', async () => {
    const app = await open();
    const { page } = app;
    const files = corpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(40);
    await chooseFiles(page, files);
    const review = await reviewReady(page);

    for (const file of files) {
      const name = path.basename(file);
      const card = previewOf(page, name);
      const status = await card.locator('.status-badge').textContent();
      if (name.startsWith('24-broken')) {
        expect(status).toBe('Has errors');
        const error = await card.locator('.issues-error .issue-line').first().textContent();
        expect(error).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}:\\d+:\\d+: `));
        expect(await card.locator('.issue-excerpt .issue-caret').first().textContent()).toMatch(/^\s*\^$/);
        expect(await card.getByRole('button').count()).toBe(0);
      } else {
        expect(status, `${name}: ${await card.locator('.issues').allTextContents()}`).toBe('Ready to import');
        expect(await card.locator('.issues-error').count(), name).toBe(0);
      }
      if (name.startsWith('25-broken')) {
        expect(await card.locator('.issues-warning .issue-line').first().textContent()).toMatch(/:\d+:\d+: warning: /);
      }
    }

    const good = files.length - 1;
    expect(await review.getByRole('button', { name: `Import ${good} packs` }).isEnabled()).toBe(true);
    await confirmAll(page);
    expect(await page.locator('.status-line').textContent()).toBe(`Imported ${good} packs. 1 file not imported.`);
    expect(await page.locator('.pack-panel .pack-row').count()).toBe(good);
    expect(app.problems).toEqual([]);
  });

  test('a file with errors cannot be confirmed on its own', async () => {
    const app = await open();
    const { page } = app;
    await chooseFiles(page, [path.join(CORPUS_DIR, 'mermaid', '24-broken-parens-in-square-label.mmd')]);
    const review = await reviewReady(page);
    expect(await review.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    expect(await review.textContent()).toContain('A file with errors imports nothing.');
    await review.getByRole('button', { name: 'Close' }).click();
    await review.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'Import a checklist or a flowchart' }).isVisible()).toBe(true);
    expect(app.problems).toEqual([]);
  });

  test('pasted text previews and imports', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text to import' });
    await dialog.waitFor();
    // Focus starts in the text box, and an empty text is refused with a reason.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Paste or type the text to import first.');

    await dialog.getByLabel('Name').fill('triage');
    await dialog.getByLabel('Format').selectOption('.mmd');
    await dialog.getByLabel('Text').fill('flowchart TD\n  %% title: Pager triage\n  a{Customer impact?} -->|yes| b[Page the on-call]\n  a -->|no| c[Open a ticket]\n');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = previewOf(page, 'triage.mmd');
    expect(await card.locator('h3').textContent()).toBe('Pager triage');
    expect(await card.textContent()).toContain('Decision tree');
    await confirmAll(page);
    expect(await packTitles(page)).toEqual(['Pager triage']);
    expect(app.problems).toEqual([]);
  });

  test('the paste dialog closes with Escape and gives focus back', async () => {
    const app = await open();
    const { page } = app;
    const opener = page.getByRole('button', { name: 'Paste text…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Paste text to import' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Paste text…');
  });

  test('files dropped on the window show the overlay, then preview', async () => {
    const app = await open();
    const { page } = app;
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      return transfer;
    }, ROLLOUT);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    const overlay = page.locator('.drop-overlay');
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('Drop files to import them');
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await overlay.waitFor({ state: 'detached' });
    await reviewReady(page);
    expect(await previewOf(page, 'dropped.md').locator('h3').textContent()).toBe('Rollout');
    expect(app.problems).toEqual([]);
  });

  test('files dropped on another screen open the Library with their preview', async () => {
    const app = await open();
    const { page } = app;
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      return transfer;
    }, ROLLOUT);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.locator('.drop-overlay').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await reviewReady(page);
    expect(await previewOf(page, 'dropped.md').locator('h3').textContent()).toBe('Rollout');
    expect(app.problems).toEqual([]);
  });

  test('re-import shows added, changed and retired items, and applies them only on confirmation', async () => {
    const app = await open();
    const { page } = app;
    await chooseFiles(page, [{ name: 'rollout.md', text: ROLLOUT }]);
    await confirmAll(page);
    const row = page.locator('.pack-row', { hasText: 'Rollout' });
    expect(await row.textContent()).toContain('5 items');

    await chooseFiles(page, [{ name: 'rollout-v2.md', text: ROLLOUT_EDITED }], row.getByRole('button', { name: 'Re-import… Rollout' }));
    const review = await reviewReady(page);
    const diff = review.getByRole('region', { name: 'Changes since the last import' });
    expect(await diff.locator('.diff-summary').textContent()).toBe('1 added1 changed1 retired3 unchanged');
    expect(await diff.locator('.diff-item-added').textContent()).toContain('Page the model owner');
    expect(await diff.locator('.diff-item-changed').textContent()).toMatch(
      /Before: Freeze the feature schema.*After: Freeze the feature schema and the label set/,
    );
    expect(await diff.locator('.diff-item-retired').textContent()).toContain('Tell the on-call channel');
    expect(await diff.textContent()).toContain('Your practice history is kept');
    expect(await review.textContent()).toContain('Re-import of “Rollout”');
    expect(await row.textContent()).toContain('5 items');

    await confirmAll(page);
    expect(await packTitles(page)).toEqual(['Rollout']);
    expect(await row.textContent()).toContain('5 items');
    expect(await row.textContent()).toContain('rollout-v2.md');
    expect(app.problems).toEqual([]);
  });

  test('archive, unarchive and delete (with its confirmation)', async () => {
    const app = await open();
    const { page } = app;
    await chooseFiles(page, [{ name: 'rollout.md', text: ROLLOUT }, { name: 'facts.csv', text: 'front,back\nWhat is PSI?,Population stability index\n' }]);
    await confirmAll(page);
    expect(await packTitles(page)).toEqual(['Facts', 'Rollout']);

    await page.getByRole('button', { name: 'Archive Rollout' }).click();
    await expect.poll(() => packTitles(page)).toEqual(['Facts']);
    expect(await page.locator('.status-line').textContent()).toBe('Archived Rollout. Its history is kept.');
    const archived = page.locator('details.archived-panel');
    expect(await archived.getAttribute('open')).toBeNull();
    await archived.locator('summary').click();
    expect(await archived.locator('.pack-title').allTextContents()).toEqual(['Rollout']);
    await archived.getByRole('button', { name: 'Unarchive Rollout' }).click();
    await expect.poll(() => packTitles(page)).toEqual(['Facts', 'Rollout']);

    await page.getByRole('button', { name: 'Delete… Rollout' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Rollout”?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/its practice history.*cannot be undone/);
    const confirm = dialog.getByRole('button', { name: 'Delete pack and history' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type delete to confirm').fill('delete');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => packTitles(page)).toEqual(['Facts']);
    expect(await page.locator('.status-line').textContent()).toBe('Deleted Rollout and its practice history.');

    await page.getByRole('button', { name: 'Delete… Facts' }).click();
    await page.getByLabel('Type delete to confirm').fill('delete');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import a checklist or a flowchart' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
