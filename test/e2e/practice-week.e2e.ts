/**
 * A week of practice with nothing lost, in Chromium on one persistent profile.
 * Playwright's clock makes the page's Date.now a simulated day: day 0 imports one
 * real file through "Import files…" and lowers "New cards per day" in Settings;
 * then for each of seven mornings the browser is started again on the same
 * profile (so every day also proves a restart keeps everything), the daily
 * session is practised from the keyboard to its end with a fixed mix of grades,
 * and when learning steps come back later that day the clock jumps to them and
 * the session starts again. On the way: an undo of a stored answer, a bury (the
 * card stays away that day and comes back on a later one), the browser closed
 * in the middle of a session, and desired retention lowered in Settings.
 *
 * At the end, read with plain IndexedDB: exactly the answers the test gave are
 * stored (same count, same grades in the same order, unique ids), every card's
 * state is what replaying its answers gives (each with the FSRS parameters of its
 * day), no study day introduced more new
 * cards than the limit, reviews came on later days and never before they were
 * due, and Settings → Check collection reports no drift. The console stays clean.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { CardRecord, Rating, ReviewEvent } from '../../shared/model';
import { stateOf } from '../../shared/schedule/card-state';
import { studyDayEnd, studyDayIndex } from '../../shared/schedule/day';
import { checkCard } from '../../shared/schedule/replay';
import { normalizeHistory, schedulerAt } from '../../shared/schedule/scheduler-history';
import { DEFAULT_SCHEDULER_SETTINGS, makeScheduler } from '../../shared/schedule/scheduler-settings';
import type { OpenedApp } from './fixture';
import { REPO_ROOT, makeProfileDir, openApp, waitForApp } from './fixture';
import { chooseFiles, confirmAll } from './library-helpers';
import type { CardOnScreen } from './practice-helpers';
import { focused, readKataDb, respond, waitForNext } from './practice-helpers';

const SAMPLE = path.join(REPO_ROOT, 'resources', 'samples', 'model-deployment-checklist.md');
const PACK_TITLE = 'Model deployment checklist';
const DAYS = 7;
/** Set in Settings on day 0 (the default is 20): the pack then takes several days to introduce. */
const NEW_CARDS_PER_DAY = 8;
/** The day start is never changed: study days are counted from the default. */
const DAY_START_HOUR = DEFAULT_SCHEDULER_SETTINGS.dayStartHour;
const MINUTE = 60_000;

/** The special things done on particular days. */
const UNDO = { day: 0, afterAnswers: 4 };
const BURY = { day: 1 };
const CLOSE = { day: 2, afterAnswers: 3 };
/** On this morning desired retention is lowered in Settings: later answers are scheduled (and must replay) with it. */
const RETENTION_CHANGE = { day: 3, to: 0.85, steps: 5 };

/** 08:00 on this machine's clock, day 0 being Monday 2 March 2026. */
function morningOf(day: number): number {
  return new Date(2026, 2, 2 + day, 8, 0, 0, 0).getTime();
}

function studyDayOf(at: number): number {
  return studyDayIndex(at, DAY_START_HOUR, new Date(at).getTimezoneOffset());
}

/** One answer the test saw stored (the next card or the summary appeared after it). */
interface Committed {
  day: number;
  prompt: string;
  kind: string;
  rating: Rating;
}

interface Buried {
  cardId: string;
  prompt: string;
  day: number;
  at: number;
}

/** Everything the week carries from one day to the next. */
interface Week {
  profile: string;
  app: OpenedApp | undefined;
  /** Console errors and page errors of every browser opened so far. */
  problems: string[];
  tally: Committed[];
  /** How many first-of-the-day answers have been planned: drives the mix of grades. */
  firstAnswers: number;
  buried?: Buried;
  undone?: { day: number; prompt: string };
  /** The card answered on screen (not graded) when the browser was closed, and whether it came back. */
  closedOn?: { day: number; prompt: string; seenAgain: boolean };
}

function openedApp(week: Week): OpenedApp {
  if (!week.app) throw new Error('no app is open');
  return week.app;
}

// ——— Browser and clock ———

