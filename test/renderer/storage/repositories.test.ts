import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardRecord } from '../../../shared/model';
import type { KataDb } from '../../../renderer/storage/db';
import { createRepositories } from '../../../renderer/storage/index';
import type { Repositories } from '../../../renderer/storage/index';
import { makeAttempt, makeCard, makeEvent, makeItem, makePack, openTestDb } from './test-db';

let db: KataDb;
let repos: Repositories;

beforeEach(async () => {
  db = await openTestDb('repos');
  repos = createRepositories(db);
});
afterEach(() => db.close());

/** A pack with `n` items and one card per item, as an import would produce it. */
function importOf(packId: string, n: number) {
  const items = Array.from({ length: n }, (_, i) => makeItem(packId, `s${i}`, i));
  const cards = items.map((item) => makeCard(packId, item.id));
  return { pack: makePack(packId, { itemCount: n, cardCount: n }), items, cards };
}

async function tableCounts() {
  return {
    packs: await db.packs.count(),
    items: await db.items.count(),
    cards: await db.cards.count(),
    events: await db.events.count(),
    attempts: await db.attempts.count(),
    assessments: await db.assessments.count(),
  };
}

describe('packs', () => {
  it('savePackImport writes pack, items and cards; items come back in order', async () => {
    const { pack, items, cards } = importOf('p1', 3);
    await repos.packs.savePackImport(pack, [...items].reverse(), cards);
    expect(await repos.packs.get('p1')).toEqual(pack);
    expect((await repos.items.byPack('p1')).map((i) => i.id)).toEqual(['s0', 's1', 's2']);
    expect(await repos.cards.byPack('p1')).toHaveLength(3);
  });

  it('savePackImport writes nothing when a record fails mid-transaction', async () => {
    const { pack, items, cards } = importOf('p1', 3);
    // An object is not a valid IndexedDB key: the last bulkPut fails after the pack and items were put.
    const broken = { ...cards[2], id: {} as unknown as string };
    await expect(repos.packs.savePackImport(pack, items, [cards[0], cards[1], broken])).rejects.toThrow();
    expect(await tableCounts()).toMatchObject({ packs: 0, items: 0, cards: 0 });
  });

  it('savePackImport keeps the previous version intact when a re-import fails', async () => {
    const first = importOf('p1', 2);
    await repos.packs.savePackImport(first.pack, first.items, first.cards);
    const second = importOf('p1', 3);
    const renamed = { ...second.pack, title: 'Renamed' };
    const broken = { ...second.cards[2], id: undefined as unknown as string };
    await expect(repos.packs.savePackImport(renamed, second.items, [...second.cards.slice(0, 2), broken])).rejects.toThrow();
    expect((await repos.packs.get('p1'))?.title).toBe('Pack p1');
    expect(await repos.items.byPack('p1')).toHaveLength(2);
  });

  it('savePackImport refuses records filed under another pack', async () => {
    const { pack, items } = importOf('p1', 1);
    await expect(repos.packs.savePackImport(pack, items, [makeCard('p2', 'x')])).rejects.toThrow(/p2/);
    expect(await tableCounts()).toMatchObject({ packs: 0, items: 0, cards: 0 });
  });

  it('delete removes everything of the pack and nothing of another', async () => {
    for (const id of ['p1', 'p2']) {
      const { pack, items, cards } = importOf(id, 2);
      await repos.packs.savePackImport(pack, items, cards);
      await repos.events.recordAnswer(makeEvent(cards[0], `${id}-e1`, 2_000), { ...cards[0], reps: 1 });
      await repos.attempts.add(makeAttempt(id, `${id}-a1`, 3_000));
      await repos.assessments.add({ id: `${id}-s1`, packId: id, at: 4_000, level: 2 });
    }
    await repos.packs.delete('p1');
    expect(await tableCounts()).toEqual({ packs: 1, items: 2, cards: 2, events: 1, attempts: 1, assessments: 1 });
    expect(await repos.packs.get('p1')).toBeUndefined();
    expect(await repos.items.byPack('p2')).toHaveLength(2);
    expect(await repos.events.byPack('p2')).toHaveLength(1);
    expect(await repos.attempts.byPack('p2')).toHaveLength(1);
    expect(await repos.assessments.byPack('p2')).toHaveLength(1);
  });

  it('lists active and archived packs, and finds a pack by source path', async () => {
    await repos.packs.savePackImport(makePack('b', { title: 'Beta', sourcePath: '/runbooks/b.md' }), [], []);
    await repos.packs.savePackImport(makePack('a', { title: 'Alpha' }), [], []);
    await repos.packs.archive('b');
    expect((await repos.packs.listActive()).map((p) => p.id)).toEqual(['a']);
    expect((await repos.packs.listArchived()).map((p) => p.id)).toEqual(['b']);
    expect((await repos.packs.findBySourcePath('/runbooks/b.md'))?.id).toBe('b');
    await repos.packs.unarchive('b');
    expect((await repos.packs.listActive()).map((p) => p.id)).toEqual(['a', 'b']);
    await expect(repos.packs.archive('missing')).rejects.toThrow(/missing/);
  });
});

