import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NOW,
  COLLECTION_SIZES,
  generateCollection,
  planEventCounts,
  type CollectionSpec,
  type GeneratedPack,
} from '../../bench/fixtures/collection';
import { generateCards } from '../../shared/drills/generate-cards';
import { packSourceOf } from '../../shared/library/pack-source';
import type { ReviewEvent } from '../../shared/model';
import { checkCard } from '../../shared/schedule/replay';
import { DEFAULT_SCHEDULER_SETTINGS, makeScheduler } from '../../shared/schedule/scheduler-settings';

const SPEC: CollectionSpec = { cards: 1_500, events: 15_000, seed: 11, cardsPerPack: 100 };
const packs = [...generateCollection(SPEC)];
const cards = packs.flatMap((pack) => pack.cards);
const events = packs.flatMap((pack) => pack.events);

describe('planEventCounts', () => {
  it('spreads exactly the requested events, with about one card in eight never answered', () => {
    const counts = planEventCounts({ cards: 10_000, events: 100_000, seed: 5 });
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(100_000);
    const fresh = counts.filter((count) => count === 0).length;
    expect(fresh / counts.length).toBeGreaterThan(0.09);
    expect(fresh / counts.length).toBeLessThan(0.15);
    expect(Math.max(...counts)).toBeLessThanOrEqual(40);
  });
});

describe('generateCollection', () => {
  it('is deterministic for a seed, and another seed gives another collection', () => {
    const again = [...generateCollection(SPEC)];
    expect(again).toEqual(packs);
    const other = [...generateCollection({ ...SPEC, seed: 12 })];
    expect(other.flatMap((pack) => pack.cards).map((card) => card.due)).not.toEqual(cards.map((card) => card.due));
  });

  it("makes the cards Kata's drill generation makes for the items of checklists and decision trees", () => {
    const kinds = new Set(cards.map((card) => card.kind));
    expect([...kinds].sort()).toEqual(['branch', 'cloze', 'memory', 'next-step', 'reverse', 'sequence', 'why']);
    const trees = packs.filter(({ pack }) => pack.kind === 'tree');
    expect(trees.length).toBeGreaterThan(0);
    expect(trees.length).toBeLessThan(packs.length);
    for (const { pack, items } of trees) {
      expect(pack.rootId && items.some((item) => item.id === pack.rootId)).toBe(true);
      expect(pack.edges.length).toBeGreaterThan(0);
    }
    for (const { pack, items, cards: own } of packs) {
      const specs = new Map(generateCards(pack.id, packSourceOf(pack, items)).map((spec) => [spec.id, spec]));
      expect(own.every((card) => specs.get(card.id)?.kind === card.kind)).toBe(true);
    }
  });

  it('has exactly the requested cards and events, in several packs, with unique ids', () => {
    expect(cards).toHaveLength(1_500);
    expect(events).toHaveLength(15_000);
    expect(packs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    for (const { pack, items, cards: own } of packs) {
      expect(pack.cardCount).toBe(own.length);
      expect(pack.itemCount).toBe(items.length);
      const keys = new Set(items.map((item) => item.key));
      // A section's sequence card drills the section (`§phase-1`), not an item.
      expect(own.every((card) => card.packId === pack.id && (keys.has(card.itemKey) || card.kind === 'sequence'))).toBe(true);
      expect(items.every((item) => item.packId === pack.id)).toBe(true);
    }
  });

  it("stores every card's state exactly as replaying its events through ts-fsrs gives it", () => {
    const scheduler = makeScheduler(DEFAULT_SCHEDULER_SETTINGS);
    const byCard = new Map<string, ReviewEvent[]>();
    for (const event of events) byCard.set(event.cardId, [...(byCard.get(event.cardId) ?? []), event]);
    const drifted = cards.filter((card) => !checkCard(scheduler, card, byCard.get(card.id) ?? []).ok);
    expect(drifted.map((card) => card.id)).toEqual([]);
    // Each event's `before` is the state the previous answer left.
    for (const history of byCard.values()) {
      for (let i = 1; i < history.length; i++) expect(history[i]!.at).toBeGreaterThan(history[i - 1]!.at);
    }
  });

  it('looks like a real collection at its "now": every answer in the past, a mix of states and due dates', () => {
    expect(events.every((event) => event.at < COLLECTION_NOW)).toBe(true);
    expect(cards.every((card) => card.createdAt <= (card.lastReview ?? card.createdAt))).toBe(true);
    const share = (test: (card: GeneratedPack['cards'][number]) => boolean) => cards.filter(test).length / cards.length;
    expect(share((card) => card.state === 0)).toBeGreaterThan(0.08);
    expect(share((card) => card.state === 2)).toBeGreaterThan(0.8);
    // Left for the day: hardly any card is still in its learning steps, and few answers were given today.
    expect(share((card) => card.state === 1 || card.state === 3)).toBeLessThan(0.01);
    expect(events.filter((event) => event.at > COLLECTION_NOW - 6 * 3_600_000).length).toBeLessThan(events.length * 0.01);
    expect(cards.every((card) => card.createdAt > COLLECTION_NOW - 5 * 365 * 86_400_000)).toBe(true);
    expect(share((card) => card.lapses > 0)).toBeGreaterThan(0.2);
    const dueNow = share((card) => card.state !== 0 && card.due <= COLLECTION_NOW);
    expect(dueNow).toBeGreaterThan(0.05);
    expect(dueNow).toBeLessThan(0.35);
    expect(share((card) => card.due > COLLECTION_NOW + 7 * 86_400_000)).toBeGreaterThan(0.3);
    expect(share((card) => card.suspended === 1)).toBeGreaterThan(0.005);
    expect(events.some((event) => event.rating === 1) && events.some((event) => event.rating === 4)).toBe(true);
  });

  it('has the sizes the benchmarks declare', () => {
    expect(COLLECTION_SIZES.full).toEqual({ cards: 100_000, events: 1_000_000 });
    expect(COLLECTION_SIZES.quick.events / COLLECTION_SIZES.quick.cards).toBe(10);
  });

  it('has simulation walks on some packs and self-assessments on some, all in the past and in order', () => {
    const attempts = packs.flatMap((pack) => pack.attempts);
    const assessments = packs.flatMap((pack) => pack.assessments);
    expect(packs.filter((pack) => pack.attempts.length > 0).length).toBeGreaterThan(0);
    expect(packs.filter((pack) => pack.assessments.length > 0).length).toBeGreaterThan(0);
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(attempts.length);
    expect(new Set(assessments.map((assessment) => assessment.id)).size).toBe(assessments.length);
    for (const { pack, items, attempts: own } of packs) {
      const ids = new Set(items.map((item) => item.id));
      for (const attempt of own) {
        expect(attempt.kind).toBe(pack.kind);
        expect(attempt.finishedAt! < COLLECTION_NOW).toBe(true);
        expect(attempt.hiddenPath.every((id) => ids.has(id))).toBe(true);
        expect(attempt.decisions.every((decision) => decision.correct === (decision.chosen === decision.answer))).toBe(true);
        if (attempt.status === 'finished') expect(attempt.score).toBeGreaterThanOrEqual(0);
      }
    }
    expect(assessments.every((assessment) => assessment.at < COLLECTION_NOW && assessment.level >= 1 && assessment.level <= 5)).toBe(true);
  });
});