/** Starts the browser on the week's profile with the page clock at `at`. */
async function launchAt(week: Week, at: number, hash: string): Promise<OpenedApp> {
  week.app = await openApp({ userDataDir: week.profile, clockAt: at, hash });
  return week.app;
}

async function closeBrowser(week: Week): Promise<void> {
  if (!week.app) return;
  week.problems.push(...week.app.problems);
  await week.app.close();
  week.app = undefined;
}

async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => Date.now());
}

// ——— Reading the database ———

async function storedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (settingKey) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('settings', 'readonly').objectStore('settings').get(settingKey);
        request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, key);
}

/** When the learning and relearning steps still to come today fall due (empty when none is left). */
async function learningStepsLaterToday(page: Page): Promise<number[]> {
  const now = await pageNow(page);
  const dayEnd = studyDayEnd(now, DAY_START_HOUR, new Date(now).getTimezoneOffset());
  const { cards } = await readKataDb(page);
  return cards
    .filter((card) => (card.state === 1 || card.state === 3) && card.suspended === 0 && card.buriedUntil <= now)
    .map((card) => card.due)
    .filter((due) => due > now && due < dayEnd)
    .sort((a, b) => a - b);
}

async function expectStoredAnswers(page: Page, week: Week, when: string): Promise<void> {
  expect((await readKataDb(page)).events.length, `stored answers ${when}`).toBe(week.tally.length);
}

// ——— The practice screen ———

/** The start panel of today's practice: how many cards a session would hold, and its text. */
async function readStartPanel(page: Page): Promise<{ total: number; fresh: number; text: string }> {
  await page.getByRole('heading', { name: "Today's practice" }).waitFor();
  const panel = page.locator('.start-panel');
  await panel.locator('.start-button, .start-done').first().waitFor();
  const text = (await panel.textContent()) ?? '';
  const start = panel.locator('.start-button');
  const total = (await start.count()) === 0 ? 0 : Number(/Start: (\d+) card/.exec((await start.textContent()) ?? '')?.[1]);
  const fresh = Number(/New\s*(\d+)/.exec(text)?.[1]);
  return { total, fresh, text };
}

/** The automatic grade an objective answer got, read from its feedback. */
async function automaticGrade(page: Page): Promise<Rating> {
  const chip = await page.locator('article.drill-card .feedback-grade .grade-chip').getAttribute('class');
  const rating = Number(/grade-chip-(\d)/.exec(chip ?? '')?.[1]);
  if (![1, 2, 3, 4].includes(rating)) throw new Error(`no automatic grade on screen (${chip})`);
  return rating as Rating;
}

/**
 * Answers the card and grades it `rating`: self-graded cards with its key;
 * objective ones keep the automatic grade (Enter) when it is `rating`, else
 * override it with the number key. Resolves once the next card or the summary shows.
 */
async function answerWith(page: Page, card: CardOnScreen, rating: Rating): Promise<CardOnScreen | null> {
  await respond(page, card);
  if (card.drill === 'reveal') {
    await page.keyboard.press(String(rating));
  } else {
    const automatic = await automaticGrade(page);
    await page.keyboard.press(automatic === rating ? 'Enter' : String(rating));
  }
  return waitForNext(page, card.turn);
}

/** Presses a session key (u, -) from outside any answer field, where keys would type. */
async function pressSessionKey(page: Page, key: string): Promise<void> {
  if ((await focused(page)).tag === 'INPUT') await page.keyboard.press('Tab');
  await page.keyboard.press(key);
}

/**
 * The grade of a card's first answer of the day: mostly Good, with Again (so
 * relearning happens), Hard and Easy at fixed places. Later answers the same day
 * (its learning steps) are Good, so every card finishes its steps.
 */
function plannedRating(week: Week, firstToday: boolean): Rating {
  if (!firstToday) return 3;
  const n = week.firstAnswers;
  week.firstAnswers += 1;
  if (n % 4 === 1) return 1;
  if (n % 7 === 3) return 2;
  if (n % 9 === 6) return 4;
  return 3;
}

// ——— One day ———

