import { describe, expect, it } from 'vitest';
import type { CardRecord, ItemRecord, ReviewEvent } from '../../../shared/model';
import { buildCustomQueue, buildQueue, nextLearningDue, type QueueInput } from '../../../shared/schedule/queue';
import { retrievability } from '../../../shared/schedule/review';
import { makeScheduler } from '../../../shared/schedule/scheduler-settings';
import { card, DAY, event, HOUR, itemsFor, MINUTE, reviewed, T0 } from './fixtures';

const settings = { newCardsPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4 };

function queue(cards: CardRecord[], extra: Partial<QueueInput> = {}): string[] {
  return buildQueue({
    cards,
    items: itemsFor(cards),
    todaysEvents: [],
    now: T0,
    settings,
    timezoneOffsetMinutes: 0,
    ...extra,
  }).map((c) => c.id);
}

describe('buildQueue', () => {
  it('puts due reviews first, lowest retrievability first, then new cards', () => {
    const cards = [
      card('p/new'),
      reviewed('p/solid', 100 * DAY, 100),
      reviewed('p/fading', 10 * DAY, 1),
      reviewed('p/middling', 6 * DAY, 5),
      reviewed('p/not-due', 1 * DAY, 30),
    ];
    const scheduler = makeScheduler();
    const r = (id: string): number => retrievability(scheduler, cards.find((c) => c.id === id)!, T0);
    expect(r('p/fading')).toBeLessThan(r('p/middling'));
    expect(r('p/middling')).toBeLessThan(r('p/solid'));
    expect(queue(cards)).toEqual(['p/fading', 'p/middling', 'p/solid', 'p/new']);
  });

  it('interleaves packs round-robin, each pack in its own reading order', () => {
    const cards = [card('a/3'), card('a/1'), card('a/2'), card('b/2'), card('b/1'), card('c/1')];
    const items: ItemRecord[] = itemsFor(cards, {
      'a/1': { order: 0 }, 'a/2': { order: 1 }, 'a/3': { order: 2 }, 'b/1': { order: 0 }, 'b/2': { order: 1 }, 'c/1': { order: 0 },
    });
    expect(queue(cards, { items })).toEqual(['a/1', 'b/1', 'c/1', 'a/2', 'b/2', 'a/3']);
    expect(queue(cards, { items, packOrder: ['c', 'b'] })).toEqual(['c/1', 'b/1', 'a/1', 'b/2', 'a/2', 'a/3']);
  });

  it('introduces new cards up to the daily limit minus those already introduced today', () => {
    const done = [card('p/x', { state: 1, due: T0 + HOUR, lastReview: T0 - HOUR }), card('p/y', { state: 1, due: T0 + HOUR, lastReview: T0 - HOUR })];
    const fresh = [card('p/1'), card('p/2'), card('p/3'), card('p/4')];
    const todaysEvents = [
      event(done[0]!, T0 - HOUR, { before: card('p/x') }),
      event(done[1]!, T0 - HOUR, { before: card('p/y') }),
      // Yesterday's new card does not count against today.
      event(card('p/old'), T0 - DAY, { before: card('p/old') }),
    ];
    const ids = queue([...done, ...fresh], { todaysEvents, settings: { ...settings, newCardsPerDay: 3 } });
    expect(ids).toEqual(['p/1']);
    expect(queue([...done, ...fresh], { settings: { ...settings, newCardsPerDay: 1 } })).toEqual(['p/1']);
    expect(queue(fresh, { settings: { ...settings, newCardsPerDay: 0 } })).toEqual([]);
  });

  it('caps reviews by the daily limit minus today’s reviews, but never cuts learning cards', () => {
    const reviewsDue = [reviewed('p/r1', 20 * DAY, 2), reviewed('p/r2', 15 * DAY, 2), reviewed('p/r3', 10 * DAY, 2)];
    const learning = card('p/learn', { state: 1, reps: 1, due: T0 - MINUTE, lastReview: T0 - 11 * MINUTE, stability: 2, difficulty: 5 });
    const doneToday = reviewed('p/done', 3 * HOUR, 10, { due: T0 + 10 * DAY });
    const todaysEvents: ReviewEvent[] = [event(doneToday, T0 - 3 * HOUR, { before: { ...reviewed('p/done', 20 * DAY, 5) } })];
    const ids = queue([...reviewsDue, learning, doneToday], { todaysEvents, settings: { ...settings, maxReviewsPerDay: 2 } });
    expect(ids).toEqual(['p/r1', 'p/learn']);
  });

  it('buries siblings: one card per item (the step before its details), none for an item answered today except the answered card itself', () => {
    const twins = [card('p/x', { id: 'p/x/cloze', kind: 'cloze' }), card('p/x', { id: 'p/x/next-step', kind: 'next-step' })];
    const answered = card('p/y', { id: 'p/y/next-step', state: 1, reps: 1, due: T0 - MINUTE, lastReview: T0 - 10 * MINUTE, stability: 2, difficulty: 5 });
    const sibling = card('p/y', { id: 'p/y/why' });
    const dueSibling = reviewed('p/y', 30 * DAY, 3, { id: 'p/y/cloze' });
    const todaysEvents = [event(answered, T0 - 10 * MINUTE, { before: card('p/y', { id: 'p/y/next-step' }) })];
    const ids = queue([...twins, answered, sibling, dueSibling], { todaysEvents });
    expect(ids).toEqual(['p/y/next-step', 'p/x/next-step']);
  });

  it('keeps a due card before a new sibling of the same item', () => {
    const due = reviewed('p/x', 30 * DAY, 3, { id: 'p/x/cloze' });
    expect(queue([card('p/x', { id: 'p/x/why' }), due])).toEqual(['p/x/cloze']);
  });

  it('leaves out suspended cards, buried cards and cards of retired items', () => {
    const cards = [
      card('p/suspended', { suspended: 1 }),
      card('p/buried', { buriedUntil: T0 + HOUR }),
      card('p/unburied', { buriedUntil: T0 }),
      reviewed('p/suspended-due', 30 * DAY, 3, { suspended: 1 }),
      card('p/retired'),
    ];
    const items = itemsFor(cards, { 'p/retired': { retired: true } });
    expect(queue(cards, { items })).toEqual(['p/unburied']);
  });

  it('treats cards of items changed since their last review as due now, first', () => {
    const changed = reviewed('p/changed', 2 * DAY, 300);
    const unchanged = reviewed('p/unchanged', 2 * DAY, 300);
    const fading = reviewed('p/fading', 20 * DAY, 1);
    const cards = [fading, changed, unchanged];
    const items = itemsFor(cards, {
      'p/changed': { changedAt: T0 - DAY },
      'p/unchanged': { changedAt: T0 - 3 * DAY }, // changed before its last review: already seen
    });
    expect(queue(cards, { items })).toEqual(['p/changed', 'p/fading']);
  });

  it('uses the study day: dayStartHour in the person’s time zone', () => {
    // T0 is 12:00Z; in UTC+10 (offset -600) that is 22:00, and the study day began at 04:00 local = 18:00Z the day before.
    const zone = { timezoneOffsetMinutes: -600 };
    const sibling = card('p/x', { id: 'p/x/why' });
    const other = card('p/x', { id: 'p/x/next-step', state: 1, due: T0 + DAY, lastReview: T0 - 19 * HOUR });
    // Answered at 17:30Z = 03:30 local: the previous study day, so it neither buries nor counts.
    const lastNight = [event(other, T0 - 18.5 * HOUR, { before: card('p/x', { id: 'p/x/next-step' }) })];
    expect(queue([sibling, other], { ...zone, todaysEvents: lastNight, settings: { ...settings, newCardsPerDay: 1 } })).toEqual(['p/x/why']);
    // Answered at 18:30Z = 04:30 local: today.
    const thisMorning = [event(other, T0 - 17.5 * HOUR, { before: card('p/x', { id: 'p/x/next-step' }) })];
    expect(queue([sibling, other], { ...zone, todaysEvents: thisMorning })).toEqual([]);

    // A review due later in the study day (before 04:00 local = 18:00Z) is due now; one due after is not.
    const later = reviewed('p/later', 5 * DAY, 5, { due: T0 + 5 * HOUR });
    const tomorrow = reviewed('p/tomorrow', 5 * DAY, 5, { due: T0 + 7 * HOUR });
    expect(queue([later, tomorrow], zone)).toEqual(['p/later']);
    // In UTC the day ends at 04:00Z the next day, so both are due.
    expect(queue([later, tomorrow], { timezoneOffsetMinutes: 0 })).toEqual(['p/later', 'p/tomorrow']);
  });

  it('shows a learning card only when its step is due, and says when that is', () => {
    const soon = card('p/soon', { state: 1, reps: 1, due: T0 + 8 * MINUTE, lastReview: T0 - 2 * MINUTE, stability: 2, difficulty: 5 });
    expect(queue([soon])).toEqual([]);
    expect(nextLearningDue([soon, card('p/new')], T0)).toBe(T0 + 8 * MINUTE);
    expect(nextLearningDue([card('p/new')], T0)).toBeNull();
  });
});