describe('cards', () => {
  const now = 10_000;

  it('dueCards returns only unsuspended, unburied, due cards, earliest due first', async () => {
    const cards: CardRecord[] = [
      makeCard('p1', 'late', { due: 9_000 }),
      makeCard('p1', 'early', { due: 2_000 }),
      makeCard('p1', 'exact', { due: now }),
      makeCard('p1', 'future', { due: now + 1 }),
      makeCard('p1', 'suspended', { due: 1_000, suspended: 1 }),
      makeCard('p1', 'buried', { due: 1_500, buriedUntil: now + 60_000 }),
      makeCard('p1', 'unburied', { due: 3_000, buriedUntil: now }),
    ];
    await repos.packs.savePackImport(makePack('p1'), [], []);
    await repos.cards.putMany(cards);
    const due = await repos.cards.dueCards(now, 10);
    expect(due.map((c) => c.itemKey)).toEqual(['p1/early', 'p1/unburied', 'p1/late', 'p1/exact']);
    expect((await repos.cards.dueCards(now, 2)).map((c) => c.itemKey)).toEqual(['p1/early', 'p1/unburied']);
    expect(await repos.cards.countDue(now)).toBe(4);
    expect(await repos.cards.count()).toBe(7);
  });

  it('leaves archived packs out of the due queue, and can queue one pack', async () => {
    await repos.packs.savePackImport(makePack('p1'), [], [makeCard('p1', 'x', { due: 1 })]);
    await repos.packs.savePackImport(makePack('p2'), [], [makeCard('p2', 'y', { due: 2 })]);
    expect((await repos.cards.dueCardsInPack('p2', now)).map((c) => c.packId)).toEqual(['p2']);
    await repos.packs.archive('p1');
    expect((await repos.cards.dueCards(now)).map((c) => c.packId)).toEqual(['p2']);
  });

  it('suspend and bury take a card out of the queue', async () => {
    const a = makeCard('p1', 'a', { due: 1 });
    const b = makeCard('p1', 'b', { due: 2 });
    await repos.packs.savePackImport(makePack('p1'), [], [a, b]);
    await repos.cards.suspend(a.id);
    await repos.cards.bury(b.id, now + 1);
    expect(await repos.cards.dueCards(now)).toEqual([]);
    await repos.cards.unsuspend(a.id);
    expect((await repos.cards.dueCards(now)).map((c) => c.id)).toEqual([a.id]);
    await expect(repos.cards.suspend('missing')).rejects.toThrow(/missing/);
  });
});