interface DayTrack {
  day: number;
  /** Prompts answered today, with how many stored answers each has. */
  answered: Map<string, number>;
  /** Answers stored today. */
  stored: number;
  /** Sessions started today. */
  sessions: number;
}

function recordAnswer(week: Week, track: DayTrack, card: CardOnScreen, rating: Rating): void {
  week.tally.push({ day: track.day, prompt: card.prompt, kind: card.kind, rating });
  track.answered.set(card.prompt, (track.answered.get(card.prompt) ?? 0) + 1);
  track.stored += 1;
}

/** Buries the card on screen with `-` and checks it is buried until the next study day. */
async function buryCardOnScreen(page: Page, week: Week, card: CardOnScreen, day: number): Promise<CardOnScreen | null> {
  const at = await pageNow(page);
  await pressSessionKey(page, '-');
  const next = await waitForNext(page, card.turn);
  const { cards } = await readKataDb(page);
  const buried = cards.filter((stored) => stored.buriedUntil > at);
  expect(buried, 'exactly one card is buried').toHaveLength(1);
  const [record] = buried as [CardRecord];
  expect(record.buriedUntil, 'buried until the next study day begins').toBe(studyDayEnd(at, DAY_START_HOUR, new Date(at).getTimezoneOffset()));
  week.buried = { cardId: record.id, prompt: card.prompt, day, at };
  return next;
}

/**
 * Takes back the answer just stored with `u`: its event is gone, the card's
 * stored state is its state before that answer, and it is asked again.
 */
async function undoLastAnswer(page: Page, week: Week, track: DayTrack, answered: CardOnScreen, next: CardOnScreen | null): Promise<CardOnScreen> {
  const before = await readKataDb(page);
  expect(before.events).toHaveLength(week.tally.length);
  const last = [...before.events].sort((a, b) => a.at - b.at).at(-1) as ReviewEvent;

  await pressSessionKey(page, 'u');
  const back = await waitForNext(page, next?.turn ?? answered.turn);
  expect(back?.prompt, 'the undone card is back on screen').toBe(answered.prompt);
  expect(back?.phase).toBe('question');

  const undone = week.tally.pop() as Committed;
  expect(undone.prompt).toBe(answered.prompt);
  track.stored -= 1;
  track.answered.set(answered.prompt, (track.answered.get(answered.prompt) ?? 1) - 1);
  const after = await readKataDb(page);
  expect(after.events).toHaveLength(week.tally.length);
  expect(after.events.some((event) => event.id === last.id), 'the undone event is gone').toBe(false);
  const restored = after.cards.find((card) => card.id === last.cardId) as CardRecord;
  expect(stateOf(restored), 'the card is back to its state before the answer').toEqual(stateOf(last.before));
  week.undone = { day: track.day, prompt: answered.prompt };
  return back as CardOnScreen;
}

/** Closes the browser with a card answered on screen but not graded, and starts it again a minute later. */
async function closeMidSession(week: Week, card: CardOnScreen): Promise<void> {
  const { page } = openedApp(week);
  await respond(page, card);
  const at = await pageNow(page);
  week.closedOn = { day: CLOSE.day, prompt: card.prompt, seenAgain: false };
  await closeBrowser(week);
  const reopened = await launchAt(week, at + MINUTE, '#/practice');
  // Every graded answer is there; the one on screen was never stored.
  await expectStoredAnswers(reopened.page, week, 'after closing the browser mid-session');
}

/**
 * When the start panel has nothing left but says "The next card is due in N min"
 * (or h: at 08:00 that is later today), waits that long in simulated time and
 * opens Practice again: the promised card must be there. Resolves true when it is
 * (the day goes on), false when the panel made no such promise.
 */
async function keepsPromiseOfCardLaterToday(app: OpenedApp, panelText: string, day: number): Promise<boolean> {
  const promise = /The next card is due in (\d+) (min|h)\./.exec(panelText);
  if (!promise) return false;
  const wait = Number(promise[1]) * (promise[2] === 'h' ? 60 * MINUTE : MINUTE);
  const before = await pageNow(app.page);
  await app.page.clock.fastForward(wait + MINUTE);
  // A reload, so the start panel is read afresh (the clock keeps its simulated time).
  await app.page.reload();
  await waitForApp(app.page);
  expect(await pageNow(app.page)).toBeGreaterThanOrEqual(before + wait + MINUTE);
  const later = await readStartPanel(app.page);
  expect.soft(later.total, `day ${day}: the start panel said "${promise[0]}", but ${promise[1]} ${promise[2]} later it has no card`).toBeGreaterThan(0);
  return later.total > 0;
}

