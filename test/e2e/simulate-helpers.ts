/** Steps the simulation specs (and the migration fixtures' writer) share. */
import type { Page } from 'playwright-core';

/**
 * Makes every decision of the run on screen from the keyboard; returns how many were made.
 * `onScreen` runs at each decision and at each feedback, to inspect the page as it stands.
 */
export async function walkFromKeyboard(page: Page, wrongAt: number, onScreen?: () => Promise<void>): Promise<number> {
  let made = 0;
  for (;;) {
    await page.locator('.decision, .decision-feedback, .debrief').first().waitFor();
    if ((await page.locator('.debrief').count()) > 0) return made;
    await onScreen?.();
    await decideFromKeyboard(page, made === wrongAt);
    await onScreen?.();
    made += 1;
    // Enter goes on; the focused "Go on" button is the same action.
    await page.keyboard.press('Enter');
    await page.locator('.decision-feedback').waitFor({ state: 'detached' }).catch(() => undefined);
  }
}

/** Makes the decision on screen (option 1, or option 2 to make a miss; a recall typed) and waits for its feedback. */
export async function decideFromKeyboard(page: Page, miss = false): Promise<void> {
  await page.locator('.decision').waitFor();
  if ((await page.locator('.choice-list button').count()) > 0) {
    // Either option may be right: the debrief counts both.
    await page.keyboard.press(miss ? '2' : '1');
  } else {
    await page.keyboard.type(miss ? 'not sure' : 'check what changed');
    await page.keyboard.press('Enter');
    await page.locator('.confirm-recall, .decision-feedback').first().waitFor();
    if ((await page.locator('.confirm-recall').count()) > 0) await page.keyboard.press(miss ? 'n' : 'y');
  }
  await page.locator('.decision-feedback').waitFor();
}
