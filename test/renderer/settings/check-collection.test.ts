import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_NOW } from '../../../bench/fixtures/collection';
import { CheckCancelled, checkCollection, repairCollection } from '../../../renderer/features/settings/check-collection';
import type { CheckProgress } from '../../../renderer/features/settings/check-protocol';
import { answerCard } from '../../../shared/schedule/review';
import { withChange } from '../../../shared/schedule/scheduler-history';
import { DEFAULT_SCHEDULER_SETTINGS, makeScheduler, normalizeSchedulerSettings } from '../../../shared/schedule/scheduler-settings';
import { openCollectionDb, type CollectionDb } from './collection-db';

const SPEC = { cards: 240, events: 2_400, seed: 7, cardsPerPack: 80 };
const settings = normalizeSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS);

let collection: CollectionDb;
beforeEach(async () => {
  collection = await openCollectionDb('check', SPEC);
});
afterEach(() => collection.db.close());

describe('checkCollection', () => {
  it('reports no drift on a consistent collection, and reports progress page by page up to the end', async () => {
    const progress: CheckProgress[] = [];
    const report = await checkCollection(collection.repositories, settings, { pageSize: 50, onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ cards: 240, events: 2_400, driftedIds: [], drifted: [], orphanEvents: 0 });
    expect(report.settings).toEqual(settings);
    // One report before the first page, then one per page of 50 cards.
    expect(progress.map((p) => p.done)).toEqual([0, 50, 100, 150, 200, 240]);
    expect(progress.every((p) => p.phase === 'check' && p.total === 240 && p.drifted === 0)).toBe(true);
    expect(progress.at(-1)?.events).toBe(2_400);
  });

  it('reports a tampered card with the fields that differ, and Repair writes the replayed state', async () => {
    const { repositories } = collection;
    const answered = (await repositories.cards.pageById(undefined, 240)).find((card) => card.reps >= 3)!;
    const tampered = { ...answered, due: answered.due + 86_400_000, stability: answered.stability * 2 };
    await repositories.cards.putMany([tampered]);

    const report = await checkCollection(repositories, settings, { pageSize: 64 });
    expect(report.driftedIds).toEqual([answered.id]);
    const [drift] = report.drifted;
    expect(drift).toMatchObject({ cardId: answered.id, packId: answered.packId, kind: answered.kind, fields: ['due', 'stability'] });
    expect(drift!.packTitle).toBe((await repositories.packs.get(answered.packId))!.title);
    expect(drift!.itemText).toBe((await repositories.items.get(answered.itemKey))!.text);
    expect(drift!.expected.due).toBe(answered.due);
    expect(drift!.stored.due).toBe(tampered.due);
    expect(drift!.stored.stability).toBe(tampered.stability);

    const repairProgress: CheckProgress[] = [];
    const result = await repairCollection(repositories, settings, report.driftedIds, { onProgress: (p) => repairProgress.push(p) });
    expect(result).toMatchObject({ repaired: 1, requested: 1 });
    expect(repairProgress.at(-1)).toMatchObject({ phase: 'repair', done: 1, total: 1 });
    expect(await repositories.cards.get(answered.id)).toEqual(answered);
    expect((await checkCollection(repositories, settings)).driftedIds).toEqual([]);
  });

  it('a card whose first answer was undone in storage only (state kept) drifts in every field the answer changed', async () => {
    const { repositories } = collection;
    const fresh = (await repositories.cards.pageById(undefined, 240)).find((card) => card.state === 0)!;
    // An answer written to the card but whose event was lost: the state is ahead of the events.
    const { card } = answerCard(makeScheduler(settings), fresh, 3, COLLECTION_NOW, { id: 'lost', durationMs: 1, grader: 'self' });
    await repositories.cards.putMany([card]);
    const report = await checkCollection(repositories, settings);
    expect(report.drifted[0]).toMatchObject({ cardId: fresh.id });
    expect(report.drifted[0]!.fields).toEqual(expect.arrayContaining(['due', 'stability', 'difficulty', 'reps', 'state', 'lastReview']));
    expect(report.drifted[0]!.expected.lastReview).toBeUndefined();
    await repairCollection(repositories, settings, report.driftedIds);
    expect(await repositories.cards.get(fresh.id)).toEqual(fresh);
  });

  it('uses the settings it is given: other settings than the answers were given with show as drift in due dates', async () => {
    const other = normalizeSchedulerSettings({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.8 });
    const report = await checkCollection(collection.repositories, other);
    expect(report.driftedIds.length).toBeGreaterThan(50);
    expect(report.drifted.every((card) => card.fields.length > 0)).toBe(true);
    expect(report.drifted.some((card) => card.fields.includes('due'))).toBe(true);
  });

  it('replays each answer with the parameters of its time: a later change of retention is no drift, damage still is', async () => {
    const { repositories } = collection;
    const lower = normalizeSchedulerSettings({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.8 });
    // Retention lowered at COLLECTION_NOW (every generated answer is older); then answers under the new value.
    const history = withChange([], settings, lower, COLLECTION_NOW);
    expect(history).toHaveLength(2);
    const studied = (await repositories.cards.pageById(undefined, 240)).filter((card) => card.reps >= 2).slice(0, 12);
    for (const [i, card] of studied.entries()) {
      const answer = answerCard(makeScheduler(lower), card, 3, COLLECTION_NOW + (i + 1) * 60_000, { id: `later-${i}`, durationMs: 1, grader: 'self' });
      await repositories.events.recordAnswer(answer.event, answer.card);
    }

    expect((await checkCollection(repositories, lower, { history: history! })).driftedIds).toEqual([]);
    // Without the history, every answer replays with one set of parameters and the others drift.
    expect((await checkCollection(repositories, lower)).driftedIds.length).toBeGreaterThan(50);
    // With the old settings only, the cards answered after the change are the ones that can differ.
    const underOld = (await checkCollection(repositories, settings)).driftedIds;
    expect(underOld.length).toBeGreaterThan(0);
    expect(underOld.every((id) => studied.some((card) => card.id === id))).toBe(true);

    // Real damage still shows, and Repair puts back the state of each answer's own time.
    const [damaged] = studied;
    const stored = await repositories.cards.get(damaged!.id);
    await repositories.cards.putMany([{ ...stored!, due: stored!.due + 3 * 86_400_000 }]);
    const report = await checkCollection(repositories, lower, { history: history! });
    expect(report.driftedIds).toEqual([damaged!.id]);
    expect(report.history).toEqual(history);
    await repairCollection(repositories, report.settings, report.driftedIds, { history: report.history });
    expect(await repositories.cards.get(damaged!.id)).toEqual(stored);
  });

  it('counts events whose card no longer exists, without reporting drift for them', async () => {
    const { repositories } = collection;
    const [first] = await repositories.cards.pageById(undefined, 1);
    const events = await repositories.events.byCard(first!.id);
    await repositories.events.addMany(events.map((event) => ({ ...event, id: `${event.id}-orphan`, cardId: `${first!.id}-gone` })));
    const report = await checkCollection(repositories, settings, { pageSize: 7 });
    expect(report.orphanEvents).toBe(events.length);
    expect(report.driftedIds).toEqual([]);
  });

  it('stops between pages when asked, saying how far it got', async () => {
    let pages = 0;
    const run = checkCollection(collection.repositories, settings, {
      pageSize: 40,
      onProgress: () => (pages += 1),
      shouldStop: () => pages >= 3,
    });
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckCancelled);
    expect((error as CheckCancelled).progress).toMatchObject({ done: 80, total: 240 });
  });

  it('repair writes in batches and a stopped repair keeps the batches already written', async () => {
    const { repositories } = collection;
    const cards = (await repositories.cards.pageById(undefined, 240)).filter((card) => card.reps > 0).slice(0, 10);
    await repositories.cards.putMany(cards.map((card) => ({ ...card, due: card.due + 1 })));
    let batches = 0;
    const stopped = await repairCollection(repositories, settings, cards.map((card) => card.id), {
      batchSize: 4,
      onProgress: () => (batches += 1),
      shouldStop: () => batches >= 2,
    }).catch((caught: unknown) => caught);
    expect(stopped).toBeInstanceOf(CheckCancelled);
    expect((await checkCollection(repositories, settings)).driftedIds).toHaveLength(6);
  });
});
