/**
 * A crash in the middle of practice loses nothing that was answered: Chromium is
 * started by hand on a persistent profile (so the test has its PID), N cards are
 * answered, the whole browser is killed with SIGKILL — no shutdown, no flush —
 * and started again on the same profile. Exactly N events are there, and every
 * card's stored state is what replaying its events gives (shared/schedule/replay).
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { checkCard } from '../../shared/schedule/replay';
import { makeScheduler } from '../../shared/schedule/scheduler-settings';
import type { OpenedApp } from './fixture';
import { makeProfileDir, openApp, waitForApp, webOrigin } from './fixture';
import type { Launched } from './chromium-process';
import { killHard, launchChromium } from './chromium-process';
import { cardOnScreen, gradeAndContinue, importSamples, readKataDb, respond, waitForNext } from './practice-helpers';

const ANSWERS = 7;

describe('crash (chromium)', () => {
  let launched: Launched | undefined;
  let reopened: OpenedApp | undefined;
  let profile: string | undefined;

  afterEach(async () => {
    if (launched && launched.process.exitCode === null && launched.process.signalCode === null) await killHard(launched);
    await reopened?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    launched = reopened = profile = undefined;
  });

  test(`${ANSWERS} answers survive SIGKILL of the browser, each card consistent with its events`, async () => {
    profile = await makeProfileDir();
    launched = await launchChromium(profile);
    const context = launched.browser.contexts()[0] ?? (await launched.browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${await webOrigin()}/index.html#/library`);
    await waitForApp(page);
    await importSamples(page, ['model-deployment-checklist.md', 'ml-metrics.csv']);

    await page.evaluate(() => (window.location.hash = '#/practice'));
    await page.getByRole('heading', { name: "Today's practice" }).waitFor();
    await page.keyboard.press('Enter');
    let card = await waitForNext(page, -1);
    for (let n = 0; n < ANSWERS; n += 1) {
      if (!card) throw new Error(`the session ended after ${n} answers`);
      await respond(page, card);
      // The next card on screen means the answer was committed (the store moves on only after the write).
      card = await gradeAndContinue(page, card, n % 3 === 0 ? '1' : '3');
    }
    // One more card answered on screen but not graded: it is the one a crash may lose.
    const onScreen = await cardOnScreen(page);
    if (onScreen) await respond(page, onScreen);
    expect(problems).toEqual([]);

    await killHard(launched);
    launched = undefined;

    reopened = await openApp({ userDataDir: profile, hash: '#/practice' });
    const { events, cards } = await readKataDb(reopened.page);
    expect(events).toHaveLength(ANSWERS);
    expect(new Set(events.map((event) => event.id)).size).toBe(ANSWERS);
    const scheduler = makeScheduler();
    const drift = cards
      .map((stored) => ({ id: stored.id, check: checkCard(scheduler, stored, events) }))
      .filter(({ check }) => !check.ok);
    expect(drift).toEqual([]);
    // Answered cards carry their answers; the rest are untouched.
    const answeredIds = new Set(events.map((event) => event.cardId));
    for (const stored of cards) {
      expect(stored.reps, stored.id).toBe(events.filter((event) => event.cardId === stored.id).length);
      if (!answeredIds.has(stored.id)) expect(stored.state).toBe(0);
    }
    // The app starts normally on the crashed profile and shows the practice screen.
    await reopened.page.getByRole('heading', { name: "Today's practice" }).waitFor();
    expect(reopened.problems).toEqual([]);
  });
});
