/**
 * A year of practice for the e2e specs and the screenshots: the collection's own cards
 * answered by a simulated learner (test/shared/schedule/personal/simulated-learner.ts) over
 * the year before now, written into the app's database with each card's state replayed from
 * its answers (so Check collection finds no drift) and the progress rollups marked stale.
 */
import type { Page } from 'playwright-core';
import type { CardRecord, ReviewEvent } from '../../shared/model';
import { replayCard } from '../../shared/schedule/replay';
import { makeScheduler } from '../../shared/schedule/scheduler-settings';
import { DAY_MS } from '../../shared/schedule/day';
import { FAST_FORGETTER, simulateLearner } from '../shared/schedule/personal/simulated-learner';

async function readCards(page: Page): Promise<CardRecord[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kata');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const cards = await new Promise<CardRecord[]>((resolve, reject) => {
      const request = db.transaction('cards').objectStore('cards').getAll();
      request.onsuccess = () => resolve(request.result as CardRecord[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return cards;
  });
}

/** Answers every card of the collection over the `days` before now (a new card a day each of ten), as a fast-forgetting learner. Returns the number of answers written. */
export async function seedYearOfPractice(page: Page, days = 365): Promise<number> {
  const cards = (await readCards(page)).filter((card) => card.suspended === 0 && card.state === 0);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const start = today - days * DAY_MS;
  const events = simulateLearner({
    seed: 2025,
    trueWeights: FAST_FORGETTER,
    cards: cards.length,
    cardIds: cards.map((card) => card.id),
    days,
    newPerDay: 2,
    start,
    simulationShare: 0.05,
  }).filter((event) => event.at < Date.now());
  const scheduler = makeScheduler();
  const byCard = new Map<string, ReviewEvent[]>();
  for (const event of events) byCard.set(event.cardId, [...(byCard.get(event.cardId) ?? []), event]);
  const updated = cards.map((card) => ({ ...card, ...replayCard(scheduler, card.createdAt, byCard.get(card.id) ?? []) }));
  await page.evaluate(
    async ({ events, updated }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kata');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['events', 'cards', 'settings'], 'readwrite');
      for (const event of events) tx.objectStore('events').put(event);
      for (const card of updated) tx.objectStore('cards').put(card);
      tx.objectStore('settings').put({ key: 'cache.rollupsStale', value: true });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { events, updated },
  );
  return events.length;
}
