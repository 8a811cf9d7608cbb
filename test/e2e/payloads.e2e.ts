/**
 * Imported text is never run and never rendered as HTML (SECURITY.md). Files full of payloads
 * (test/fixtures/payloads: script tags, event-handler attributes, `javascript:` links, raw HTML
 * blocks, SVG with a script, entities that decode to markup, Mermaid `click` callbacks and
 * `href`s, HTML in labels) are imported into the real app in Chromium and walked in the import
 * preview, the library, practice and simulation. At every screen:
 *
 * - nothing ran: `window.__pwned` is never set, no dialog opens, and no CSP violation is
 *   reported (an injected handler or script would raise one even though the CSP blocks it);
 * - no element came from the payload: no inline script, no `on…` attribute anywhere, no
 *   `javascript:` URL, no iframe, object, embed or `img src=x`;
 * - and the text that reads like markup shows as text.
 */
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, openApp } from './fixture';
import { chooseFiles, confirmAll, reviewReady } from './library-helpers';
import { cardOnScreen, gradeAndContinue, respond, waitForNext } from './practice-helpers';
import type { CardOnScreen } from './practice-helpers';
import { walkFromKeyboard } from './simulate-helpers';

const PAYLOADS = path.join(REPO_ROOT, 'test', 'fixtures', 'payloads');
const FILES = ['checklist-payloads.md', 'tree-payloads.mmd', 'cards-payloads.csv'].map((name) => path.join(PAYLOADS, name));

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

/** Installed before the app loads: records CSP violations, which any injected script or handler raises. */
function watchViolations(): void {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
}

/** What on the page came from a payload, or ran: empty when the page is clean. */
async function payloadTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const traces: string[] = [];
    if (window.__pwned !== undefined) traces.push(`window.__pwned = ${String(window.__pwned)}`);
    for (const violation of window.__cspViolations ?? []) traces.push(`CSP violation: ${violation}`);
    for (const script of Array.from(document.querySelectorAll('script'))) {
      // The app's own module scripts have a src at its origin; anything else was injected.
      if (!script.src || new URL(script.src).origin !== location.origin) traces.push(`script: ${script.outerHTML.slice(0, 120)}`);
    }
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();
        if (name.startsWith('on')) traces.push(`<${element.localName} ${name}>`);
        if (/^(javascript|vbscript):/.test(value)) traces.push(`<${element.localName} ${name}="${value.slice(0, 60)}">`);
        if (name === 'srcdoc') traces.push(`<${element.localName} srcdoc>`);
      }
    }
    for (const selector of ['iframe', 'object', 'embed', 'img[src="x"]', 'svg script', 'foreignObject']) {
      for (const element of Array.from(document.querySelectorAll(selector))) traces.push(`${selector}: ${element.outerHTML.slice(0, 120)}`);
    }
    return traces;
  });
}

/** The page's visible text, whitespace folded. */
async function pageText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ');
}

describe('payloads (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('files full of payloads import, preview, practise and simulate with nothing run and nothing rendered as markup', async () => {
    const dialogs: string[] = [];
    app = await openApp({
      hash: '#/library',
      beforeLoad: async (context) => {
        await context.addInitScript(watchViolations);
        context.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
      },
    });
    const { page } = app;
    const screensChecked: string[] = [];
    /** Every screen's text, to find the payloads shown as text. */
    const seenText: string[] = [];
    const check = async (where: string) => {
      expect(await payloadTraces(page), where).toEqual([]);
      expect(dialogs, where).toEqual([]);
      screensChecked.push(where);
      seenText.push(await pageText(page));
    };
    await check('empty library');

    // The import preview: every file read, parsed and planned, its items and issues on screen.
    await chooseFiles(page, FILES);
    const review = await reviewReady(page);
    await check('import preview');
    const previewText = (await review.innerText()).replace(/\s+/g, ' ');
    // Titles that read like markup show as text.
    expect(previewText).toContain(`Payload checklist <img src=x onerror="window.__pwned='title';alert('title')">`);
    expect(previewText).toContain(`Payload tree <script>window.__pwned='mermaid-title'</script>`);
    await confirmAll(page);

    // The library lists the packs by those same titles, as text.
    await page.locator('.pack-panel .pack-title').first().waitFor();
    const titles = await page.locator('.pack-panel .pack-title').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        `Payload checklist <img src=x onerror="window.__pwned='title';alert('title')">`,
        `Payload tree <script>window.__pwned='mermaid-title'</script>`,
      ]),
    );
    await check('library');

    // Practice: every card of today's session, asked and answered.
    await app.goto('#/practice');
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await check('practice start');
    await page.keyboard.press('Enter');
    let card: CardOnScreen | null = await waitForNext(page, -1);
    let answered = 0;
    for (; card && answered < 60; answered += 1) {
      await check(`practice card ${card.kind} (asked)`);
      await respond(page, card);
      await check(`practice card ${card.kind} (answered)`);
      card = await gradeAndContinue(page, card);
    }
    expect(answered).toBeGreaterThanOrEqual(10);
    expect(await cardOnScreen(page)).toBeNull();
    await check('practice summary');

    // Simulation: the tree (Mermaid labels, click lines) and the checklist, each to its debrief.
    for (const [title, wrongAt] of [
      ['Payload tree', 0],
      ['Payload checklist', 1],
    ] as const) {
      await app.goto('#/simulate');
      await page.locator('.scenario-list').waitFor();
      await check(`scenario list (${title})`);
      await page.getByRole('button', { name: new RegExp(`^Walk ${title}`) }).first().click();
      await page.locator('.briefing').waitFor();
      await check(`briefing (${title})`);
      await page.getByRole('button', { name: 'Start scenario' }).click();
      await page.locator('.run').waitFor();
      const decisions = await walkFromKeyboard(page, wrongAt, () => check(`simulation step (${title})`));
      expect(decisions).toBeGreaterThanOrEqual(1);
      await page.getByLabel(/how did that go/).fill(`<img src=x onerror="window.__pwned='reaction'">`);
      await page.keyboard.press('Enter');
      await page.locator('.decision-table').waitFor();
      await check(`debrief (${title})`);
      if (title === 'Payload tree') {
        // The chart of the tree, drawn from the Mermaid labels, with the path walked.
        await page.locator('.debrief .react-flow__node').first().waitFor();
        await check('debrief chart (Payload tree)');
        expect(await page.locator('.debrief').innerText()).toContain('Payload tree <script>');
      }
      // The reaction typed into the debrief is kept and shown as text too.
      expect(await page.locator('.debrief-reaction').textContent()).toContain(`<img src=x onerror="window.__pwned='reaction'">`);
      await page.getByRole('button', { name: 'Back to the list' }).first().click();
    }

    // A reload draws every screen again from what was stored.
    await page.reload();
    await page.locator('main h1').first().waitFor();
    await check('after reload');
    for (const hash of ['#/library', '#/practice', '#/progress', '#/settings']) {
      await app.goto(hash);
      await check(hash);
    }

    expect(screensChecked.length).toBeGreaterThan(30);
    // Entities and markup that decode to tags are shown as the characters they stand for.
    const everything = seenText.join(' ');
    for (const shown of [
      "<script>alert('entity')</script>",
      "Paste <img src=x onerror=window.__pwned='entity-img'> into the form",
      "Confirm <script>window.__pwned='numeric-entity'</script> is inert",
      'Follow <script>alert(1)</script> steps',
      '<b>nowhere</b>',
    ]) {
      expect(everything, shown).toContain(shown);
    }
    expect(app.problems).toEqual([]);
  });
});
