/**
 * Steps the practice specs share: importing samples through the Library, reading
 * the card on screen, answering it from the keyboard, and reading the 'kata'
 * IndexedDB database with the plain IndexedDB API (nothing exposed by the app).
 */
import type { Page } from 'playwright-core';
import type { CardRecord, ReviewEvent } from '../../shared/model';
import { confirmAll, escape } from './library-helpers';

/** Samples that between them make every card kind. */
export const PRACTICE_SAMPLES = [
  'model-deployment-checklist.md', // next-step, cloze, why, sequence
  'inference-outage-runbook.md', // memory
  'overfitting-diagnosis.mmd', // branch, reverse
  'ml-metrics.csv', // qa
] as const;

export const ALL_KINDS = ['next-step', 'sequence', 'cloze', 'why', 'memory', 'branch', 'reverse', 'qa'] as const;

/** Imports each sample through the Library: "Try a sample pack", choose it, preview, confirm. */
export async function importSamples(page: Page, files: readonly string[]): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/library'));
  for (const file of files) {
    await page.getByRole('button', { name: 'Try a sample pack' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Try a sample pack' });
    await dialog.waitFor();
    const direct = dialog.getByRole('button', { name: `Preview ${file}` });
    if ((await direct.count()) > 0) {
      await direct.click();
    } else {
      await dialog.getByRole('radio', { name: new RegExp(escape(file)) }).check();
      await dialog.getByRole('button', { name: 'Preview this sample' }).click();
    }
    await dialog.waitFor({ state: 'detached' });
    await confirmAll(page);
  }
}

export interface CardOnScreen {
  kind: string;
  drill: string;
  phase: string;
  turn: number;
  prompt: string;
}

const CARD = 'article.drill-card';

/** The card on screen, or null when none is (start panel, summary). */
export async function cardOnScreen(page: Page): Promise<CardOnScreen | null> {
  const card = page.locator(CARD);
  if ((await card.count()) === 0) return null;
  return card.evaluate((el) => ({
    kind: el.getAttribute('data-kind') ?? '',
    drill: el.getAttribute('data-drill') ?? '',
    phase: el.getAttribute('data-phase') ?? '',
    turn: Number(el.getAttribute('data-turn')),
    prompt: el.querySelector('.drill-prompt')?.textContent ?? '',
  }));
}

/** Waits until a card with a later turn is on screen (and not busy), or the summary is. */
export async function waitForNext(page: Page, afterTurn: number): Promise<CardOnScreen | null> {
  await page.waitForFunction(
    ({ selector, turn }) => {
      const card = document.querySelector(selector);
      if (card) return Number(card.getAttribute('data-turn')) > turn && card.getAttribute('aria-busy') !== 'true';
      return document.querySelector('.session-summary') !== null;
    },
    { selector: CARD, turn: afterTurn },
  );
  return cardOnScreen(page);
}

/** Waits until the card on screen is in `phase`. */
export async function waitForPhase(page: Page, phase: string): Promise<void> {
  await page.locator(`${CARD}[data-phase="${phase}"]`).waitFor();
}

/** What has focus: its tag, role and accessible-ish name. */
export async function focused(page: Page): Promise<{ tag: string; role: string | null; text: string; inCard: boolean }> {
  return page.evaluate((selector) => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      role: el?.getAttribute('role') ?? null,
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      inCard: Boolean(el?.closest(selector)),
    };
  }, CARD);
}

/** Gives an answer from the keyboard only: reveals a self-graded card, or answers an objective one. */
export async function respond(page: Page, card: CardOnScreen, typed = 'not sure'): Promise<void> {
  switch (card.drill) {
    case 'reveal':
      await page.keyboard.press('Space');
      await waitForPhase(page, 'revealed');
      return;
    case 'choice':
      await page.keyboard.press('1');
      break;
    case 'cloze':
    case 'memory':
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      break;
    case 'sequence':
      // Move the first step down one place, select the next, and check the order.
      await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      break;
    default:
      throw new Error(`unknown drill ${card.drill}`);
  }
  await waitForPhase(page, 'feedback');
}

/** Grades (self-graded: `rating`; objective: Enter keeps the automatic grade) and waits for the next card or the summary. */
export async function gradeAndContinue(page: Page, card: CardOnScreen, rating = '3'): Promise<CardOnScreen | null> {
  await page.keyboard.press(card.drill === 'reveal' ? rating : 'Enter');
  return waitForNext(page, card.turn);
}

/** Presses Tab until the focused element's text matches `name` (at most `limit` times). */
export async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (name.test((await focused(page)).text)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Every event and card in the 'kata' database, read with the plain IndexedDB API. */
export async function readKataDb(page: Page): Promise<{ events: ReviewEvent[]; cards: CardRecord[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    try {
      const [events, cards] = await Promise.all([all<ReviewEvent>('events'), all<CardRecord>('cards')]);
      return { events, cards };
    } finally {
      db.close();
    }
  });
}

/** Every record of one store of the 'kata' database, read with the plain IndexedDB API. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store) as Promise<T[]>;
}
