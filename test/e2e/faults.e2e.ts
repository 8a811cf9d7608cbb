/**
 * Faults, each a real crash: Chromium is killed with SIGKILL (its whole process group, no
 * shutdown, no flush) in the middle of something, then started again on the same profile.
 * - practice: every answer committed before the kill is there, each card consistent with its
 *   events; at most the card on screen is lost.
 * - an import of several files: each file's pack is whole or absent, and the Library says
 *   after the restart which files are in and which are not.
 * - a simulation: the decisions made are kept, the attempt is marked abandoned (not lost),
 *   and the Simulate screen says so.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import type { CardRecord, ItemRecord, PackRecord, ReviewEvent, SimulationAttempt } from '../../shared/model';
import { checkCard } from '../../shared/schedule/replay';
import { makeScheduler } from '../../shared/schedule/scheduler-settings';
import type { OpenedApp } from './fixture';
import { makeProfileDir, openApp } from './fixture';
import type { KillableApp } from './kill-browser';
import { killHard, launchKillable } from './kill-browser';
import { chooseFiles, reviewReady } from './library-helpers';
import { decideFromKeyboard } from './simulate-helpers';
import { cardOnScreen, gradeAndContinue, importSamples, readKataDb, readStore, respond, waitForNext } from './practice-helpers';

const ANSWERS = 7;
const IMPORT_FILES = 6;
/** Steps per imported file: enough that writing one pack takes a while, so the kill lands mid-import. */
const STEPS_PER_FILE = 1_500;

/** A big checklist: `STEPS_PER_FILE` steps in sections of 100, each with a value to fill in. */
function bigChecklist(index: number): { name: string; text: string } {
  const lines = ['---', `title: Fault runbook ${index}`, '---'];
  for (let step = 0; step < STEPS_PER_FILE; step += 1) {
    if (step % 100 === 0) lines.push('', `## Stage ${index}.${step / 100}`);
    lines.push(`- [ ] Check gauge ${index}-${step} reads ==${(step * 7 + index) % 997}== units`);
  }
  return { name: `fault-runbook-${index}.md`, text: `${lines.join('\n')}\n` };
}

