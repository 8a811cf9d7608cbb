/**
 * A practice session from the keyboard only, in Chromium: samples imported through
 * the Library make every card kind; the daily session is practised to its end,
 * with an undo on the way, then one pack now until every kind has been answered.
 * Focus lands on each new card's main control, answers are stored one event per
 * card, and the console stays clean. And the one drill with a mouse gesture: the
 * order drill's steps are dragged into place.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { OpenedApp } from './fixture';
import { openApp } from './fixture';
import type { CardOnScreen } from './practice-helpers';
import {
  ALL_KINDS,
  PRACTICE_SAMPLES,
  focused,
  gradeAndContinue,
  importSamples,
  readKataDb,
  respond,
  tabTo,
  waitForNext,
} from './practice-helpers';

/** The control each drill puts focus on when its card appears. */
function expectFocusFor(card: CardOnScreen, focus: Awaited<ReturnType<typeof focused>>): void {
  expect(focus.inCard, `${card.kind}: focus is inside the card`).toBe(true);
  if (card.drill === 'reveal') expect(focus.text).toMatch(/^Show answer/);
  if (card.drill === 'choice') expect(focus.text).toMatch(/^1/);
  if (card.drill === 'cloze' || card.drill === 'memory') expect(focus.tag).toBe('INPUT');
  if (card.drill === 'sequence') expect(focus.role).toBe('listbox');
}

/** Drags the first step of the order drill below the third with the mouse. */
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

describe('practice (chromium)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  test('every card kind answered, an undo, a finished session, and no console error', async () => {
    app = await openApp({ hash: '#/library' });
    const { page } = app;
    await importSamples(page, PRACTICE_SAMPLES);

    // From here on: the keyboard only.
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    const startPanel = await page.locator('.start-panel').textContent();
    expect(startPanel).toMatch(/New\s*20/);
    expect(startPanel).toMatch(/Estimated time\s*\d+ min/);
    for (const title of ['Model deployment checklist', 'Inference outage runbook', 'Overfitting diagnosis', 'Ml metrics']) {
      expect(startPanel).toContain(title);
    }
    await page.keyboard.press('Enter');

    const answered = new Set<string>();
    let stored = 0;
    // Undo from the keyboard at these points, with `u` and with Ctrl+Z.
    const undoAt = new Map([
      [3, 'u'],
      [6, 'Control+z'],
    ]);
    let card = await waitForNext(page, -1);
    for (let guard = 0; card && guard < 80; guard += 1) {
      expectFocusFor(card, await focused(page));
      await respond(page, card);
      const next = await gradeAndContinue(page, card, guard % 5 === 4 ? '1' : '3');
      answered.add(card.kind);
      stored += 1;
      const undoKey = undoAt.get(stored);
      if (undoKey) {
        undoAt.delete(stored);
        // The card comes back as a question, and its event is gone.
        expect((await readKataDb(page)).events).toHaveLength(stored);
        // In an answer field the keys type (Ctrl+Z undoes typing there): Tab leaves it first.
        if ((await focused(page)).tag === 'INPUT') await page.keyboard.press('Tab');
        await page.keyboard.press(undoKey);
        const back = await waitForNext(page, next?.turn ?? card.turn);
        expect(back?.prompt).toBe(card.prompt);
        expect(back?.phase).toBe('question');
        stored -= 1;
        expect((await readKataDb(page)).events).toHaveLength(stored);
        card = back;
        continue;
      }
      card = next;
    }
    expect(undoAt.size, 'both undos happened').toBe(0);

    // The daily session ran to its end: the summary, with focus on its heading.
    await page.getByRole('heading', { name: 'Session complete' }).waitFor();
    const summary = await page.locator('.session-summary').textContent();
    expect(summary).toMatch(new RegExp(`Cards\\s*${stored}`));
    expect(summary).toMatch(/Streak\s*1 day/);
    expect(summary).toMatch(/Accuracy\s*\d+%/);
    expect((await focused(page)).text).toBe('Session complete');
    expect((await readKataDb(page)).events).toHaveLength(stored);

    // Back to the start (Enter), then "Practise now" on the deployment checklist for the kinds the plan holds back.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await tabTo(page, /^Practise now: Model deployment checklist \(\d+ cards\)$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'This pack now: Model deployment checklist' }).waitFor();
    await tabTo(page, /^Start: \d+ cards/);
    await page.keyboard.press('Enter');

    card = await waitForNext(page, -1);
    let sourceShown = false;
    for (let guard = 0; card && guard < 40 && !ALL_KINDS.every((kind) => answered.has(kind)); guard += 1) {
      expectFocusFor(card, await focused(page));
      if (card.kind === 'why' && !sourceShown) {
        // Show source (S): file and line. It stays shown for the next cards until S again.
        sourceShown = true;
        await page.keyboard.press('s');
        expect(await page.locator('.drill-source').textContent()).toMatch(/^model-deployment-checklist\.md, line \d+/);
      }
      await respond(page, card, '0.005');
      answered.add(card.kind);
      card = await gradeAndContinue(page, card);
      stored += 1;
    }
    expect([...ALL_KINDS].filter((kind) => !answered.has(kind))).toEqual([]);

    // Esc ends the session: every answer is already stored.
    await page.keyboard.press('Escape');
    await page.locator('.session-summary').waitFor();
    expect((await readKataDb(page)).events).toHaveLength(stored);
    expect(app.problems).toEqual([]);
  });

  test('the order drill: a step dragged with the mouse moves to where it is dropped', async () => {
    app = await openApp({ hash: '#/library' });
    const { page } = app;
    await importSamples(page, ['model-deployment-checklist.md']);
    await app.goto('#/practice?pack=sample-model-deployment');
    await page.locator('.start-button').click();
    let card = await waitForNext(page, -1);
    for (let guard = 0; card && card.drill !== 'sequence' && guard < 40; guard += 1) {
      await respond(page, card, '0.005');
      card = await gradeAndContinue(page, card);
    }
    expect(card?.drill, 'the pack has an order drill').toBe('sequence');

    const texts = page.locator('.sequence-list[role="listbox"] .sequence-text');
    const before = await texts.allTextContents();
    expect(before.length).toBeGreaterThanOrEqual(3);
    await dragFirstStepDown(page);
    const after = await texts.allTextContents();
    expect(after).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
    expect(app.problems).toEqual([]);
  });
});