/**
 * One simulated day: the daily session from the keyboard to its summary, again
 * after each learning step comes due, until the start panel has nothing left.
 */
async function practiseDay(week: Week, day: number): Promise<void> {
  const track: DayTrack = { day, answered: new Map(), stored: 0, sessions: 0 };
  const introducedToday = async (page: Page): Promise<number> =>
    (await readKataDb(page)).events.filter((event) => event.before.state === 0 && studyDayOf(event.at) === studyDayOf(morningOf(day))).length;

  let promiseChecked = false;
  for (let round = 0; ; round += 1) {
    expect(round, 'the day ends within a few rounds of learning steps').toBeLessThan(8);
    const { page } = openedApp(week);
    const panel = await readStartPanel(page);
    // The lowered limit survived every restart, and today's plan keeps within what is left of it.
    expect(panel.text).toContain(`Up to ${NEW_CARDS_PER_DAY} new cards`);
    expect(panel.fresh).toBeLessThanOrEqual(NEW_CARDS_PER_DAY - (await introducedToday(page)));
    if (panel.total === 0) {
      expect(await learningStepsLaterToday(page), 'no learning step is left for later today').toEqual([]);
      if (!promiseChecked) {
        promiseChecked = true;
        if (await keepsPromiseOfCardLaterToday(openedApp(week), panel.text, day)) continue;
      }
      return;
    }

    track.sessions += 1;
    await page.keyboard.press('Enter');
    let card = await waitForNext(page, -1);
    let closed = false;
    while (card) {
      if (week.buried && week.buried.day === day) {
        expect(card.prompt, 'a buried card does not come back the same day').not.toBe(week.buried.prompt);
      }
      if (week.closedOn?.day === day && card.prompt === week.closedOn.prompt && track.sessions > 1) {
        week.closedOn.seenAgain = true;
      }
      if (day === BURY.day && !week.buried) {
        card = await buryCardOnScreen(page, week, card, day);
        continue;
      }
      if (day === CLOSE.day && !week.closedOn && track.stored === CLOSE.afterAnswers) {
        await closeMidSession(week, card);
        closed = true;
        break;
      }

      const rating = plannedRating(week, (track.answered.get(card.prompt) ?? 0) === 0);
      const next = await answerWith(page, card, rating);
      recordAnswer(week, track, card, rating);

      if (day === UNDO.day && !week.undone && track.stored === UNDO.afterAnswers) {
        const back = await undoLastAnswer(page, week, track, card, next);
        // Answered again, with another grade than the one taken back.
        const again: Rating = rating === 3 ? 4 : 3;
        card = await answerWith(page, back, again);
        recordAnswer(week, track, back, again);
        continue;
      }
      card = next;
    }
    if (closed) continue;

    // The summary: everything answered is stored; it says when learning steps come back.
    const summary = page.locator('.session-summary');
    await summary.waitFor();
    await expectStoredAnswers(page, week, `after session ${track.sessions} of day ${day}`);
    if (day === BURY.day && track.sessions === 1) expect(await summary.textContent()).toContain('1 card buried or suspended');
    const steps = await learningStepsLaterToday(page);
    if (steps.length > 0) {
      expect.soft(await summary.textContent(), `summary of session ${track.sessions} on day ${day}`).toMatch(/A card in its learning steps comes back in \d+ min/);
      // Wait, in simulated time, until every step waiting is due; then back to the start (Enter) and practise again.
      await page.clock.fastForward((steps.at(-1) as number) - (await pageNow(page)) + 5_000);
    }
    await page.keyboard.press('Enter');
  }
}

// ——— Day 0 setup ———

async function importSampleFile(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Import a checklist or a flowchart' }).waitFor();
  await chooseFiles(page, [SAMPLE]);
  await confirmAll(page);
  await page.locator('.pack-panel .pack-title', { hasText: PACK_TITLE }).waitFor();
}