describe('events', () => {
  it('recordAnswer writes event and card together; undoAnswer restores the exact prior card', async () => {
    const original = makeCard('p1', 'a', { due: 5_000, reps: 3, state: 2, stability: 4.2, difficulty: 5.1, lastReview: 1_000 });
    await repos.packs.savePackImport(makePack('p1'), [], [original]);
    const event = makeEvent(original, 'e1', 6_000);
    const answered: CardRecord = { ...original, due: 900_000, reps: 4, stability: 9.7, lastReview: 6_000 };
    await repos.events.recordAnswer(event, answered);
    expect(await repos.cards.get(original.id)).toEqual(answered);
    expect(await repos.events.byCard(original.id)).toEqual([event]);

    const restored = await repos.events.undoAnswer('e1');
    expect(restored).toEqual(original);
    expect(await repos.cards.get(original.id)).toEqual(original);
    expect(await repos.events.get('e1')).toBeUndefined();
    expect(await repos.events.count()).toBe(0);
  });

  it('answerStored answers the stored card in one transaction, and writes nothing for a missing or mismatched card', async () => {
    const stored = makeCard('p1', 'a', { due: 5_000, reps: 3, state: 2, lastReview: 1_000 });
    await repos.packs.savePackImport(makePack('p1'), [], [stored]);
    const seen: CardRecord[] = [];
    const written = await repos.events.answerStored(stored.id, (card) => {
      seen.push(card);
      return { event: makeEvent(card, 'e1', 6_000), card: { ...card, reps: 4, lastReview: 6_000 } };
    });
    expect(seen).toEqual([stored]);
    expect(written?.card.reps).toBe(4);
    expect(await repos.cards.get(stored.id)).toEqual(written?.card);
    expect(await repos.events.byCard(stored.id)).toEqual([written?.event]);

    expect(await repos.events.answerStored('p1/missing/next-step', () => { throw new Error('not called'); })).toBeUndefined();
    const other = makeCard('p1', 'b');
    await expect(
      repos.events.answerStored(stored.id, (card) => ({ event: makeEvent(other, 'e2', 7_000), card })),
    ).rejects.toThrow(/not about card/);
    expect(await repos.events.count()).toBe(1);
    expect((await repos.cards.get(stored.id))?.reps).toBe(4);
  });

  it('undo removes fields the prior state did not have (a new card has no lastReview)', async () => {
    const fresh = makeCard('p1', 'a');
    await repos.packs.savePackImport(makePack('p1'), [], [fresh]);
    await repos.events.recordAnswer(makeEvent(fresh, 'e1', 2_000), { ...fresh, state: 1, reps: 1, lastReview: 2_000 });
    const restored = await repos.events.undoAnswer('e1');
    expect(restored).toEqual(fresh);
    expect('lastReview' in restored).toBe(false);
  });

  it('undo only the latest answer of a card', async () => {
    const card = makeCard('p1', 'a');
    await repos.packs.savePackImport(makePack('p1'), [], [card]);
    const second = { ...card, reps: 1 };
    await repos.events.recordAnswer(makeEvent(card, 'e1', 2_000), second);
    await repos.events.recordAnswer(makeEvent(second, 'e2', 3_000), { ...card, reps: 2 });
    await expect(repos.events.undoAnswer('e1')).rejects.toThrow(/latest/);
    expect((await repos.events.undoAnswer('e2')).reps).toBe(1);
    expect((await repos.events.undoAnswer('e1')).reps).toBe(0);
  });

  it('recordAnswer writes nothing when the card is gone or the event id is taken', async () => {
    const card = makeCard('p1', 'a');
    await expect(repos.events.recordAnswer(makeEvent(card, 'e1', 2_000), card)).rejects.toThrow(/no card/);
    await repos.packs.savePackImport(makePack('p1'), [], [card]);
    await repos.events.recordAnswer(makeEvent(card, 'e1', 2_000), { ...card, reps: 1 });
    await expect(repos.events.recordAnswer(makeEvent(card, 'e1', 3_000), { ...card, reps: 9 })).rejects.toThrow();
    expect((await repos.cards.get(card.id))?.reps).toBe(1);
    expect(await repos.events.count()).toBe(1);
  });

  it('byCard is in time order and between is half-open', async () => {
    const card = makeCard('p1', 'a');
    await repos.packs.savePackImport(makePack('p1'), [], [card]);
    for (const [id, at] of [['e3', 3_000], ['e1', 1_000], ['e2', 2_000]] as const) {
      await db.events.add(makeEvent(card, id, at));
    }
    expect((await repos.events.byCard(card.id)).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await repos.events.between(1_000, 3_000)).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect((await repos.events.byPack('p1', 2_000)).map((e) => e.id)).toEqual(['e2', 'e3']);
  });
});

describe('settings', () => {
  it('round-trips values and falls back for missing keys', async () => {
    expect(await repos.settings.get('retention', 0.9)).toBe(0.9);
    await repos.settings.set('retention', 0.85);
    await repos.settings.set('limits', { newPerDay: 20, reviews: 200 });
    expect(await repos.settings.get('retention', 0.9)).toBe(0.85);
    expect(await repos.settings.get('limits', {})).toEqual({ newPerDay: 20, reviews: 200 });
    expect(await repos.settings.all()).toEqual({ retention: 0.85, limits: { newPerDay: 20, reviews: 200 } });
    await repos.settings.remove('retention');
    expect(await repos.settings.get('retention', 0.9)).toBe(0.9);
  });
});

describe('attempts and assessments', () => {
  it('lists a pack in time order', async () => {
    await repos.attempts.add(makeAttempt('p1', 'late', 5_000));
    await repos.attempts.add(makeAttempt('p1', 'early', 1_000));
    await repos.attempts.put(makeAttempt('p1', 'early', 1_000, { status: 'finished', finishedAt: 2_000, outcome: 'a', correct: true }));
    expect((await repos.attempts.byPack('p1')).map((a) => [a.id, a.status])).toEqual([['early', 'finished'], ['late', 'running']]);
    await repos.assessments.add({ id: 's2', packId: 'p1', at: 9_000, level: 3 });
    await repos.assessments.add({ id: 's1', packId: 'p1', at: 8_000, level: 2 });
    expect((await repos.assessments.byPack('p1')).map((s) => s.id)).toEqual(['s1', 's2']);
    expect((await repos.assessments.latest('p1'))?.level).toBe(3);
  });
});

describe('backups', () => {
  it('lists newest first without text, and reads text back', async () => {
    const a = await repos.backups.write('first', 'alpha');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await repos.backups.write('second', 'bêta');
    expect(b.bytes).toBe(5);
    expect(b.id).toMatch(/^[A-Za-z0-9._-]{1,120}$/);
    const listed = await repos.backups.list();
    expect(listed).toEqual([b, a]);
    expect(listed.every((info) => !('text' in info))).toBe(true);
    expect(await repos.backups.read(a.id)).toEqual({ id: a.id, text: 'alpha' });
    await repos.backups.remove(a.id);
    await expect(repos.backups.read(a.id)).rejects.toThrow(/No backup/);
    expect(await repos.backups.list()).toEqual([b]);
  });
});