describe('buildCustomQueue', () => {
  const cards = [
    card('p/new2', { createdAt: T0 - DAY }),
    card('p/new1', { createdAt: T0 - 2 * DAY }),
    reviewed('p/notdue', 1 * DAY, 30, { lapses: 4 }),
    reviewed('p/due-solid', 40 * DAY, 30),
    reviewed('p/due-weak', 20 * DAY, 1, { lapses: 1 }),
    reviewed('p/suspended', 20 * DAY, 1, { suspended: 1 }),
    reviewed('q/other', 20 * DAY, 1),
  ];

  it('"this pack now": every unsuspended card of the pack, due first, then new, then the rest, no limits', () => {
    const ids = buildCustomQueue({ cards, items: itemsFor(cards), now: T0, request: { mode: 'pack', packId: 'p' } }).map((c) => c.id);
    expect(ids).toEqual(['p/due-weak', 'p/due-solid', 'p/new1', 'p/new2', 'p/notdue']);
  });

  it('"my N weakest": lowest retrievability among reviewed cards, or most lapses', () => {
    const weakest = buildCustomQueue({ cards, now: T0, request: { mode: 'weakest', count: 2 } }).map((c) => c.id);
    expect(weakest).toEqual(['p/due-weak', 'q/other']);
    const lapsed = buildCustomQueue({ cards, now: T0, request: { mode: 'weakest', count: 2, by: 'lapses' } }).map((c) => c.id);
    expect(lapsed).toEqual(['p/notdue', 'p/due-weak']);
  });
});

describe('a session of exactly these cards', () => {
  it('holds the cards asked for, in that order, once each, suspended ones left out', () => {
    const cards = ['a', 'b', 'c', 'd'].map((id, i) => card(`p/${id}/qa`, { suspended: i === 2 ? 1 : 0 }));
    const queue = buildCustomQueue({ cards, now: 0, request: { mode: 'cards', ids: [cards[3]!.id, cards[0]!.id, cards[2]!.id, cards[3]!.id, 'gone'] } });
    expect(queue.map((card) => card.id)).toEqual([cards[3]!.id, cards[0]!.id]);
  });
});
