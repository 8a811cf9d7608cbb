/**
 * Pictures of the practice screen in both themes, to look at (screenshots/,
 * gitignored): the start panel, every card kind as a question and answered
 * (revealed, or judged with its automatic grade), and the end summary. The
 * sequence drill is reordered by dragging with the mouse on the way.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, openApp } from './fixture';
import type { CardOnScreen } from './practice-helpers';
import { PRACTICE_SAMPLES, gradeAndContinue, importSamples, respond, waitForNext } from './practice-helpers';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots');

/** Which pack shows which kinds, and a right answer to type where one is typed. */
const PACKS: readonly { id: string; kinds: string[]; typed?: Record<string, string> }[] = [
  { id: 'sample-model-deployment', kinds: ['next-step', 'cloze', 'why', 'sequence'], typed: { cloze: '0.005' } },
  { id: 'sample-inference-outage', kinds: ['memory'], typed: { memory: 'declare the incident in the on-call channel' } },
  { id: 'overfitting-diagnosis', kinds: ['branch', 'reverse'] },
  { id: 'ml-metrics', kinds: ['qa'] },
];

async function shoot(page: Page, name: string): Promise<void> {
  // The pointer rests outside the card, so no button shows its hover state.
  await page.mouse.move(5, 5);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Drags the first step of the sequence drill below the third with the mouse. */
async function dragFirstStepDown(page: Page): Promise<void> {
  const steps = page.locator('.sequence-list[role="listbox"] > li');
  const first = await steps.nth(0).boundingBox();
  const third = await steps.nth(2).boundingBox();
  if (!first || !third) throw new Error('no steps to drag');
  await page.mouse.move(first.x + 40, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(first.x + 40, third.y + third.height * 0.8, { steps: 8 });
  await page.mouse.up();
}

describe.each(['light', 'dark'] as const)('practice screenshots, %s theme', (scheme) => {
  let app: OpenedApp;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    app = await openApp({ colorScheme: scheme, viewport: { width: 1280, height: 800 }, hash: '#/library' });
    await importSamples(app.page, PRACTICE_SAMPLES);
  });

  afterAll(async () => {
    await app?.close();
  });

  test('the start panel', async () => {
    await app.goto('#/practice');
    await app.page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await shoot(app.page, `practice-start-${scheme}`);
  });

  test('every card kind, asked and answered, then the summary', async () => {
    const { page } = app;
    const shot = new Set<string>();
    for (const pack of PACKS) {
      await app.goto(`#/practice?pack=${pack.id}`);
      await page.locator('.start-button').click();
      let card: CardOnScreen | null = await waitForNext(page, -1);
      for (let guard = 0; card && guard < 40 && !pack.kinds.every((kind) => shot.has(kind)); guard += 1) {
        const wanted = pack.kinds.includes(card.kind) && !shot.has(card.kind);
        if (wanted) {
          if (card.drill === 'sequence') {
            const texts = page.locator('.sequence-list[role="listbox"] .sequence-text');
            const before = await texts.allTextContents();
            await dragFirstStepDown(page);
            const after = await texts.allTextContents();
            expect(after, 'dragging moved the first step').not.toEqual(before);
            expect(after[2]).toBe(before[0]);
          }
          if (card.drill === 'memory') await page.waitForTimeout(1_500); // the clock has visibly run
          await shoot(page, `practice-${card.kind}-question-${scheme}`);
        }
        if (card.drill === 'sequence' && wanted) await page.locator('.sequence-list[role="listbox"]').focus();
        await respond(page, card, pack.typed?.[card.drill] ?? 'not sure');
        if (wanted) {
          await shoot(page, `practice-${card.kind}-answer-${scheme}`);
          shot.add(card.kind);
        }
        card = await gradeAndContinue(page, card);
      }
      if (card) await page.keyboard.press('Escape');
      await page.locator('.session-summary').waitFor();
    }
    await shoot(page, `practice-summary-${scheme}`);
    expect([...shot].sort()).toEqual(PACKS.flatMap((pack) => pack.kinds).sort());
    expect(app.problems).toEqual([]);
  });
});
