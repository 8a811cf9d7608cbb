/** The bulk reads and writes "Check collection" and generated collections use. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardRecord, ReviewEvent } from '../../../shared/model';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories, type Repositories } from '../../../renderer/storage/index';
import { makeCard, makeEvent, makePack, openTestDb } from './test-db';

let db: KataDb;
let repos: Repositories;

beforeEach(async () => {
  db = await openTestDb('collection-reads');
  repos = createRepositories(db);
});
afterEach(() => db.close());

/** Cards c0..c(n-1) in pack p, ids deliberately not inserted in order. */
async function seed(n: number): Promise<CardRecord[]> {
  const cards = Array.from({ length: n }, (_, i) => makeCard('p', `s${String(i).padStart(2, '0')}`));
  await repos.packs.savePackImport(makePack('p'), [], [...cards].reverse());
  return cards;
}

describe('cards.pageById', () => {
  it('streams every card once, in id order, page by page', async () => {
    const cards = await seed(7);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await repos.cards.pageById(after, 3);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((card) => card.id));
      after = page.at(-1)!.id;
    }
    expect(seen).toEqual(cards.map((card) => card.id).sort());
  });
});

describe('events.byCardRange', () => {
  it("returns the events of the cards in the id range, by card then time, and no other card's", async () => {
    const cards = await seed(4);
    const events: ReviewEvent[] = [];
    cards.forEach((card, c) => {
      for (const at of [300, 100, 200]) events.push(makeEvent(card, `e${c}-${at}`, at));
    });
    await repos.events.addMany(events);
    const got = await repos.events.byCardRange(cards[1]!.id, cards[2]!.id);
    expect(got.map((event) => event.id)).toEqual(['e1-100', 'e1-200', 'e1-300', 'e2-100', 'e2-200', 'e2-300']);
  });
});

describe('events.addMany', () => {
  it('adds all events in one transaction, or none when an id is taken', async () => {
    const [card] = await seed(1);
    await repos.events.addMany([makeEvent(card!, 'a', 1), makeEvent(card!, 'b', 2)]);
    await expect(repos.events.addMany([makeEvent(card!, 'c', 3), makeEvent(card!, 'a', 4)])).rejects.toThrow();
    expect((await repos.events.byCard(card!.id)).map((event) => event.id)).toEqual(['a', 'b']);
  });
});

describe('cards.rebuildStates', () => {
  it('writes the rebuilt state only where it differs, reading each card with its events in the transaction', async () => {
    const [a, b] = await seed(2);
    await repos.events.addMany([makeEvent(a!, 'a1', 10), makeEvent(a!, 'a2', 20)]);
    const seenEvents = new Map<string, string[]>();
    const rewritten = await repos.cards.rebuildStates([a!.id, b!.id, 'missing'], (card, events) => {
      seenEvents.set(card.id, events.map((event) => event.id));
      return card.id === a!.id
        ? { ...card, due: 99, reps: 2, state: 2, lastReview: 20 }
        : { ...card };
    });
    expect(rewritten).toBe(1);
    expect(seenEvents).toEqual(new Map([[a!.id, ['a1', 'a2']], [b!.id, []]]));
    expect(await repos.cards.get(a!.id)).toEqual({ ...a, due: 99, reps: 2, state: 2, lastReview: 20 });
    expect(await repos.cards.get(b!.id)).toEqual(b);
  });

  it('removes a lastReview the rebuilt state does not have', async () => {
    const [a] = await seed(1);
    await repos.cards.putMany([{ ...a!, lastReview: 5, reps: 1 }]);
    await repos.cards.rebuildStates([a!.id], () => ({ ...a! }));
    expect(await repos.cards.get(a!.id)).toEqual(a);
  });
});