describe('faults (chromium, SIGKILL)', () => {
  let killable: KillableApp | undefined;
  let reopened: OpenedApp | undefined;
  let profile: string | undefined;

  afterEach(async () => {
    if (killable) await killHard(killable);
    await reopened?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    killable = reopened = profile = undefined;
  });

  test(`practice: ${ANSWERS} answers survive, each card consistent with its events; at most the card on screen is lost`, async () => {
    profile = await makeProfileDir();
    killable = await launchKillable(profile);
    const { page } = killable;
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
    expect(killable.problems).toEqual([]);

    await killHard(killable);
    killable = undefined;

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

  test(`an import of ${IMPORT_FILES} files: each pack whole or absent, and the Library says which after the restart`, async () => {
    profile = await makeProfileDir();
    killable = await launchKillable(profile);
    const { page } = killable;
    const files = Array.from({ length: IMPORT_FILES }, (_, i) => bigChecklist(i + 1));
    await chooseFiles(page, files);
    const review = await reviewReady(page);
    await review.getByRole('button', { name: `Import ${IMPORT_FILES} packs` }).click();
    // Killed once the third file is being saved: the first two are committed, the rest are not yet.
    await page.locator('.import-progress-label', { hasText: `Saving file 3 of ${IMPORT_FILES}` }).waitFor();
    await killHard(killable);
    killable = undefined;

    reopened = await openApp({ userDataDir: profile, hash: '#/library' });
    const packs = await readStore<PackRecord>(reopened.page, 'packs');
    const items = await readStore<ItemRecord>(reopened.page, 'items');
    const cards = await readStore<CardRecord>(reopened.page, 'cards');
    const imported = new Set(packs.map((pack) => pack.sourceName));
    // Whole: every step of the file is an item of its pack, every card the pack counts is stored.
    for (const pack of packs) {
      expect(items.filter((item) => item.packId === pack.id).length, pack.sourceName).toBe(STEPS_PER_FILE);
      expect(pack.itemCount, pack.sourceName).toBe(STEPS_PER_FILE);
      expect(cards.filter((c) => c.packId === pack.id).length, pack.sourceName).toBe(pack.cardCount);
    }
    // Absent: nothing of the other files' packs (no item or card without its pack).
    const packIds = new Set(packs.map((pack) => pack.id));
    expect(items.filter((item) => !packIds.has(item.packId))).toEqual([]);
    expect(cards.filter((c) => !packIds.has(c.packId))).toEqual([]);
    const names = files.map((file) => file.name);
    const written = names.filter((name) => imported.has(name));
    const missing = names.filter((name) => !imported.has(name));
    expect(written.slice(0, 2)).toEqual(names.slice(0, 2));
    expect(missing.length).toBeGreaterThan(0);

    // The Library tells which files are in and which are not, as stored.
    const status = reopened.page.locator('.status-line');
    await expect.poll(() => status.textContent()).toMatch(/interrupted/);
    const notice = (await status.textContent()) ?? '';
    expect(notice).toContain(`Imported in full: ${written.join(', ')}.`);
    expect(notice).toContain(`: ${missing.join(', ')}. Import ${missing.length === 1 ? 'it' : 'them'} again.`);
    expect(await reopened.page.locator('.pack-panel .pack-title').count()).toBe(written.length);
    expect(reopened.problems).toEqual([]);

    // Told once: the next start is a normal one.
    await reopened.page.reload();
    await reopened.page.locator('.pack-panel .pack-title').first().waitFor();
    expect((await status.textContent()) ?? '').not.toMatch(/interrupted/);
    // Parsing and planning six big files takes a while on a loaded machine.
  }, 240_000);

  test('a simulation: the decisions made are kept and the attempt is marked abandoned, and the screen says so', async () => {
    profile = await makeProfileDir();
    killable = await launchKillable(profile);
    const { page } = killable;
    await importSamples(page, ['inference-outage-runbook.md']);
    await page.evaluate(() => (window.location.hash = '#/simulate'));
    await page.locator('.scenario-list').waitFor();
    await page.getByRole('region', { name: 'Scenarios' }).getByRole('button', { name: /^Walk Inference outage runbook/ }).click();
    await page.locator('.briefing').waitFor();
    await page.getByRole('button', { name: 'Start scenario' }).click();
    await page.locator('.run').waitFor();

    const DECISIONS = 3;
    for (let made = 0; made < DECISIONS; made += 1) {
      if (made > 0) {
        await page.keyboard.press('Enter');
        await page.locator('.decision-feedback').waitFor({ state: 'detached' });
      }
      await decideFromKeyboard(page);
      // Stored: the decision is in the attempt (written with its review event in one transaction).
      await expect
        .poll(async () => (await readStore<SimulationAttempt>(page, 'attempts'))[0]?.decisions.length)
        .toBe(made + 1);
    }
    const [running] = await readStore<SimulationAttempt>(page, 'attempts');
    expect(running?.status).toBe('running');
    await killHard(killable);
    killable = undefined;

    reopened = await openApp({ userDataDir: profile, hash: '#/simulate' });
    await reopened.page.locator('.scenario-list').waitFor();
    const notice = reopened.page.locator('.notice-line');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      `A scenario was interrupted when Kata closed: Inference outage runbook (${DECISIONS} decisions kept). It is recorded as abandoned; every decision made is kept.`,
    );
    const attempts = await readStore<SimulationAttempt>(reopened.page, 'attempts');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ id: running!.id, status: 'abandoned', decisions: running!.decisions });
    const events = await readStore<ReviewEvent>(reopened.page, 'events');
    expect(events.filter((event) => event.source === 'simulation')).toHaveLength(DECISIONS);
    expect(reopened.problems).toEqual([]);
  });
});
