/**
 * The practice store against a fake-indexeddb Kata database, the real parsers,
 * drill generation and scheduling core: one answer is one event plus one card
 * update, written before the next card shows; undo puts the stored card back
 * exactly; bury and suspend; the daily limits; custom sessions.
 */
import { inlinePlain, sameReading } from '../../../../shared/text/inline-text';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseImportFile } from '../../../../shared/import/parse-file';
import { planImport } from '../../../../shared/library/plan-import';
import type { CardRecord, Rating } from '../../../../shared/model';
import { DAY_MS, studyDayEnd } from '../../../../shared/schedule/day';
import { checkCard } from '../../../../shared/schedule/replay';
import { makeScheduler } from '../../../../shared/schedule/scheduler-settings';
import type { KataDb } from '../../../../renderer/storage/db';
import { createRepositories } from '../../../../renderer/storage/index';
import type { Repositories } from '../../../../renderer/storage/index';
import type { PracticeCard } from '../../../../renderer/state/practice/practice-collection';
import type { GivenAnswer } from '../../../../shared/drills/judge-answer';
import { createPracticeStore } from '../../../../renderer/state/practice/practice-store';
import type { PracticeStore } from '../../../../renderer/state/practice/practice-store';
import { openTestDb } from '../../storage/test-db';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../resources/samples');
const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

let db: KataDb;
let repos: Repositories;
let store: PracticeStore;
let clock: number;
let settings: Record<string, unknown>;
let ids: number;