async function lowerNewCardsPerDay(app: OpenedApp): Promise<void> {
  await app.goto('#/settings');
  const { page } = app;
  const field = page.getByLabel('New cards per day');
  await field.fill(String(NEW_CARDS_PER_DAY));
  await field.blur();
  await expect.poll(() => page.locator('.screen-header').textContent()).toContain('Saved.');
  await expect.poll(() => storedSetting(page, 'newCardsPerDay')).toBe(NEW_CARDS_PER_DAY);
}

/** Lowers "Desired retention" from the keyboard, one step (1%) per arrow key, and comes back to Practice. */
async function lowerRetention(app: OpenedApp): Promise<void> {
  await app.goto('#/settings');
  const { page } = app;
  await page.getByLabel('Desired retention', { exact: true }).focus();
  for (let i = 0; i < RETENTION_CHANGE.steps; i += 1) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => storedSetting(page, 'desiredRetention')).toBe(RETENTION_CHANGE.to);
  await app.goto('#/practice');
}

/** Runs Settings → Check collection in the UI and returns its result line. */
async function checkCollectionInUi(app: OpenedApp): Promise<string> {
  await app.goto('#/settings');
  const section = app.page.locator('section.check-collection');
  await section.getByRole('button', { name: 'Check collection' }).click();
  const result = section.locator('.check-result p');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

// ——— The test ———

describe('a week of practice (chromium)', () => {
  let week: Week | undefined;

  afterEach(async () => {
    if (week) {
      await closeBrowser(week);
      await rm(week.profile, { recursive: true, force: true });
    }
    week = undefined;
  });

  test('import one file, practise it for seven simulated days with restarts, and nothing is lost', { timeout: 300_000 }, async () => {
    week = { profile: await makeProfileDir(), app: undefined, problems: [], tally: [], firstAnswers: 0 };

    // Day 0, 08:00: import through the file chooser and lower the new-card limit.
    const first = await launchAt(week, morningOf(0), '#/library');
    await importSampleFile(first.page);
    await lowerNewCardsPerDay(first);
    const imported = await readKataDb(first.page);
    expect(imported.events).toEqual([]);
    const itemsWithCards = new Set(imported.cards.map((card) => card.itemKey)).size;
    // More items than the daily limit: the limit, not the pack, decides how many are new on day 0.
    expect(itemsWithCards).toBeGreaterThan(NEW_CARDS_PER_DAY);
    let resumeAt = (await pageNow(first.page)) + MINUTE;
    await closeBrowser(week);

    for (let day = 0; day < DAYS; day += 1) {
      // A new morning (day 0: a minute after the setup): the browser starts again on the same profile.
      const app = await launchAt(week, Math.max(morningOf(day), resumeAt), '#/practice');
      await expectStoredAnswers(app.page, week, `when day ${day} begins`);
      if (day === RETENTION_CHANGE.day) await lowerRetention(app);
      await practiseDay(week, day);
      const { page } = openedApp(week);
      await expectStoredAnswers(page, week, `at the end of day ${day}`);
      expect(openedApp(week).problems, `console on day ${day}`).toEqual([]);
      resumeAt = (await pageNow(page)) + MINUTE;
      await closeBrowser(week);
    }

    expect(week.undone, 'an answer was undone').toBeDefined();
    expect(week.buried, 'a card was buried').toBeDefined();
    expect(week.closedOn?.seenAgain, 'the card on screen when the browser closed was asked again that day').toBe(true);

    // After the week: a last restart, and the database read with plain IndexedDB.
    const last = await launchAt(week, resumeAt, '#/practice');
    const { events, cards } = await readKataDb(last.page);
    const tally = week.tally;

    // Exactly the answers given, in the order given, with their grades and card kinds.
    expect(events).toHaveLength(tally.length);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const kindOf = new Map(cards.map((card) => [card.id, card.kind]));
    const inOrder = [...events].sort((a, b) => a.at - b.at);
    expect(inOrder.map((event) => event.rating)).toEqual(tally.map((answer) => answer.rating));
    expect(inOrder.map((event) => kindOf.get(event.cardId))).toEqual(tally.map((answer) => answer.kind));
    const dayZero = studyDayOf(morningOf(0));
    expect(inOrder.map((event) => studyDayOf(event.at) - dayZero)).toEqual(tally.map((answer) => answer.day));
    expect(new Set(tally.map((answer) => answer.rating)), 'every grade was given').toEqual(new Set([1, 2, 3, 4]));

    // Learning steps and, after a review answered Again, relearning steps were answered.
    expect(events.some((event) => event.before.state === 1), 'learning steps answered').toBe(true);
    expect(events.some((event) => event.before.state === 3), 'relearning steps answered').toBe(true);

    // The retention change opened a new era of FSRS parameters on its day (one per arrow key).
    const history = normalizeHistory(await storedSetting(last.page, 'schedulerHistory'));
    expect(history.map((era) => era.parameters.desiredRetention)).toEqual(
      Array.from({ length: RETENTION_CHANGE.steps + 1 }, (_, i) => Math.round((DEFAULT_SCHEDULER_SETTINGS.desiredRetention - i / 100) * 100) / 100),
    );
    expect(studyDayOf(history.at(-1)!.from) - studyDayOf(morningOf(0))).toBe(RETENTION_CHANGE.day);

    // Every card is what replaying its answers gives, each answer with the parameters of its day.
    const current = { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: RETENTION_CHANGE.to };
    const inForce = schedulerAt(history, current);
    const drift = cards.map((card) => ({ id: card.id, check: checkCard(inForce, card, events) })).filter(({ check }) => !check.ok);
    expect(drift).toEqual([]);
    // The change mattered: replayed with today's parameters only, some cards would not match.
    expect(cards.filter((card) => !checkCard(makeScheduler(current), card, events).ok).length).toBeGreaterThan(0);

    // No study day introduced more new cards than the limit; day 0 (more items than the limit) reached it.
    const newPerDay = new Map<number, number>();
    for (const event of events) {
      if (event.before.state === 0) newPerDay.set(studyDayOf(event.at), (newPerDay.get(studyDayOf(event.at)) ?? 0) + 1);
    }
    for (const [studyDay, count] of newPerDay) expect(count, `new cards on day ${studyDay - dayZero}`).toBeLessThanOrEqual(NEW_CARDS_PER_DAY);
    expect(newPerDay.get(dayZero)).toBe(NEW_CARDS_PER_DAY);
    // A new card is introduced once.
    const introduced = events.filter((event) => event.before.state === 0).map((event) => event.cardId);
    expect(new Set(introduced).size).toBe(introduced.length);

    // Reviews of studied cards came on later days, and never before the day they were due.
    const firstDayOf = new Map<string, number>();
    for (const event of inOrder) if (!firstDayOf.has(event.cardId)) firstDayOf.set(event.cardId, studyDayOf(event.at));
    const reviews = events.filter((event) => event.before.state === 2);
    expect(reviews.length, 'cards came back for review').toBeGreaterThan(0);
    for (const review of reviews) {
      expect(studyDayOf(review.at), `review of ${review.cardId}`).toBeGreaterThan(firstDayOf.get(review.cardId) as number);
      expect(studyDayOf(review.at), `review of ${review.cardId} not before it was due`).toBeGreaterThanOrEqual(studyDayOf(review.before.due));
    }

    // The buried card stayed away for the rest of its day and came back on a later one.
    const buried = week.buried as Buried;
    const buriedEvents = events.filter((event) => event.cardId === buried.cardId);
    expect(buriedEvents.filter((event) => studyDayOf(event.at) === studyDayOf(buried.at) && event.at > buried.at)).toEqual([]);
    expect(buriedEvents.some((event) => studyDayOf(event.at) > studyDayOf(buried.at)), 'the buried card came back on a later day').toBe(true);

    // Settings → Check collection agrees: no drift.
    const result = await checkCollectionInUi(last);
    expect(result).toBe(`All ${cards.length} cards match ${events.length} answers.`);

    expect([...week.problems, ...last.problems]).toEqual([]);
  });
});