async function importSample(fileName: string, at = T0): Promise<string> {
  const parsed = parseImportFile(fileName, readFileSync(path.join(SAMPLES, fileName), 'utf8'));
  if (!parsed.ok) throw new Error(`${fileName}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const plan = planImport(parsed.pack, null, at);
  await repos.packs.savePackImport(plan.pack, plan.items, plan.cards);
  return plan.pack.id;
}

/** The right answer to any objective card. */
function rightAnswer(card: PracticeCard): GivenAnswer {
  if (card.drill === 'choice') return { kind: 'choice', index: card.spec.choices!.findIndex((choice) => sameReading(choice, card.spec.answer)) };
  if (card.drill === 'sequence') return { kind: 'order', order: card.spec.sequence!.map((_, i) => i) };
  return { kind: 'text', text: card.spec.cloze ?? inlinePlain(card.spec.answer) };
}

function current(): PracticeCard {
  const card = store.getState().session?.current;
  if (!card) throw new Error('no card on screen');
  return card;
}

/** Answers the card on screen (rightly, in `ms`) with `rating`, and waits until it is stored. */
async function answer(rating: Rating = 3, ms = 3_000): Promise<void> {
  const card = current();
  clock += ms;
  if (card.drill === 'reveal') store.getState().reveal();
  else store.getState().submit(rightAnswer(card));
  await store.getState().grade(rating);
}

async function storedCard(id: string): Promise<CardRecord> {
  const card = await repos.cards.get(id);
  if (!card) throw new Error(`no card ${id}`);
  return card;
}

beforeEach(async () => {
  db = await openTestDb('practice-store');
  repos = createRepositories(db);
  clock = T0 + 60_000;
  settings = { newCardsPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4 };
  ids = 0;
  store = createPracticeStore(repos, {
    settings: () => settings,
    now: () => clock,
    timezoneOffsetMinutes: () => 0,
    newId: () => `event-${++ids}`,
  });
});
afterEach(() => db.close());

describe('answers', () => {
  test('one answer writes exactly one event and the card update, before the next card shows', async () => {
    await importSample('model-deployment-checklist.md');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const first = current();
    const before = await storedCard(first.record.id);

    const record = repos.events.answerStored.bind(repos.events);
    const seenDuringWrite: string[] = [];
    const spy = vi.spyOn(repos.events, 'answerStored').mockImplementation(async (cardId, answerOf) => {
      // While the write runs, the answered card is still the one on screen.
      seenDuringWrite.push(store.getState().session!.current!.record.id);
      return record(cardId, answerOf);
    });
    await answer(3, 4_200);

    expect(spy).toHaveBeenCalledTimes(1);
    expect(seenDuringWrite).toEqual([first.record.id]);
    const events = await repos.events.all();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ cardId: first.record.id, packId: first.record.packId, rating: 3, durationMs: 4_200, source: 'drill' });
    expect(event!.before).toEqual({
      due: before.due,
      stability: before.stability,
      difficulty: before.difficulty,
      elapsedDays: before.elapsedDays,
      scheduledDays: before.scheduledDays,
      learningSteps: before.learningSteps,
      reps: before.reps,
      lapses: before.lapses,
      state: before.state,
    });
    const after = await storedCard(first.record.id);
    expect(after.reps).toBe(1);
    expect(after.lastReview).toBe(event!.at);
    expect(checkCard(makeScheduler(), after, events)).toEqual({ ok: true });
    expect(current().record.id).not.toBe(first.record.id);
    expect(store.getState().session!.events).toHaveLength(1);
  });

  test('a slow write shows the card as busy after a moment, and keys wait for it', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const first = current();
    const record = repos.events.answerStored.bind(repos.events);
    let release: () => void = () => undefined;
    const spy = vi.spyOn(repos.events, 'answerStored').mockImplementation(async (cardId, answerOf) => {
      await new Promise<void>((resolve) => (release = resolve));
      return record(cardId, answerOf);
    });
    store.getState().reveal();
    const renders: boolean[] = []; // session.busy at each change of the session
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.session !== previous.session) renders.push(state.session?.busy ?? false);
    });
    const grading = store.getState().grade(3);
    // A fast write is never shown as busy: no state change until it is done.
    expect(store.getState().session!.busy).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().session!.busy).toBe(true);
    // A second grade while the first is written is ignored.
    await store.getState().grade(1);
    expect(spy).toHaveBeenCalledTimes(1);
    release();
    await grading;
    unsubscribe();
    expect(current().record.id).not.toBe(first.record.id);
    expect(store.getState().session!.busy).toBe(false);
    expect(renders).toEqual([true, false]);
    expect(await repos.events.count()).toBe(1);
  });

  test('the streak is filled in on the start panel once counted', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    await answer(3);
    store.getState().end();
    clock += DAY_MS;
    await store.getState().load({ mode: 'daily' });
    for (let i = 0; i < 100 && store.getState().overview?.streak === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().overview?.streak).toBe(1);
  });

  test('FSRS settings changed during a session apply from the next answer on', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const first = current();
    await answer(1);
    const before = await storedCard(first.record.id);
    expect(before.due - before.lastReview!).toBe(60_000);
    settings = { ...settings, learningSteps: ['30m'] };
    const second = current();
    await answer(1);
    const after = await storedCard(second.record.id);
    expect(after.due - after.lastReview!).toBe(30 * 60_000);
  });

  test('a failed write keeps the card on screen, stores nothing, and says so', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const first = current();
    vi.spyOn(repos.events, 'answerStored').mockRejectedValueOnce(new Error('disk full'));
    await answer(3);
    expect(current().record.id).toBe(first.record.id);
    expect(store.getState().session!.error).toMatch(/could not be saved: disk full/);
    expect(await repos.events.count()).toBe(0);
    expect(store.getState().session!.busy).toBe(false);
  });

  test('objective drills are graded automatically, with the reason; a key overrides the grade', async () => {
    await importSample('overfitting-diagnosis.mmd');
    await store.getState().load({ mode: 'pack', packId: 'overfitting-diagnosis' });
    await store.getState().start();
    while (current().drill !== 'choice') await answer(3);
    const card = current();

    clock += 2_000;
    const wrong = card.spec.choices!.findIndex((choice) => choice !== card.spec.answer);
    store.getState().submit({ kind: 'choice', index: wrong });
    const phase = store.getState().session!.phase;
    expect(phase.name).toBe('feedback');
    if (phase.name !== 'feedback') return;
    expect(phase.judgement.correct).toBe(false);
    expect(phase.grade).toEqual({ rating: 1, reason: 'Wrong, in 2.0 s: Again' });
    expect(phase.intervals[1]).toBeLessThan(phase.intervals[3]);

    await store.getState().grade(2);
    const events = await repos.events.byCard(card.record.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ rating: 2, grader: 'self', correct: false, durationMs: 2_000 });

    // Right, with no usual time yet: Good, and the reason says why speed did not count.
    const next = current();
    clock += 1_500;
    if (next.drill === 'reveal') return;
    store.getState().submit(rightAnswer(next));
    const right = store.getState().session!.phase;
    if (right.name !== 'feedback') throw new Error('expected feedback');
    expect(right.grade.rating).toBe(3);
    expect(right.grade.reason).toMatch(/^Correct, in 1\.5 s — speed counts once you have 5 correct answers/);
    await store.getState().accept();
    expect((await repos.events.byCard(next.record.id))[0]).toMatchObject({ rating: 3, grader: 'auto', correct: true });
  });

  test('speed is judged against the person’s own usual time for that card kind', async () => {
    await importSample('overfitting-diagnosis.mmd');
    await store.getState().load({ mode: 'pack', packId: 'overfitting-diagnosis' });
    await store.getState().start();
    const graded: { rating: Rating; reason: string }[] = [];
    for (let n = 0; n < 40 && store.getState().status === 'session'; n += 1) {
      const card = current();
      if (card.spec.kind !== 'branch') {
        await answer(3);
        continue;
      }
      // Five branch answers at 4 s make the usual time; the sixth at 1 s is clearly fast.
      const ms = graded.length < 5 ? 4_000 : 1_000;
      clock += ms;
      store.getState().submit(rightAnswer(card));
      const phase = store.getState().session!.phase;
      if (phase.name !== 'feedback') throw new Error('expected feedback');
      graded.push(phase.grade);
      await store.getState().accept();
      if (graded.length === 6) break;
    }
    expect(graded.slice(0, 5).map((g) => g.rating)).toEqual([3, 3, 3, 3, 3]);
    expect(graded[5]).toEqual({ rating: 4, reason: 'Correct, in 1.0 s — your usual is 4.0 s: Easy' });
  });

  test('a memory item typed right but after its time limit is Again, with the reason', async () => {
    await importSample('inference-outage-runbook.md');
    await store.getState().load({ mode: 'pack', packId: 'sample-inference-outage' });
    await store.getState().start();
    while (current().drill !== 'memory') await answer(3);
    const card = current();
    // 90 s for the pack's three memory items: 30 s each.
    expect(card.timeLimitMs).toBe(30_000);
    clock += 31_000;
    store.getState().submit({ kind: 'text', text: inlinePlain(card.spec.answer).toUpperCase() });
    const phase = store.getState().session!.phase;
    if (phase.name !== 'feedback') throw new Error('expected feedback');
    expect(phase.judgement.correct).toBe(false);
    expect(phase.grade).toEqual({ rating: 1, reason: 'Right words, but after the 30.0 s limit, in 31.0 s: Again' });
  });

  test('taking back an answer not yet stored asks the card again and writes nothing', async () => {
    await importSample('overfitting-diagnosis.mmd');
    await store.getState().load({ mode: 'pack', packId: 'overfitting-diagnosis' });
    await store.getState().start();
    while (current().drill !== 'choice') await answer(3);
    const card = current();
    const stored = await repos.events.count();
    store.getState().submit(rightAnswer(card));
    await store.getState().undo();
    expect(store.getState().session!.phase.name).toBe('question');
    expect(current().record.id).toBe(card.record.id);
    expect(await repos.events.count()).toBe(stored);
  });
});

describe('undo', () => {
  test('several steps: each puts back the exact stored card (due included) and removes its event', async () => {
    await importSample('model-deployment-checklist.md');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const history: CardRecord[] = [];
    for (const rating of [3, 1, 4, 2] as Rating[]) {
      history.push(await storedCard(current().record.id));
      await answer(rating, 2_500);
    }
    expect(await repos.events.count()).toBe(4);
    expect(store.getState().session!.undoDepth).toBe(4);

    for (let step = 3; step >= 0; step -= 1) {
      await store.getState().undo();
      const before = history[step]!;
      expect(await storedCard(before.id)).toEqual(before);
      expect(await repos.events.count()).toBe(step);
      expect(current().record.id).toBe(before.id);
      expect(store.getState().session!.phase.name).toBe('question');
    }
    expect(store.getState().session!.events).toEqual([]);
    await store.getState().undo();
    expect(store.getState().announcement.text).toBe('Nothing to undo.');
  });

  test('undo from the summary reopens the session on the restored card', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'pack', packId: 'ml-metrics' });
    await store.getState().start();
    while (store.getState().status === 'session') await answer(3);
    expect(store.getState().status).toBe('summary');
    const summary = store.getState().summary!;
    expect(summary.results.answered).toBe(6);
    expect(summary.results.accuracy).toBe(1);
    const last = (await repos.events.all()).at(-1)!;
    await store.getState().undo();
    expect(store.getState().status).toBe('session');
    expect(current().record.id).toBe(last.cardId);
    expect(await repos.events.count()).toBe(5);
  });
});

describe('bury and suspend', () => {
  test('bury hides the card until the study day ends; undo restores it', async () => {
    await importSample('model-deployment-checklist.md');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    const card = current();
    await store.getState().bury();
    const buried = await storedCard(card.record.id);
    expect(buried.buriedUntil).toBe(studyDayEnd(clock, 4, 0));
    expect(current().record.id).not.toBe(card.record.id);
    expect(store.getState().session!.upcoming).not.toContain(card.record.id);
    expect(await repos.events.count()).toBe(0);

    await store.getState().undo();
    expect((await storedCard(card.record.id)).buriedUntil).toBe(0);
    expect(current().record.id).toBe(card.record.id);
  });

  test('suspend keeps the card out of every queue; undo unsuspends it', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    const total = store.getState().overview!.total;
    await store.getState().start();
    const card = current();
    await store.getState().suspend();
    expect((await storedCard(card.record.id)).suspended).toBe(1);
    store.getState().end();
    await store.getState().load({ mode: 'pack', packId: 'ml-metrics' });
    expect(store.getState().overview!.total).toBe(total - 1);
    await store.getState().start();
    const seen: string[] = [];
    while (store.getState().status === 'session') {
      seen.push(current().record.id);
      await answer(3);
    }
    expect(seen).not.toContain(card.record.id);
  });
});

describe('the queue', () => {
  test('the daily plan respects the new-card limit and shows one card per item', async () => {
    await importSample('model-deployment-checklist.md');
    await importSample('inference-outage-runbook.md');
    settings.newCardsPerDay = 5;
    await store.getState().load({ mode: 'daily' });
    const overview = store.getState().overview!;
    expect(overview).toMatchObject({ due: 0, fresh: 5, total: 5, estimatedMinutes: 1, averageIsOwn: false });
    // Packs take turns, in the order of the list (by title).
    expect(overview.perPack.map((p) => [p.title, p.fresh])).toEqual([
      ['Inference outage runbook', 3],
      ['Model deployment checklist', 2],
    ]);

    await store.getState().start();
    const items = new Set<string>();
    const packs: string[] = [];
    while (store.getState().status === 'session') {
      items.add(current().record.itemKey);
      packs.push(current().record.packId);
      await answer(3);
    }
    // The plan made at the start holds through the session: the packs keep taking turns.
    expect(packs).toEqual(['sample-inference-outage', 'sample-model-deployment', 'sample-inference-outage', 'sample-model-deployment', 'sample-inference-outage']);
    // Five new cards, each answered once (Good moves them to a 10-minute step, not due yet).
    expect(await repos.events.count()).toBe(5);
    expect(items.size).toBe(5);
    await store.getState().load({ mode: 'daily' });
    expect(store.getState().overview!.fresh).toBe(0);
  });

  test('the review limit caps due reviews; learning steps come back within the session', async () => {
    await importSample('ml-metrics.csv');
    await store.getState().load({ mode: 'daily' });
    await store.getState().start();
    // Again on the first card: its 1-minute step comes back once the minute has passed.
    const first = current().record.id;
    await answer(1, 2_000);
    clock += 61_000;
    const seen: string[] = [];
    while (store.getState().status === 'session') {
      seen.push(current().record.id);
      await answer(4, 2_000);
    }
    expect(seen).toContain(first);

    clock += 40 * DAY_MS;
    settings.maxReviewsPerDay = 2;
    await store.getState().load({ mode: 'daily' });
    expect(store.getState().overview).toMatchObject({ due: 2, fresh: 0, total: 2 });
  });

  test('custom sessions: a whole pack now, and the weakest cards', async () => {
    const packId = await importSample('overfitting-diagnosis.mmd');
    await importSample('ml-metrics.csv');
    const packCards = await repos.cards.byPack(packId);
    await store.getState().load({ mode: 'pack', packId });
    expect(store.getState().overview).toMatchObject({ total: packCards.length, pack: { id: packId, title: 'Overfitting diagnosis' } });
    await store.getState().start();
    for (let i = 0; i < 4; i += 1) await answer(1, 2_000);
    store.getState().end();

    await store.getState().load({ mode: 'weakest', count: 20 });
    expect(store.getState().overview).toMatchObject({ total: 4, hasStudied: true });
    await store.getState().load({ mode: 'pack', packId: 'no-such-pack' });
    expect(store.getState().overview).toMatchObject({ total: 0 });
    expect(store.getState().overview!.pack).toBeUndefined();
  });

  test('after a session every card still replays from its events', async () => {
    await importSample('model-deployment-checklist.md');
    await store.getState().load({ mode: 'pack', packId: 'sample-model-deployment' });
    await store.getState().start();
    const ratings: Rating[] = [3, 1, 4, 2, 3, 3, 1];
    for (const rating of ratings) await answer(rating, 1_800);
    await store.getState().undo();
    await answer(4, 1_000);
    const events = await repos.events.all();
    expect(events).toHaveLength(ratings.length);
    for (const card of await repos.cards.all()) expect(checkCard(makeScheduler(), card, events)).toEqual({ ok: true });
  });
});
